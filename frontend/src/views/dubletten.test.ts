// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { RefData } from '../refdata';
import { Session } from '../session';
import type { DuplicatePair, Duplicates } from '../types';
import { dublettenQuery, dublettenView, pairKey, queue, tabOf } from './dubletten';

function pair(a: string, b: string, verdict?: DuplicatePair['verdict']): DuplicatePair {
  return {
    a, b, title_a: a, title_b: b, score: 0.9, text: 0.5, text_part: 1, structure: 1, parts: [], kind: 'parallel_offer',
    suggestion: 'coordinate', shared_terms: [], highlights_a: [], highlights_b: [], municipalities: [], fields: [], target_groups: [],
    explanation: '', ...(verdict ? { verdict } : {}),
  };
}

function analysis(): Duplicates {
  const ab = pair('m1', 'm2');
  const bc = pair('m2', 'm3', 'duplicate');
  const de = pair('m4', 'm5');
  return {
    region: '05562', threshold: 0.75, formula: '', measures: 10, candidates: 20, above_threshold: 3,
    pairs: [ab, bc, de],
    clusters: [
      { id: 'dup-m1', measures: ['m1', 'm2', 'm3'], pairs: [ab, bc], links: 2, kind: 'mixed', suggestion: '', score: 0.9, explanation: '' },
      { id: 'dup-m4', measures: ['m4', 'm5'], pairs: [de], links: 1, kind: 'parallel_offer', suggestion: '', score: 0.9, explanation: '' },
    ],
    reviewed: [pair('m6', 'm7', 'intended')],
  };
}

describe('pairKey', () => {
  it('is the same either way round', () => {
    expect(pairKey('m2', 'm1')).toBe('m1|m2');
    expect(pairKey('m1', 'm2')).toBe('m1|m2');
  });
});

describe('queue', () => {
  it('keeps the open pairs in their clusters and lists the decided ones', () => {
    const q = queue(analysis(), new Map());
    expect(q.clusters.map((c) => [c.cluster.id, c.open.map((p) => pairKey(p.a, p.b))])).toEqual([
      ['dup-m1', ['m1|m2']],
      ['dup-m4', ['m4|m5']],
    ]);
    expect(q.decided.map((p) => [pairKey(p.a, p.b), p.verdict])).toEqual([
      ['m2|m3', 'duplicate'],
      ['m6|m7', 'intended'],
    ]);
  });

  it('applies a verdict given in the page at once, and drops emptied clusters', () => {
    const local = new Map([['m4|m5', { verdict: 'not_duplicate' as const, by: 'erika', at: '2026-11-21T10:00:00Z' }]]);
    const q = queue(analysis(), local);
    expect(q.clusters.map((c) => c.cluster.id)).toEqual(['dup-m1']);
    expect(q.decided.find((p) => p.a === 'm4')?.verdict).toBe('not_duplicate');
  });
});

describe('the tabs', () => {
  it('take the tab from the address, Angebote unless another known tab is named', () => {
    expect(tabOf('?region=05562&tab=strukturen')).toBe('strukturen');
    expect(tabOf('?region=05562')).toBe('angebote');
    expect(tabOf('?tab=unbekannt')).toBe('angebote');
    expect(dublettenQuery('05562', 'strukturen')).toEqual({ region: '05562', tab: 'strukturen' });
    expect(dublettenQuery('05562', 'angebote')).toEqual({ region: '05562', tab: undefined });
  });

  describe('in the view', () => {
    afterEach(() => history.replaceState(null, '', '/'));

    function mount(search: string) {
      history.replaceState(null, '', `/dubletten${search}`);
      const asked: string[] = [];
      const fetch = vi.fn(async (input: RequestInfo | URL) => {
        const url = new URL(String(input), 'http://x');
        asked.push(url.pathname);
        const body =
          url.pathname === '/api/v1/regions'
            ? { items: [{ id: '05562', name: 'Kreis Recklinghausen', kind: 'county' }], next_cursor: '', total: 1 }
            : url.pathname === '/api/v1/analysis/duplicates'
              ? analysis()
              : url.pathname === '/api/v1/analysis/structures'
                ? { region: '05562', params: { min_jaccard: 0.5, min_shared: 3, min_purpose: 0.5, lang: 'de' }, networks: 3, concepts: 0, overlaps: [], reviewed: [] }
                : {};
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      });
      const api = new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
      const target = document.createElement('main');
      document.body.replaceChildren(target);
      const view = dublettenView(target, { api, session: new Session(api), refdata: new RefData(api), navigate: () => undefined });
      return { target, view, asked };
    }

    it('opens the tab the address names, loads only what it shows, and keeps the choice in the address', async () => {
      const { target, view, asked } = mount('?region=05562&tab=strukturen');
      const tab = (k: string) => target.querySelector<HTMLButtonElement>(`#dup-tab-${k}`)!;
      expect(tab('strukturen').getAttribute('aria-selected')).toBe('true');
      expect(target.querySelector<HTMLElement>('#dup-panel-angebote')?.hidden).toBe(true);
      await vi.waitFor(() => expect(target.querySelector('#str-queue .empty')?.textContent).toBe('Keine Doppelstrukturen gefunden.'));
      expect(asked).not.toContain('/api/v1/analysis/duplicates');

      tab('strukturen').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      expect(location.search).toBe('?region=05562');
      expect(target.querySelector<HTMLElement>('#dup-panel-angebote')?.hidden).toBe(false);
      expect(document.activeElement).toBe(tab('angebote'));
      await vi.waitFor(() => expect(target.querySelectorAll('#dup-queue .dup-pair')).toHaveLength(2));

      tab('angebote').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      expect(location.search).toBe('?region=05562&tab=strukturen');
      view.unmount();
    });
  });
});
