// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import type { CoordinationList, SnapshotTrend } from '../types';
import { changeText, coordinationRows, defaultPick, figureName, trendCharts, trendLabel, trendLayout, trendRows, trendTable } from './trend';
import { coordinationAnchor, parseDue } from './coordination';
import { queue } from './dubletten';
import type { DuplicatePair, Duplicates } from '../types';

afterEach(() => setLanguage('de'));

const trend: SnapshotTrend = {
  region: '09999',
  snapshots: [
    { id: 'snp_1', label: 'Frühjahr', taken: '2026-03-01T10:00:00Z', revision: 3 },
    { id: 'snp_2', label: '', taken: '2026-06-01T10:00:00Z', revision: 9 },
    { id: 'snp_3', label: 'Herbst', taken: '2026-10-01T10:00:00Z', revision: 12 },
  ],
  figures: [
    { key: 'gaps', group: 'coverage', decimals: 0, values: [5, 3, 1] },
    { key: 'density', group: 'network', decimals: 3, values: [null, 0.4, 0.625] },
    { key: 'goals_on_track', group: 'attainment', decimals: 0, values: [null, null, 2] },
  ],
  limit: 48,
  omitted: 0,
};

describe('trend', () => {
  it('places the values from the smallest (bottom) to the largest (top), oldest left', () => {
    const L = trendLayout([5, 3, 1], 100, 50, 5);
    expect(L.points.map((p) => [p.x, p.y])).toEqual([
      [5, 5],
      [50, 25],
      [95, 45],
    ]);
    expect(L.path).toBe('M5,5 L50,25 L95,45');
  });

  it('breaks the line where a state did not keep the figure, and centres a flat one', () => {
    expect(trendLayout([2, null, 4, 6], 100, 40, 0).path).toBe('M0,40 M66.7,20 L100,0');
    expect(trendLayout([7, 7], 100, 40).points.map((p) => p.y)).toEqual([20, 20]);
    expect(trendLayout([null, null], 100, 40).points).toEqual([]);
  });

  it('names the figures and says the change in words', () => {
    expect(figureName('gaps')).toBe('Lücken');
    expect(figureName('goals_on_track')).toBe('Ziele: auf Kurs');
    expect(changeText(trend.figures[0]!)).toBe('von 5 auf 1 (−4)');
    expect(changeText(trend.figures[2]!)).toBe('');
    expect(trendLabel(trend, trend.figures[1]!)).toBe('Netzwerkdichte. Frühjahr: nicht erfasst; 01.06.2026: 0,4; Herbst: 0,625. von 0,4 auf 0,625 (+0,225)');
    setLanguage('en');
    expect(figureName('gaps')).toBe('Gaps');
    expect(changeText(trend.figures[0]!)).toBe('from 5 to 1 (−4)');
  });

  it('gives a CSV row per figure, one column per state, empty where not kept', () => {
    expect(trendRows(trend, 'Kennzahl')).toEqual([
      ['Kennzahl', 'Frühjahr', '01.06.2026', 'Herbst'],
      ['Lücken', 5, 3, 1],
      ['Netzwerkdichte', '', 0.4, 0.625],
      ['Ziele: auf Kurs', '', '', 2],
    ]);
  });

  it('draws one labelled chart per figure, grouped, and a table with a column per state', () => {
    const charts = trendCharts(trend);
    expect([...charts.querySelectorAll('.trend-group')].map((g) => g.getAttribute('data-group'))).toEqual(['coverage', 'network', 'attainment']);
    const svgs = charts.querySelectorAll('svg[role="img"]');
    expect(svgs).toHaveLength(3);
    expect(svgs[0]!.getAttribute('aria-label')).toContain('Lücken. Frühjahr: 5; 01.06.2026: 3; Herbst: 1.');
    const table = trendTable(trend, 'Kennzahlen');
    expect([...table.querySelectorAll('thead th')].map((x) => x.textContent)).toEqual(['Kennzahl', 'Frühjahr01.03.2026', '01.06.202601.06.2026', 'Herbst01.10.2026', 'Veränderung seit dem ersten']);
    expect([...table.querySelectorAll('tbody tr[data-figure="density"] td')].map((x) => x.textContent)).toEqual(['–', '0,4', '0,625', '–']);
    expect([...table.querySelectorAll('tbody tr[data-figure="gaps"] td')].map((x) => x.textContent)).toEqual(['5', '3', '1', '−4']);
  });

  it('starts a comparison with the three newest states', () => {
    expect(defaultPick(['c', 'b', 'a', 'z'])).toEqual(['c', 'b', 'a']);
    expect(defaultPick(['b', 'a'])).toEqual(['b', 'a']);
  });
});

