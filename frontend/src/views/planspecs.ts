// The fields of the planning forms: what a concept, a Leitlinie, a goal and an indicator ask
// for, with the choices the region offers (its concepts and their periods, Leitlinien, goals,
// fields of action).

import { dateInput, formatDate, parseDateInput } from '../format';
import { t } from '../i18n';
import { directionLabel, directions, goalLevelLabel, goalLevels, priorities, priorityLabel } from '../labels';
import type { Concept, ConceptPeriod, Field, Goal, Guideline } from '../types';
import type { Option } from '../ui';
import type { Codec, PlanField } from './planform';

/** A goal's name in lists: its reference and text. */
export function goalName(g: Pick<Goal, 'reference' | 'text'>): string {
  return g.reference ? `${g.reference} ${g.text}` : g.text;
}

/** A Leitlinie's name in lists: its reference and title. */
export function guidelineName(g: Pick<Guideline, 'reference' | 'title'>): string {
  return g.reference ? `${g.reference} ${g.title}` : g.title;
}

/**
 * A concept's periods as lines of text, one period a line: "Name; 01.01.2017; 30.06.2019"
 * (the end may be left out). Dates are typed the German way or as ISO dates.
 */
export const periodsCodec: Codec = {
  format(value) {
    if (!Array.isArray(value)) return '';
    return (value as ConceptPeriod[]).map((p) => [p.name, dateInput(p.starts), p.ends ? dateInput(p.ends) : ''].filter((x, i) => i < 2 || x).join('; ')).join('\n');
  },
  parse(text) {
    const out: ConceptPeriod[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const [name = '', starts = '', ends = '', ...rest] = line.split(/[;|\t]/).map((x) => x.trim());
      if (!name || rest.length > 0) return { error: 'plan.error.periods' };
      const s = parseDateInput(starts);
      const e = ends ? parseDateInput(ends) : undefined;
      if (!s || (ends && !e)) return { error: 'plan.error.periods' };
      out.push(e ? { name, starts: s, ends: e } : { name, starts: s });
    }
    return { value: out };
  },
};

export function conceptFields(): PlanField[] {
  return [
    { name: 'title', label: 'plan.field.conceptTitle', type: 'text', required: true },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
    { name: 'adopted', label: 'plan.field.adopted', type: 'date' },
    { name: 'periods', label: 'plan.field.periods', type: 'textarea', hint: 'plan.hint.periods', codec: periodsCodec },
    { name: 'website', label: 'detail.website', type: 'url' },
  ];
}

export function guidelineFields(concepts: readonly Concept[]): PlanField[] {
  return [
    { name: 'title', label: 'plan.field.guidelineTitle', type: 'text', required: true },
    { name: 'reference', label: 'plan.field.reference', type: 'text', hint: 'plan.hint.guidelineReference' },
    { name: 'concept', label: 'plan.field.concept', type: 'select', required: true, options: concepts.map((c) => ({ value: c.id, label: c.title })) },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
  ];
}

/** The periods of the region's concepts as choices (their names are what a goal stores). */
export function periodOptions(concepts: readonly Concept[]): Option[] {
  const out: Option[] = [];
  const seen = new Set<string>();
  for (const c of concepts) {
    for (const p of c.periods ?? []) {
      if (seen.has(p.name)) continue;
      seen.add(p.name);
      const from = formatDate(p.starts);
      out.push({ value: p.name, label: concepts.length > 1 ? `${p.name} (${c.title}, ${t('plan.since', { date: from })})` : `${p.name} (${t('plan.since', { date: from })})` });
    }
  }
  return out;
}

/** The goals below id (its sub-goals, theirs, …): they cannot become its parent. */
export function descendants(id: string, goals: readonly Goal[]): Set<string> {
  const out = new Set<string>();
  let frontier = [id];
  while (frontier.length > 0) {
    const next = goals.filter((g) => g.parent && frontier.includes(g.parent) && !out.has(g.id)).map((g) => g.id);
    next.forEach((x) => out.add(x));
    frontier = next;
  }
  return out;
}

