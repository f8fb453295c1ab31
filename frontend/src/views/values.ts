// "Werte eintragen": one year's measured values of an indicator, for the whole county and
// optionally per municipality. The form merges them into the indicator's stored values and
// saves the whole list with PATCH and If-Match; the service's problems (a year that has not
// begun, a value that is no number) are shown at the inputs they concern, and when someone
// else changed the indicator meanwhile, the user sees what differs and decides.

import { Problem, type ApiClient } from '../api';
import { h, replaceChildren } from '../dom';
import { describeError } from '../errors';
import { t, type MessageKey } from '../i18n';
import type { Indicator, IndicatorValue, Municipality } from '../types';
import { numberInput, parseNumber } from './planform';
import { scrollBox } from '../ui';
import { conflictBox } from './conflict';

/** The key of a value's place: the municipality's AGS, or '' for the whole county. */
export type Place = string;

/** The stored values of one year by place. */
export function valuesForYear(values: readonly IndicatorValue[] | undefined, year: number): Map<Place, number> {
  const out = new Map<Place, number>();
  for (const v of values ?? []) if (v.year === year) out.set(v.municipality ?? '', v.value);
  return out;
}

/**
 * The indicator's values with one year's entries applied: a number sets the place's value
 * for the year (in place when it had one, else appended), null removes it, places not in
 * entries keep theirs. Other years are untouched and keep their order, so that the service's
 * errors (values[3].year) point at what the user sees.
 */
export function mergeValues(values: readonly IndicatorValue[] | undefined, year: number, entries: ReadonlyMap<Place, number | null>): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  const done = new Set<Place>();
  for (const v of values ?? []) {
    const place = v.municipality ?? '';
    if (v.year !== year || !entries.has(place)) {
      out.push(v);
      continue;
    }
    const next = entries.get(place);
    done.add(place);
    if (next === null || next === undefined) continue;
    out.push(place ? { municipality: place, year, value: next } : { year, value: next });
  }
  for (const [place, value] of entries) {
    if (done.has(place) || value === null) continue;
    out.push(place ? { municipality: place, year, value } : { year, value });
  }
  return out;
}

