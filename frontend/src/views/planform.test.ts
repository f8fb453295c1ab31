// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, Problem } from '../api';
import { setLanguage } from '../i18n';
import { formPatch, numberInput, parseNumber, planForm, relationChanges, relatedIds, type PlanField } from './planform';
import { descendants, indicatorFields, periodsCodec } from './planspecs';
import type { Goal } from '../types';

afterEach(() => setLanguage('de'));

describe('numbers as people type them', () => {
  it('read a comma or a point as the decimal mark', () => {
    expect(parseNumber('31,5')).toBe(31.5);
    expect(parseNumber('31.5')).toBe(31.5);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('zwölf')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });

  it('show stored numbers with a decimal comma and no grouping', () => {
    expect(numberInput(31.5)).toBe('31,5');
    expect(numberInput(12345.25)).toBe('12345,25');
    expect(numberInput(undefined)).toBe('');
  });
});

const fields = indicatorFields({ goals: [] });

describe('the patch of a form', () => {
  it('sends only what changed, numbers as numbers, emptied fields as null', () => {
    const stored = { name: 'Quote', unit: '%', baseline: 20, baseline_year: 2019, direction: 'higher' };
    const { patch, problems } = formPatch(fields, stored, { name: 'Quote', unit: '', baseline: '20', baseline_year: '2019', target: '35,5', target_year: '2028', direction: 'higher', target_upper: '', description: '', source: '' });
    expect(problems).toEqual({});
    expect(patch).toEqual({ unit: null, target: 35.5, target_year: 2028 });
  });

  it('keeps 0 as a value, not as empty', () => {
    const { patch } = formPatch(fields, { target: 5 }, { target: '0' });
    expect(patch).toEqual({ target: 0 });
  });

  it('names fields whose text is no number or year', () => {
    const { problems } = formPatch(fields, {}, { baseline: 'viel', baseline_year: '19' });
    expect(problems).toEqual({ baseline: 'plan.error.number', baseline_year: 'plan.error.year' });
  });

  it('drops the upper end of a range when the direction is no range', () => {
    const { patch } = formPatch(fields, { direction: 'range', target: 10, target_upper: 20 }, { direction: 'higher', target: '10', target_upper: '20' });
    expect(patch).toEqual({ direction: 'higher', target_upper: null });
  });
});

describe('relationships of a form', () => {
  const goalsField: PlanField = { name: 'goals', label: 'plan.field.measuresGoals', type: 'checks', relation: { type: 'MEASURED_BY', self: 'to' } };
  it('are read from the node’s side and changed to the ticked options', () => {
    const rels = [
      { type: 'MEASURED_BY', from: 'gol_1', to: 'ind_1' },
      { type: 'MEASURED_BY', from: 'gol_2', to: 'ind_1' },
      { type: 'IN_FIELD', from: 'gol_1', to: 'fld_1' },
    ];
    expect(relatedIds('ind_1', goalsField, rels)).toEqual(['gol_1', 'gol_2']);
    expect(relationChanges('ind_1', goalsField, ['gol_1', 'gol_2'], ['gol_2', 'gol_3'])).toEqual({
      add: [{ type: 'MEASURED_BY', from: 'gol_3', to: 'ind_1' }],
      remove: [{ type: 'MEASURED_BY', from: 'gol_1', to: 'ind_1' }],
    });
  });
});

describe('a concept’s periods as lines', () => {
  it('read German and ISO dates and write German ones', () => {
    const parsed = periodsCodec.parse('Integrationsplan 2017; 1.1.2017; 30.06.2019\nFortschreibung 2019 | 2019-07-01\n');
    expect(parsed).toEqual({ value: [{ name: 'Integrationsplan 2017', starts: '2017-01-01', ends: '2019-06-30' }, { name: 'Fortschreibung 2019', starts: '2019-07-01' }] });
    expect(periodsCodec.format((parsed as { value: unknown }).value)).toBe('Integrationsplan 2017; 01.01.2017; 30.06.2019\nFortschreibung 2019; 01.07.2019');
    expect(periodsCodec.parse('Plan; 31.02.2017')).toEqual({ error: 'plan.error.periods' });
    expect(periodsCodec.parse('')).toEqual({ value: [] });
  });
});

describe('parent goals', () => {
  it('leave out the goal itself and everything below it', () => {
    const g = (id: string, parent?: string) => ({ id, parent }) as Goal;
    expect([...descendants('a', [g('a'), g('b', 'a'), g('c', 'b'), g('d')])].sort()).toEqual(['b', 'c']);
  });
});

