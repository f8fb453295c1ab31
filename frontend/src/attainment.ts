// The monitoring cockpit's logic without a DOM: the words, symbols and colours of the
// attainment classes, the concept tree (concept → Leitlinie → goal → sub-goal → measures)
// built from the service's AttainmentResult, and its filters by field of action, priority,
// horizon and measure status.

import { t, type MessageKey } from './i18n';
import type { AttainmentClass, AttainmentResult, GoalAttainment, GroupAttainment, GuidelineInfo, IndicatorAttainment, MonitoringMeasure } from './types';

/** The classes from best to worst, no_data last (the service's order). */
export const attainmentClasses: readonly AttainmentClass[] = ['achieved', 'on_track', 'at_risk', 'off_track', 'no_data'];

export function isAttainmentClass(v: unknown): v is AttainmentClass {
  return typeof v === 'string' && (attainmentClasses as readonly string[]).includes(v);
}

/** The class's word: erreicht, auf Kurs, gefährdet, nicht auf Kurs, keine Daten. */
export function attainmentLabel(cls: string): string {
  return isAttainmentClass(cls) ? t(`attainment.${cls}` as MessageKey) : cls;
}

/** What the class means, in one sentence (legend and Handbuch use the same rule). */
export function attainmentMeaning(cls: AttainmentClass): string {
  return t(`attainment.meaning.${cls}` as MessageKey);
}

/**
 * A symbol that tells the classes apart without colour (shown next to the word, hidden from
 * screen readers, which read the word).
 */
export const attainmentSymbols: Record<AttainmentClass, string> = {
  achieved: '✔',
  on_track: '↗',
  at_risk: '!',
  off_track: '✖',
  no_data: '–',
};

/**
 * Background and text colour of each class's badge. Every pair has a contrast of at least
 * 4.5:1 (checked in attainment.test.ts); the dark pairs use white text.
 */
export const attainmentColours: Record<AttainmentClass, { background: string; ink: string }> = {
  achieved: { background: '#1b5e20', ink: '#ffffff' },
  on_track: { background: '#cdeccf', ink: '#1a3d1c' },
  at_risk: { background: '#ffe08a', ink: '#4d3800' },
  off_track: { background: '#a4161a', ink: '#ffffff' },
  no_data: { background: '#e4e7eb', ink: '#3b4550' },
};

/** The relative luminance of a #rrggbb colour (WCAG 2). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => {
    const c = parseInt(x!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Counts per class as "3 erreicht · 2 auf Kurs …", leaving out classes with none. */
export function countsLine(counts: Record<string, number>): string {
  return attainmentClasses
    .filter((c) => (counts[c] ?? 0) > 0)
    .map((c) => t('attainment.count', { count: counts[c] ?? 0, label: attainmentLabel(c) }))
    .join(' · ');
}

// --- The concept tree -----------------------------------------------------------------------

/** The cockpit's filters; empty strings and undefined mean "all". */
export interface TreeFilters {
  field?: string | undefined;
  priority?: string | undefined;
  horizon?: string | undefined;
  /** The measures' status (planned, active, paused, completed). */
  status?: string | undefined;
}

export interface TreeGoal {
  goal: GoalAttainment;
  indicators: IndicatorAttainment[];
  /** The measures to show (after the measure filters), by reference. */
  measures: MonitoringMeasure[];
  children: TreeGoal[];
  /** True when the goal itself passes the filters; false when it is only shown for a sub-goal that does. */
  matches: boolean;
}

export interface TreeGuideline {
  /** The guideline's id; empty for the goals of a concept without a Leitlinie. */
  id: string;
  title: string;
  reference?: string | undefined;
  goals: TreeGoal[];
}

export interface TreeConcept {
  group: GroupAttainment;
  guidelines: TreeGuideline[];
}

export interface ConceptTree {
  concepts: TreeConcept[];
  /** Goals shown because they pass the filters, by class. */
  counts: Record<AttainmentClass, number>;
  /** How many goals pass the filters. */
  goals: number;
  /** How many goals the region has. */
  total: number;
}

export function hasFilters(f: TreeFilters): boolean {
  return Boolean(f.field || f.priority || f.horizon || f.status);
}

/**
 * Builds the concept tree from the monitoring result and the measures per goal (from the
 * goal route; goals without an entry show no measures), keeping what passes the filters:
 *
 * - a goal passes when it lies in the field (its own or inherited fields), has the priority
 *   itself or through one of its measures, and — with a horizon or status filter — has a
 *   measure with that horizon and status;
 * - a goal that does not pass is still shown, marked, when one of its sub-goals passes;
 * - under each goal only the measures that fit the horizon and status filters are listed,
 *   and with a priority filter, when the goal itself lacks that priority, only the measures
 *   that have it.
 *
 * Concepts and Leitlinien without any goal left are dropped while a filter is set, kept
 * (empty) otherwise, so that a new Leitlinie is visible before its first goal.
 */
