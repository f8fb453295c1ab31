import { afterEach, describe, expect, it } from 'vitest';
import { attainmentClasses, attainmentColours, attainmentLabel, buildTree, contrast, countsLine, selectableYears, treeGoalIds } from './attainment';
import { setLanguage } from './i18n';
import { sample } from './attainment.sample';
import type { MonitoringMeasure } from './types';

afterEach(() => setLanguage('de'));

const m = (id: string, over: Partial<MonitoringMeasure>): MonitoringMeasure => ({ id, title: id, status: 'active', lead: null, ...over });
const measures = new Map<string, MonitoringMeasure[]>([
  ['gol_2', [m('msr_1', { reference: 'M 1.1', status: 'active', horizon: 'short', priority: 'starter', lead: { id: 'org_1', name: 'Kreis' } }), m('msr_2', { reference: 'M 1.2', status: 'planned', horizon: 'long' })]],
  ['gol_3', [m('msr_3', { status: 'completed', horizon: 'medium' })]],
]);

describe('class labels', () => {
  it('name every class in German and English', () => {
    expect(attainmentClasses.map(attainmentLabel)).toEqual(['erreicht', 'auf Kurs', 'gefährdet', 'nicht auf Kurs', 'keine Daten']);
    setLanguage('en');
    expect(attainmentClasses.map(attainmentLabel)).toEqual(['achieved', 'on track', 'at risk', 'off track', 'no data']);
    expect(attainmentLabel('unknown')).toBe('unknown');
  });

  it('are readable on their colours (at least 4.5:1)', () => {
    for (const c of attainmentClasses) {
      const { background, ink } = attainmentColours[c];
      expect(contrast(background, ink), c).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21);
  });

  it('count classes in a summary line, best first', () => {
    expect(countsLine({ at_risk: 2, achieved: 1, no_data: 0 })).toBe('1 erreicht · 2 gefährdet');
  });
});

describe('the concept tree', () => {
  it('nests concept → Leitlinie → goal → sub-goals in the service’s order', () => {
    const tree = buildTree(sample, measures);
    expect(tree.concepts.map((c) => c.group.name)).toEqual(['Integrationsplan 2017', 'Ziele außerhalb eines Konzepts']);
    const [plan, outside] = tree.concepts;
    // both Leitlinien (the second still empty), then the goals without one
    expect(plan!.guidelines.map((g) => g.reference ?? g.id)).toEqual(['L 1', 'L 2', '']);
    expect(plan!.guidelines[0]!.goals.map((g) => g.goal.goal)).toEqual(['gol_1']);
    expect(plan!.guidelines[0]!.goals[0]!.children.map((g) => g.goal.goal)).toEqual(['gol_2', 'gol_3']);
    expect(plan!.guidelines[1]!.goals).toEqual([]);
    expect(plan!.guidelines[2]!.goals.map((g) => g.goal.goal)).toEqual(['gol_4']);
    expect(outside!.guidelines.map((g) => g.goals.map((x) => x.goal.goal))).toEqual([['gol_5']]);
    const sub = plan!.guidelines[0]!.goals[0]!.children[0]!;
    expect(sub.indicators.map((i) => i.name)).toEqual(['Kita-Besuchsquote']);
    expect(sub.measures.map((x) => x.id)).toEqual(['msr_1', 'msr_2']);
    expect(tree.goals).toBe(5);
    expect(tree.counts).toEqual({ achieved: 1, on_track: 1, at_risk: 2, off_track: 0, no_data: 1 });
    expect(treeGoalIds(tree)).toEqual(['gol_1', 'gol_2', 'gol_3', 'gol_4', 'gol_5']);
  });

  it('filters by field of action, keeping nothing else', () => {
    const tree = buildTree(sample, measures, { field: 'fld_wohnen' });
    expect(treeGoalIds(tree)).toEqual(['gol_4']);
    expect(tree.concepts).toHaveLength(1);
    expect(tree.concepts[0]!.guidelines).toHaveLength(1);
    expect(tree.counts.at_risk).toBe(1);
  });

  it('filters by measure status and keeps the parent goal as context', () => {
    const tree = buildTree(sample, measures, { status: 'planned' });
    expect(treeGoalIds(tree)).toEqual(['gol_1', 'gol_2']);
    const parent = tree.concepts[0]!.guidelines[0]!.goals[0]!;
    expect(parent.matches).toBe(false);
    expect(parent.children[0]!.measures.map((x) => x.id)).toEqual(['msr_2']);
    expect(tree.goals).toBe(1);
  });

  it('filters by horizon', () => {
    expect(treeGoalIds(buildTree(sample, measures, { horizon: 'medium' }))).toEqual(['gol_1', 'gol_3']);
  });

  it('filters by priority of the goal or of its measures', () => {
    const focus = buildTree(sample, measures, { priority: 'focus' });
    expect(treeGoalIds(focus)).toEqual(['gol_1']);
    const starter = buildTree(sample, measures, { priority: 'starter' });
    expect(treeGoalIds(starter)).toEqual(['gol_1', 'gol_2']);
    expect(starter.concepts[0]!.guidelines[0]!.goals[0]!.children[0]!.measures.map((x) => x.id)).toEqual(['msr_1']);
  });

  it('is empty when nothing passes', () => {
    const tree = buildTree(sample, measures, { field: 'fld_none' });
    expect(tree.concepts).toEqual([]);
    expect(tree.goals).toBe(0);
    expect(tree.total).toBe(5);
  });
});

describe('the year selector', () => {
  it('offers the years from the oldest value or baseline to this year, newest first', () => {
    expect(selectableYears(sample, 2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017]);
    expect(selectableYears(undefined, 2026)).toEqual([2026]);
  });
});

describe('the class colours in styles.css', () => {
  it('are the ones checked for contrast here', async () => {
    const { readFileSync } = await import('node:fs');
    const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
    for (const c of attainmentClasses) {
      const rule = new RegExp(`\\.att-${c} \\{ background: (#[0-9a-f]{6}); color: (#[0-9a-f]{6});`).exec(css);
      expect(rule, c).not.toBeNull();
      expect({ background: rule![1], ink: rule![2] }, c).toEqual(attainmentColours[c]);
    }
  });
});