describe('the form', () => {
  function api(handler: (url: string, init: RequestInit) => Response): ApiClient {
    return new ApiClient({ fetch: vi.fn(async (u: RequestInfo | URL, i?: RequestInit) => handler(String(u), i ?? {})) as unknown as typeof fetch, csrfToken: () => 't' });
  }
  const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

  it('creates the node with its relationships in one change and reports the saved node', async () => {
    const calls: string[] = [];
    const saved = vi.fn();
    const form = planForm({
      api: api((url, init) => {
        calls.push(`${init.method} ${url} ${init.body ?? ''}`);
        return json({ node: { id: 'ind_9', version: 1 }, relations: [] }, 201);
      }),
      collection: 'indicators',
      id: 'f',
      title: 'Neu',
      fields: indicatorFields({ goals: [{ id: 'gol_1', text: 'Kita', reference: '1' } as Goal] }),
      fixed: { region: '05562' },
      preset: { goals: ['gol_1'] },
      onSaved: saved,
      onCancel: () => undefined,
    });
    document.body.append(form);
    (form.querySelector('#f-name') as HTMLInputElement).value = 'Quote';
    (form.querySelector('#f-target') as HTMLInputElement).value = '35,5';
    (form.querySelector('#f-direction') as HTMLSelectElement).value = 'higher';
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(saved).toHaveBeenCalled());
    expect(calls).toEqual([
      'POST /api/v1/changes {"kind":"indicator","node":{"region":"05562","name":"Quote","direction":"higher","target":35.5},"relate":[{"type":"MEASURED_BY","from":"gol_1","to":"self"}]}',
    ]);
    form.remove();
  });

  it('shows the service’s problems at the fields they name', async () => {
    const form = planForm({
      api: api(() => json({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'indicator: invalid', errors: [{ field: 'baseline_year', message: '2099 has not begun' }] }, 400, 'application/problem+json')),
      collection: 'indicators',
      id: 'f',
      title: 'Neu',
      fields,
      fixed: { region: '05562' },
      onSaved: () => undefined,
      onCancel: () => undefined,
    });
    document.body.append(form);
    (form.querySelector('#f-name') as HTMLInputElement).value = 'Quote';
    (form.querySelector('#f-baseline') as HTMLInputElement).value = '3';
    (form.querySelector('#f-baseline_year') as HTMLInputElement).value = '2099';
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(form.querySelector('#f-baseline_year-error')?.textContent).toBe('2099 has not begun'));
    expect(form.querySelector('#f-baseline_year')?.getAttribute('aria-invalid')).toBe('true');
    expect(form.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('#f-baseline_year');
    form.remove();
  });

  it('shows a relationship’s problem at the check boxes it came from', async () => {
    const form = planForm({
      api: api(() => json({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'ungültig', errors: [{ field: 'relate[0].from', message: 'Ziel „gol_1“ gibt es nicht' }] }, 400, 'application/problem+json')),
      collection: 'indicators',
      id: 'f',
      title: 'Neu',
      fields: indicatorFields({ goals: [{ id: 'gol_1', text: 'Kita', reference: '1' } as Goal] }),
      fixed: { region: '05562' },
      preset: { goals: ['gol_1'] },
      onSaved: () => undefined,
      onCancel: () => undefined,
    });
    document.body.append(form);
    (form.querySelector('#f-name') as HTMLInputElement).value = 'Quote';
    (form.querySelector('#f-direction') as HTMLSelectElement).value = 'higher';
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(form.querySelector('#f-goals-error')?.textContent).toBe('Ziel „gol_1“ gibt es nicht'));
    expect(form.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('#f-goals');
    form.remove();
  });

  it('asks for required fields before sending anything', async () => {
    const fetch = vi.fn();
    const form = planForm({ api: new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch }), collection: 'indicators', id: 'f', title: 'Neu', fields, onSaved: () => undefined, onCancel: () => undefined });
    form.dispatchEvent(new Event('submit'));
    await Promise.resolve();
    expect(fetch).not.toHaveBeenCalled();
    expect(form.querySelector('#f-name-error')?.textContent).toBe('Bitte füllen Sie dieses Feld aus.');
  });

  it('explains a version conflict and offers both ways out', async () => {
    let n = 0;
    const form = planForm({
      api: api((_url, init) => {
        n++;
        if (init.method === 'POST') return json({ type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'version 2 is current', current_version: 2 }, 412, 'application/problem+json');
        return json({ id: 'ind_1', version: 2, name: 'Quote (neu)', region: '05562' });
      }),
      collection: 'indicators',
      id: 'f',
      title: 'Bearbeiten',
      fields,
      entity: { id: 'ind_1', version: 1, name: 'Quote', region: '05562' } as never,
      relations: [],
      onSaved: () => undefined,
      onCancel: () => undefined,
    });
    document.body.append(form);
    (form.querySelector('#f-name') as HTMLInputElement).value = 'Meine Quote';
    form.dispatchEvent(new Event('submit'));
    await vi.waitFor(() => expect(form.querySelector('#f-conflict')).not.toBeNull());
    expect(n).toBe(2);
    const row = form.querySelector('#f-conflict tr[data-field="name"]')?.textContent;
    expect(row).toContain('Meine Quote');
    expect(row).toContain('Quote (neu)');
    expect(form.querySelector('#f-keep-mine')).not.toBeNull();
    (form.querySelector('#f-take-stored') as HTMLButtonElement).click();
    expect((form.querySelector('#f-name') as HTMLInputElement).value).toBe('Quote (neu)');
    form.remove();
    expect(Problem).toBeDefined();
  });
});