/** True when two value lists hold the same values (order aside). */
export function sameValues(a: readonly IndicatorValue[] | undefined, b: readonly IndicatorValue[] | undefined): boolean {
  const key = (v: IndicatorValue) => `${v.municipality ?? ''}|${v.year}|${v.value}`;
  const x = (a ?? []).map(key).sort();
  const y = (b ?? []).map(key).sort();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

/**
 * Where a problem of the service belongs: 'year' for the year of a value, a place for its
 * value or municipality, undefined when it concerns the whole list or another field.
 */
export function problemPlace(field: string, sent: readonly IndicatorValue[]): { kind: 'year' } | { kind: 'place'; place: Place } | undefined {
  const m = /^values\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (!m) return undefined;
  const v = sent[Number(m[1])];
  if (!v) return undefined;
  if (m[2] === 'year') return { kind: 'year' };
  return { kind: 'place', place: v.municipality ?? '' };
}

/** The year the form starts with: the one after the newest value, but not after this year. */
export function defaultYear(values: readonly IndicatorValue[] | undefined, thisYear: number): number {
  const newest = Math.max(0, ...(values ?? []).map((v) => v.year));
  return newest === 0 ? thisYear - 1 : Math.min(thisYear, newest + 1);
}

export interface ValuesFormOptions {
  api: ApiClient;
  indicator: Indicator;
  municipalities: readonly Municipality[];
  year?: number;
  onSaved(indicator: Indicator, year: number): void;
  onCancel(): void;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'nothing' }
  | { kind: 'local' }
  | { kind: 'invalid'; problem: Problem; sent: IndicatorValue[] }
  | { kind: 'conflict'; current: Indicator; mine: Map<Place, number | null>; year: number }
  | { kind: 'error'; error: unknown };

export function valuesForm(options: ValuesFormOptions): HTMLFormElement {
  const { api, municipalities } = options;
  let base = options.indicator;
  let outcome: Outcome = { kind: 'none' };
  let local = new Map<string, MessageKey>();
  let busy = false;
  const unit = base.unit ? ` (${base.unit})` : '';

  const form = h('form', { id: 'values-form', class: 'edit-form values-form', novalidate: true });
  const version = h('p', { class: 'muted' });
  const banner = h('div', { class: 'edit-banner' });
  const yearInput = h('input', { id: 'values-year', name: 'year', type: 'text', inputmode: 'numeric', maxlength: 4, autocomplete: 'off', class: 'year-input', 'aria-describedby': 'values-year-hint', 'aria-required': 'true' });
  const yearError = h('p', { class: 'field-error', id: 'values-year-error' });
  const countyInput = h('input', { id: 'values-county', name: 'county', type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  const countyError = h('p', { class: 'field-error', id: 'values-county-error' });
  const inputs = new Map<Place, HTMLInputElement>([['', countyInput]]);
  const errors = new Map<Place, HTMLElement>([['', countyError]]);
  const rows = municipalities.map((m) => {
    const input = h('input', { id: `values-m-${m.id}`, name: m.id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'aria-labelledby': `values-mh-${m.id} values-col` });
    const error = h('p', { class: 'field-error', id: `values-m-${m.id}-error` });
    inputs.set(m.id, input);
    errors.set(m.id, error);
    return h('tr', { 'data-municipality': m.id }, h('th', { scope: 'row', id: `values-mh-${m.id}` }, m.name), h('td', {}, input, error));
  });
  const save = h('button', { type: 'submit', id: 'values-save' }, t('values.save'));
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'values-cancel', onclick: () => options.onCancel() }, t('edit.cancel'));

  replaceChildren(
    form,
    h('h2', {}, t('values.title')),
    h('p', { class: 'muted' }, t('values.hint')),
    version,
    banner,
    h(
      'div',
      { class: 'edit-fields values-fields' },
      h('div', { class: 'control' }, h('label', { for: 'values-year' }, t('values.year'), h('span', { 'aria-hidden': 'true' }, ' *')), h('p', { class: 'hint', id: 'values-year-hint' }, t('values.yearHint')), yearInput, yearError),
      h('div', { class: 'control' }, h('label', { for: 'values-county' }, t('values.county') + unit), countyInput, countyError),
    ),
    municipalities.length > 0 &&
      scrollBox(
        t('values.municipalities'),
        h(
          'table',
          { class: 'values-table', id: 'values-table' },
          h('caption', {}, t('values.municipalities')),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('karte.table.municipality')), h('th', { scope: 'col', id: 'values-col' }, t('values.value') + unit))),
          h('tbody', {}, ...rows),
        ),
      ),
    h('div', { class: 'actions' }, save, cancel),
  );

  function currentYear(): number | undefined {
    const v = yearInput.value.trim();
    return /^\d{4}$/.test(v) ? Number(v) : undefined;
  }

  /** Fills the inputs with the stored values of the year. */
  function fill(year: number | undefined): void {
    const stored = year === undefined ? new Map<Place, number>() : valuesForYear(base.values, year);
    for (const [place, input] of inputs) input.value = numberInput(stored.get(place));
  }

  function renderVersion(): void {
    version.textContent = t('edit.basedOn', { version: base.version });
  }

  const year0 = options.year ?? defaultYear(base.values, new Date().getFullYear());
  yearInput.value = String(year0);
  fill(year0);
  renderVersion();
  yearInput.addEventListener('change', () => {
    fill(currentYear());
    outcome = { kind: 'none' };
    renderOutcome();
  });

  function mark(input: HTMLInputElement, el: HTMLElement, message: string): void {
    el.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', el.id);
  }

  function clear(): void {
    yearError.textContent = '';
    yearInput.removeAttribute('aria-invalid');
    yearInput.setAttribute('aria-describedby', 'values-year-hint');
    for (const [place, input] of inputs) {
      errors.get(place)!.textContent = '';
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
    }
  }

  const placeName = (place: Place) => (place ? municipalities.find((m) => m.id === place)?.name ?? place : t('values.countyShort'));

  function renderOutcome(): void {
    clear();
    save.setAttribute('aria-disabled', String(busy));
    switch (outcome.kind) {
      case 'none':
        replaceChildren(banner);
        return;
      case 'nothing':
        replaceChildren(banner, h('p', { role: 'status', class: 'note' }, t('values.nothing')));
        return;
      case 'local':
        for (const [place, key] of local) {
          if (place === 'year') mark(yearInput, yearError, t(key));
          else mark(inputs.get(place)!, errors.get(place)!, t(key));
        }
        replaceChildren(banner, h('div', { role: 'alert', class: 'error', tabindex: -1 }, h('p', { class: 'error-title' }, t('edit.invalid'))));
        return;
      case 'error':
        replaceChildren(banner, h('div', { role: 'alert', class: 'error', tabindex: -1 }, h('p', { class: 'error-title' }, t('values.failed')), h('p', { class: 'error-detail' }, describeError(outcome.error))));
        return;
      case 'invalid': {
        const list: HTMLElement[] = [];
        for (const e of outcome.problem.errors ?? []) {
          const where = problemPlace(e.field, outcome.sent);
          if (where?.kind === 'year') {
            mark(yearInput, yearError, e.message);
            list.push(h('li', {}, h('a', { href: '#values-year' }, `${t('values.year')}: ${e.message}`)));
          } else if (where?.kind === 'place' && inputs.has(where.place)) {
            mark(inputs.get(where.place)!, errors.get(where.place)!, e.message);
            list.push(h('li', {}, h('a', { href: `#${inputs.get(where.place)!.id}` }, `${placeName(where.place)}: ${e.message}`)));
          } else {
            list.push(h('li', {}, `${e.field}: ${e.message}`));
          }
        }
        replaceChildren(
          banner,
          h(
            'div',
            { role: 'alert', class: 'error', tabindex: -1 },
            h('p', { class: 'error-title' }, t('edit.invalid')),
            h('p', { class: 'error-detail' }, describeError(outcome.problem)),
            list.length > 0 && h('ul', {}, ...list),
          ),
        );
        return;
      }
      case 'conflict': {
        const { current, mine, year } = outcome;
        const before = valuesForYear(base.values, year);
        const now = valuesForYear(current.values, year);
        const places = [...new Set([...mine.keys()].filter((p) => mine.get(p) !== (before.get(p) ?? null) || before.get(p) !== now.get(p)))];
        replaceChildren(
          banner,
          conflictBox({
            id: 'values-conflict',
            prefix: 'values',
            title: t('values.conflictTitle'),
            text: t('values.conflictText', { mine: base.version, now: current.version, year: String(year) }),
            rowHeading: t('karte.table.municipality'),
            rows: places.map((p) => ({ key: ['data-place', p || 'county'], label: placeName(p), mine: numberInput(mine.get(p) ?? undefined), stored: numberInput(now.get(p)) })),
            keepMine: {
              label: t('values.keepMine'),
              onClick: () => {
                base = current;
                renderVersion();
                void submit();
              },
            },
            takeStored: {
              label: t('edit.takeStored'),
              onClick: () => {
                base = current;
                renderVersion();
                fill(year);
                outcome = { kind: 'none' };
                renderOutcome();
                yearInput.focus();
              },
            },
          }),
        );
        return;
      }
    }
  }

  function read(): { year?: number; entries: Map<Place, number | null> } {
    local = new Map();
    const year = currentYear();
    if (year === undefined) local.set('year', 'plan.error.year');
    const entries = new Map<Place, number | null>();
    const stored = year === undefined ? new Map<Place, number>() : valuesForYear(base.values, year);
    for (const [place, input] of inputs) {
      const text = input.value.trim();
      if (text === '') {
        if (stored.has(place)) entries.set(place, null);
        continue;
      }
      const n = parseNumber(text);
      if (!Number.isFinite(n)) local.set(place, 'plan.error.number');
      else entries.set(place, n);
    }
    return year === undefined ? { entries } : { year, entries };
  }

  async function submit(): Promise<void> {
    if (busy) return;
    const { year, entries } = read();
    if (local.size > 0 || year === undefined) {
      outcome = { kind: 'local' };
      renderOutcome();
      focusBanner();
      return;
    }
    const sent = mergeValues(base.values, year, entries);
    if (sameValues(sent, base.values)) {
      outcome = { kind: 'nothing' };
      renderOutcome();
      return;
    }
    busy = true;
    renderOutcome();
    try {
      const saved = await api.patchNode<Indicator>('indicators', base.id, base.version, { values: sent });
      busy = false;
      base = saved;
      outcome = { kind: 'none' };
      renderVersion();
      renderOutcome();
      options.onSaved(saved, year);
      return;
    } catch (error) {
      busy = false;
      if (error instanceof Problem && error.status === 412) {
        try {
          const current = await api.getNode<Indicator>('indicators', base.id);
          outcome = { kind: 'conflict', current, mine: entries, year };
        } catch (reloadError) {
          outcome = { kind: 'error', error: reloadError };
        }
      } else if (error instanceof Problem && (error.status === 400 || error.status === 422)) {
        outcome = { kind: 'invalid', problem: error, sent };
      } else {
        outcome = { kind: 'error', error };
      }
    }
    renderOutcome();
    focusBanner();
  }

  function focusBanner(): void {
    banner.querySelector<HTMLElement>('[role="alert"]')?.focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  return form;
}
