// Pieces the monitoring pages share: the class badge (colour, symbol and word), the addresses
// of the pages below /steuerung, and the region's plan (concepts, Leitlinien, goals) that the
// forms choose from.

import type { ApiClient } from '../api';
import { attainmentLabel, attainmentSymbols, isAttainmentClass } from '../attainment';
import { h } from '../dom';
import { t } from '../i18n';
import type { Concept, Goal, Guideline, Point } from '../types';
import { errorBox, loadingBox, Loader } from '../ui';
import { withQuery } from '../url';

/** The class as a badge: colour, a symbol and the word (never colour alone). */
export function classBadge(cls: string, extra = ''): HTMLElement {
  const known = isAttainmentClass(cls) ? cls : 'no_data';
  return h(
    'span',
    { class: `att-badge att-${known} ${extra}`.trim(), 'data-class': known },
    h('span', { class: 'att-symbol', 'aria-hidden': 'true' }, attainmentSymbols[known]),
    h('span', { class: 'att-word' }, attainmentLabel(cls)),
  );
}

export type PlanKind = 'konzept' | 'leitlinie' | 'ziel' | 'kennzahl';

/** The address of the cockpit. */
export function cockpitHref(region: string | undefined, year?: string | number): string {
  return withQuery('/steuerung', { region, year: year || undefined });
}

/** The address of an indicator's page. */
export function indicatorHref(id: string, year?: string | number): string {
  return withQuery(`/steuerung/kennzahl/${encodeURIComponent(id)}`, { year: year || undefined });
}

/** The address of a goal's page. */
export function goalHref(id: string, year?: string | number): string {
  return withQuery(`/steuerung/ziel/${encodeURIComponent(id)}`, { year: year || undefined });
}

/** The address of a Leitlinie's or concept's page. */
export function planHref(kind: 'konzept' | 'leitlinie', id: string): string {
  return `/steuerung/${kind}/${encodeURIComponent(id)}`;
}

/** The address of the form that creates a node of kind, with presets. */
export function createHref(kind: PlanKind, preset: Record<string, string | undefined>): string {
  return withQuery(`/steuerung/neu/${kind}`, preset);
}

/** The region's concepts, Leitlinien and goals, for the forms' choices. */
export interface RegionPlan {
  concepts: Concept[];
  guidelines: Guideline[];
  goals: Goal[];
}

const collator = new Intl.Collator('de', { numeric: true });

export async function loadPlan(api: ApiClient, region: string, signal?: AbortSignal): Promise<RegionPlan> {
  const [concepts, guidelines, goals] = await Promise.all([
    api.listAll<Concept>('concepts', { region }, signal),
    api.listAll<Guideline>('guidelines', { region }, signal),
    api.listAll<Goal>('goals', { region }, signal),
  ]);
  concepts.sort((a, b) => collator.compare(a.title, b.title));
  guidelines.sort((a, b) => collator.compare(a.reference ?? '', b.reference ?? '') || collator.compare(a.title, b.title));
  goals.sort((a, b) => collator.compare(a.reference ?? '', b.reference ?? '') || collator.compare(a.text, b.text));
  return { concepts, guidelines, goals };
}

/** Per year the median of the municipalities' values: the sparkline of an indicator measured only per municipality. */
export function medianSeries(series: readonly (readonly Point[])[]): Point[] {
  const byYear = new Map<number, number[]>();
  for (const s of series) for (const p of s) byYear.set(p.year, [...(byYear.get(p.year) ?? []), p.value]);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, vs]) => {
      const sorted = [...vs].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
      return { year, value };
    });
}

/** A link back to the cockpit. */
export function backToCockpit(region: string | undefined, year?: string): HTMLElement {
  return h('p', { class: 'back no-print' }, h('a', { href: cockpitHref(region, year) }, `← ${t('cockpit.back')}`));
}

/**
 * The form slot of a planning page (a concept, Leitlinie, goal or indicator): it loads what
 * a form needs, builds the form, shows it in place of the page's edit buttons, and closes it
 * again. `mode` names the open form ('view' when none is); `element()` is what the page shows
 * there: the form, its loading box, or the error with a retry.
 */
export class FormSlot<M extends string> {
  mode: M | 'view' = 'view';
  private form: HTMLFormElement | undefined;
  private error: unknown;
  private retry: (() => void) | undefined;
  private readonly loader = new Loader();

  constructor(private readonly render: () => void) {}

  /** Opens the form `mode`: loads with `load`, builds with `build`, focuses `focus` in it. */
  open<T>(mode: M, load: (signal: AbortSignal) => Promise<T>, build: (loaded: T) => HTMLFormElement, focus = 'input, textarea, select'): void {
    this.mode = mode;
    this.form = undefined;
    this.error = undefined;
    this.retry = () => this.open(mode, load, build, focus);
    this.render();
    this.loader.run(
      load,
      (loaded) => {
        this.form = build(loaded);
        this.render();
        this.form.querySelector<HTMLElement>(focus)?.focus();
      },
      (error) => {
        this.error = error;
        this.render();
      },
    );
  }

  /** Closes the form; with `focusId`, re-renders and moves the focus there (after a cancel). */
  close(focusId?: string): void {
    this.mode = 'view';
    this.form = undefined;
    if (focusId === undefined) return;
    this.render();
    document.getElementById(focusId)?.focus();
  }

  /** What the page shows for the open form (nothing when none is open). */
  element(): HTMLElement | null {
    if (this.mode === 'view') return null;
    if (this.error) return errorBox(t('plan.formError'), this.error, () => this.retry?.());
    return this.form ?? loadingBox(t('plan.formLoading'));
  }

  /** Stops a load under way (the page is left). */
  stop(): void {
    this.loader.stop();
  }
}