export function buildTree(result: AttainmentResult, measuresOf: ReadonlyMap<string, readonly MonitoringMeasure[]>, filters: TreeFilters = {}): ConceptTree {
  const goals = new Map(result.goals.map((g) => [g.goal, g]));
  const indicators = new Map(result.indicators.map((i) => [i.indicator, i]));
  const order = new Map(result.goals.map((g, i) => [g.goal, i]));
  const filtering = hasFilters(filters);
  const counts = Object.fromEntries(attainmentClasses.map((c) => [c, 0])) as Record<AttainmentClass, number>;
  let matched = 0;

  const measureFits = (m: MonitoringMeasure) => (!filters.horizon || m.horizon === filters.horizon) && (!filters.status || m.status === filters.status);

  function node(id: string, seen: Set<string>): TreeGoal | undefined {
    const g = goals.get(id);
    if (!g || seen.has(id)) return undefined;
    seen.add(id);
    const children = [...g.children]
      .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
      .map((c) => node(c, seen))
      .filter((c): c is TreeGoal => c !== undefined);
    const all = [...(measuresOf.get(id) ?? [])];
    let measures = all.filter(measureFits);
    const ownPriority = !filters.priority || g.priority === filters.priority;
    if (!ownPriority) measures = measures.filter((m) => m.priority === filters.priority);
    const matches =
      (!filters.field || g.fields.includes(filters.field)) &&
      (ownPriority || measures.length > 0) &&
      (!(filters.horizon || filters.status) || measures.length > 0);
    if (filtering && !matches && children.length === 0) return undefined;
    if (matches) {
      matched++;
      counts[g.class] = (counts[g.class] ?? 0) + 1;
    }
    return {
      goal: g,
      indicators: g.indicators.map((i) => indicators.get(i)).filter((i): i is IndicatorAttainment => i !== undefined),
      measures,
      children,
      matches,
    };
  }

  const concepts: TreeConcept[] = [];
  for (const group of result.concepts) {
    const roots = group.goals.map((id) => goals.get(id)).filter((g): g is GoalAttainment => g !== undefined);
    const own = result.guidelines.filter((gl) => gl.concept === group.id && group.id !== '');
    const known = new Set(own.map((gl) => gl.id));
    const guidelines: TreeGuideline[] = [];
    const place = (gl: GuidelineInfo | undefined, members: GoalAttainment[]) => {
      const seen = new Set<string>();
      const nodes = members.map((g) => node(g.goal, seen)).filter((n): n is TreeGoal => n !== undefined);
      if (filtering && nodes.length === 0) return;
      if (!gl && nodes.length === 0) return;
      guidelines.push({ id: gl?.id ?? '', title: gl?.title ?? '', reference: gl?.reference, goals: nodes });
    };
    for (const gl of own) place(gl, roots.filter((g) => g.guideline === gl.id));
    place(undefined, roots.filter((g) => !g.guideline || !known.has(g.guideline)));
    if (filtering && guidelines.length === 0) continue;
    concepts.push({ group, guidelines });
  }
  return { concepts, counts, goals: matched, total: result.goals.length };
}

/** Every goal id of a tree, depth first (for "expand all"). */
export function treeGoalIds(tree: ConceptTree): string[] {
  const out: string[] = [];
  const walk = (g: TreeGoal) => {
    out.push(g.goal.goal);
    g.children.forEach(walk);
  };
  for (const c of tree.concepts) for (const gl of c.guidelines) gl.goals.forEach(walk);
  return out;
}

/** The years the year selector offers: from the oldest value or baseline to thisYear, newest first. */
export function selectableYears(result: AttainmentResult | undefined, thisYear: number): number[] {
  let first = thisYear;
  for (const ind of result?.indicators ?? []) {
    for (const p of ind.series) first = Math.min(first, p.year);
    for (const m of ind.municipalities ?? []) for (const p of m.series) first = Math.min(first, p.year);
    if (ind.baseline) first = Math.min(first, ind.baseline.year);
  }
  if (result?.year) first = Math.min(first, result.year);
  first = Math.max(first, thisYear - 30);
  const out: number[] = [];
  for (let y = thisYear; y >= first; y--) out.push(y);
  return out;
}