export function goalFields(ctx: { self?: string; concepts: readonly Concept[]; guidelines: readonly Guideline[]; goals: readonly Goal[]; fields: readonly Field[] }): PlanField[] {
  const below = ctx.self ? descendants(ctx.self, ctx.goals) : new Set<string>();
  const parents = ctx.goals.filter((g) => g.id !== ctx.self && !below.has(g.id));
  const periods = periodOptions(ctx.concepts);
  const fields: PlanField[] = [
    { name: 'text', label: 'plan.field.goalText', type: 'textarea', required: true },
    { name: 'reference', label: 'plan.field.reference', type: 'text', hint: 'plan.hint.goalReference' },
    { name: 'level', label: 'plan.field.level', type: 'select', options: goalLevels.map((l) => ({ value: l, label: goalLevelLabel(l) })) },
    { name: 'priority', label: 'plan.field.priority', type: 'select', options: priorities.map((p) => ({ value: p, label: priorityLabel(p) })) },
  ];
  if (ctx.concepts.length > 0) fields.push({ name: 'concept', label: 'plan.field.concept', type: 'select', hint: 'plan.hint.goalConcept', options: ctx.concepts.map((c) => ({ value: c.id, label: c.title })) });
  fields.push(
    { name: 'guideline', label: 'plan.field.guideline', type: 'select', options: ctx.guidelines.map((g) => ({ value: g.id, label: guidelineName(g) })) },
    { name: 'parent', label: 'plan.field.parent', type: 'select', hint: 'plan.hint.parent', options: parents.map((g) => ({ value: g.id, label: goalName(g) })) },
    { name: 'fields', label: 'plan.field.fields', type: 'checks', hint: 'plan.hint.fields', options: ctx.fields.map((f) => ({ value: f.id, label: f.name })), relation: { type: 'IN_FIELD', self: 'from' } },
  );
  if (periods.length > 0) fields.push({ name: 'period', label: 'plan.field.period', type: 'select', options: periods });
  fields.push(
    { name: 'starts', label: 'plan.field.goalStarts', type: 'date' },
    { name: 'due', label: 'plan.field.due', type: 'date' },
    { name: 'description', label: 'edit.field.description', type: 'textarea' },
  );
  return fields;
}

const isRange = (v: Record<string, string | string[]>) => v.direction === 'range';

export function indicatorFields(ctx: { goals: readonly Goal[] }): PlanField[] {
  return [
    { name: 'name', label: 'plan.field.indicatorName', type: 'text', required: true },
    { name: 'description', label: 'plan.field.indicatorDescription', type: 'textarea' },
    { name: 'unit', label: 'plan.field.unit', type: 'text', hint: 'plan.hint.unit' },
    { name: 'source', label: 'plan.field.source', type: 'text', hint: 'plan.hint.source' },
    { name: 'direction', label: 'plan.field.direction', type: 'select', hint: 'plan.hint.direction', options: directions.map((d) => ({ value: d, label: directionLabel(d) })) },
    { name: 'baseline', label: 'plan.field.baseline', type: 'number' },
    { name: 'baseline_year', label: 'plan.field.baselineYear', type: 'year' },
    { name: 'target', label: 'plan.field.target', type: 'number', hint: 'plan.hint.target' },
    { name: 'target_upper', label: 'plan.field.targetUpper', type: 'number', visible: isRange },
    { name: 'target_year', label: 'plan.field.targetYear', type: 'year' },
    { name: 'goals', label: 'plan.field.measuresGoals', type: 'checks', hint: 'plan.hint.measuresGoals', options: ctx.goals.map((g) => ({ value: g.id, label: goalName(g) })), relation: { type: 'MEASURED_BY', self: 'to' } },
  ];
}
