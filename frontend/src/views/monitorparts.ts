// Pieces the monitoring pages share: the class badge (colour, symbol and word), the addresses
// of the pages below /steuerung, and the region's plan (concepts, Leitlinien, goals) that the
// forms choose from.

import type { ApiClient } from '../api';
import { attainmentLabel, attainmentSymbols, isAttainmentClass } from '../attainment';
import { h } from '../dom';
import { t } from '../i18n';
import type { Concept, Goal, Guideline, Point } from '../types';
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