describe('coordinations', () => {
  const today = new Date(2026, 11, 3, 12); // 3 December 2026, local time

  it('reads a due date typed as in German forms, today or later', () => {
    expect(parseDue('31.12.2026', today)).toBe('2026-12-31');
    expect(parseDue(' 3.12.2026 ', today)).toBe('2026-12-03');
    expect(parseDue('2027-01-15', today)).toBe('2027-01-15');
    expect(parseDue('2.12.2026', today)).toBeUndefined();
    expect(parseDue('31.02.2027', today)).toBeUndefined();
    expect(parseDue('morgen', today)).toBeUndefined();
    expect(parseDue('', today)).toBeUndefined();
  });

  it('addresses a pair the same way from either end', () => {
    expect(coordinationAnchor('msr_b', 'msr_a')).toBe('dup-pair-msr_a-msr_b');
    expect(coordinationAnchor('msr_a', 'msr_b')).toBe('dup-pair-msr_a-msr_b');
  });

  it('writes the running coordinations as rows, overdue in words', () => {
    const list: CoordinationList = {
      region: '09999',
      today: '2026-12-03',
      total: 2,
      overdue: 1,
      items: [
        {
          a: { id: 'msr_1', title: 'Elterncafé', providers: [{ id: 'org_1', name: 'VHS' }], municipalities: [{ id: '1', name: 'Nordheim' }] },
          b: { id: 'msr_2', title: 'Elterntreff', providers: [], municipalities: [{ id: '2', name: 'Südheim' }] },
          municipalities: [],
          due: '2026-12-01',
          overdue: true,
        },
        {
          a: { id: 'msr_3', title: 'Sprachcafé', providers: [{ id: 'org_2', name: 'Caritas' }], municipalities: [{ id: '1', name: 'Nordheim' }] },
          b: { id: 'msr_4', title: 'Sprachtreff', providers: [{ id: 'org_3', name: 'Diakonie' }], municipalities: [{ id: '1', name: 'Nordheim' }] },
          municipalities: [{ id: '1', name: 'Nordheim' }],
          due: '2026-12-31',
          overdue: false,
        },
      ],
    };
    expect(coordinationRows(list, ['Angebote', 'Träger', 'Gemeinde', 'Frist', 'Stand'])).toEqual([
      ['Angebote', 'Träger', 'Gemeinde', 'Frist', 'Stand'],
      ['Elterncafé / Elterntreff', 'VHS / –', 'Nordheim / Südheim', '2026-12-01', 'überfällig'],
      ['Sprachcafé / Sprachtreff', 'Caritas / Diakonie', 'Nordheim', '2026-12-31', 'läuft'],
    ]);
  });

  it('keeps a pair under coordination in the queue, not among the decided', () => {
    const pair = (a: string, b: string, extra: Partial<DuplicatePair> = {}) => ({ a, b, title_a: a, title_b: b, kind: 'parallel_offer', ...extra }) as DuplicatePair;
    const coordinating = pair('m1', 'm2', { verdict: 'coordinating', due: '2026-12-31' });
    const confirmed = pair('m3', 'm4', { verdict: 'duplicate' });
    const d = { clusters: [{ id: 'dup-m1', measures: ['m1', 'm2'], pairs: [coordinating] }, { id: 'dup-m3', measures: ['m3', 'm4'], pairs: [confirmed] }], pairs: [coordinating, confirmed], reviewed: [] } as unknown as Duplicates;
    const q = queue(d, new Map());
    expect(q.clusters.map((c) => c.open.map((p) => p.a))).toEqual([['m1']]);
    expect(q.decided.map((p) => p.a)).toEqual(['m3']);
    // A final verdict given here moves it to the decided ones.
    const after = queue(d, new Map([['m1|m2', { verdict: 'intended' as const, by: 'k', at: '2026-12-03T10:00:00Z' }]]));
    expect(after.clusters).toEqual([]);
    expect(after.decided.map((p) => `${p.a}:${p.verdict}`).sort()).toEqual(['m1:intended', 'm3:duplicate']);
  });
});
