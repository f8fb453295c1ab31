// The page of one goal (/steuerung/ziel/{id}): its attainment with the explanation, its facts
// (reference, level, priority, Leitlinie, parent goal, fields of action, period, dates), its
// indicators with sparklines, its sub-goals and the measures that pursue it with their lead
// bodies. Coordinators edit the goal here and start a sub-goal or an indicator for it.

import { attainmentLabel } from '../attainment';
import { sparkline, sparklineLabel } from '../chart';
import { h, replaceChildren } from '../dom';
import { formatDate } from '../format';
import { getLanguage, t } from '../i18n';
import { goalLevelLabel, priorityLabel, statusLabel } from '../labels';
import type { Field, Goal, GoalMonitoring, Relation } from '../types';
import { errorBox, facts, loadingBox, Loader, scrollBox, statusLine } from '../ui';
import { readQuery } from '../url';
import { indicatorChartInput, indicatorLine } from './cockpit';
import { DeleteControl } from './deletecontrol';
import { detailPath } from './detail';
import { backToCockpit, classBadge, cockpitHref, createHref, FormSlot, goalHref, indicatorHref, loadPlan, planHref, type RegionPlan } from './monitorparts';
import { planForm } from './planform';
import { goalFields, goalName, guidelineName } from './planspecs';
import { viewHeading, type MountedView, type ViewContext } from './view';

interface Loaded {
  node: Goal;
  mon: GoalMonitoring;
  plan: RegionPlan;
  fields: Field[];
}

export function goalPage(target: HTMLElement, ctx: ViewContext, id: string): MountedView {
  const { api, refdata, session } = ctx;
  const state = readQuery(location.search, ['year'] as const);
  let data: Loaded | undefined;
  let loadError: unknown;
  let note = '';
  const loader = new Loader();
  const slot = new FormSlot<'edit'>(() => render());
  const remover = new DeleteControl({ api, collection: 'goals', id: 'goal' });

  const back = h('div', {});
  const heading = viewHeading('');
  const status = statusLine();
  const body = h('div', { class: 'goal-page', id: 'goal-page' });
  replaceChildren(target, back, heading, status, body);

  async function load(signal: AbortSignal): Promise<Loaded> {
    const node = await api.getNode<Goal>('goals', id, signal);
    const [mon, plan, fields] = await Promise.all([
      api.monitoringGoal(id, { year: state.year ? Number(state.year) : undefined, lang: getLanguage() }, signal),
      loadPlan(api, node.region, signal),
      refdata.fields(node.region).catch(() => [] as Field[]),
    ]);
    return { node, mon, plan, fields };
  }

  function reload(after?: () => void): void {
    loadError = undefined;
    loader.run(
      (signal) => load(signal),
      (loaded) => {
        data = loaded;
        render();
        after?.();
      },
      (error) => {
        loadError = error;
        render();
      },
    );
  }

  function openEdit(): void {
    if (!data) return;
    const { node, plan, fields } = data;
    slot.open(
      'edit',
      (signal) => api.relations('goals', id, signal),
      (relations: Relation[]) =>
        planForm({
          api,
          collection: 'goals',
          id: 'goal-form',
          title: t('plan.editGoal'),
          fields: goalFields({ self: id, concepts: plan.concepts, guidelines: plan.guidelines, goals: plan.goals, fields }),
          entity: node as unknown as Goal & Record<string, unknown>,
          relations,
          onSaved: () => {
            note = t('plan.saved');
            slot.close();
            reload(() => heading.focus());
          },
          onCancel: () => slot.close('goal-edit'),
        }),
      'textarea, input, select',
    );
  }

  function render(): void {
    replaceChildren(back, backToCockpit(data?.node.region, state.year));
    if (loadError) {
      heading.textContent = t('ziel.errorTitle');
      status.textContent = '';
      replaceChildren(body, errorBox(t('ziel.error'), loadError, () => reload()));
      return;
    }
    if (!data) {
      heading.textContent = t('ziel.loadingTitle');
      status.textContent = t('ziel.loading');
      replaceChildren(body, loadingBox(t('ziel.loading')));
      return;
    }
    const { node, mon, plan, fields } = data;
    const g = mon.goal;
    heading.textContent = goalName(node);
    document.title = t('app.documentTitle', { view: goalName(node) });
    status.textContent = note || t('ziel.ready', { label: attainmentLabel(g.class) });
    const edit = session.can(node.region, 'coordinator');
    remover.update({ id, version: node.version, name: goalName(node) }, () => ctx.navigate(cockpitHref(node.region, state.year)));
    const guideline = plan.guidelines.find((x) => x.id === node.guideline);
    const parent = plan.goals.find((x) => x.id === node.parent);
    const concept = plan.concepts.find((x) => x.id === (node.concept ?? g.concept));
    const fieldNames = g.fields.map((f) => fields.find((x) => x.id === f)?.name ?? f);
    const dates = [node.starts && t('ziel.from', { date: formatDate(node.starts) }), node.due && t('ziel.due', { date: formatDate(node.due) })].filter(Boolean).join(', ');
    const focused = document.activeElement instanceof HTMLElement && body.contains(document.activeElement) ? document.activeElement.id : '';

    replaceChildren(
      body,
      h('div', { class: 'judgement', id: 'goal-judgement', 'data-class': g.class }, classBadge(g.class, 'att-large'), h('p', { id: 'goal-explanation', class: 'explanation' }, g.explanation)),
      edit &&
        slot.mode === 'view' &&
        h(
          'div',
          { class: 'actions no-print' },
          h('button', { type: 'button', id: 'goal-edit', onclick: openEdit }, t('plan.editGoal')),
          h('a', { class: 'button-link', id: 'goal-new-indicator', href: createHref('kennzahl', { region: node.region, goal: id }) }, t('ziel.newIndicator')),
          h('a', { class: 'button-link', id: 'goal-new-child', href: createHref('ziel', { region: node.region, parent: id }) }, t('ziel.newChild')),
          remover.button,
        ),
      edit && slot.mode === 'view' && remover.panel,
      slot.element(),
      facts([
        [t('plan.field.reference'), node.reference],
        [t('plan.field.level'), node.level ? goalLevelLabel(node.level) : undefined],
        [t('plan.field.priority'), node.priority ? priorityLabel(node.priority) : undefined],
        [t('plan.field.concept'), concept ? h('a', { href: planHref('konzept', concept.id) }, concept.title) : undefined],
        [t('plan.field.guideline'), guideline ? h('a', { href: planHref('leitlinie', guideline.id) }, guidelineName(guideline)) : undefined],
        [t('plan.field.parent'), parent ? h('a', { href: goalHref(parent.id, state.year) }, goalName(parent)) : undefined],
        [t('plan.field.fields'), fieldNames.join(', ')],
        [t('plan.field.period'), node.period],
        [t('ziel.dates'), dates],
      ]),
      node.description && h('div', { class: 'description' }, ...node.description.split(/\n{2,}/).map((p) => h('p', {}, p))),
      h(
        'section',
        { class: 'report-section', id: 'goal-indicators', 'aria-labelledby': 'goal-indicators-title' },
        h('h2', { id: 'goal-indicators-title' }, t('cockpit.indicators')),
        mon.indicators.length === 0
          ? h('p', { class: 'muted' }, t('ziel.noIndicators'))
          : h(
              'ul',
              { class: 'tree-indicators' },
              ...mon.indicators.map((ind) => {
                const input = indicatorChartInput(ind);
                return h(
                  'li',
                  { 'data-indicator': ind.indicator, 'data-class': ind.class },
                  h('a', { href: indicatorHref(ind.indicator, state.year) }, ind.name),
                  input.series.length > 0 && sparkline(input, sparklineLabel(ind.name, input)),
                  h('span', { class: 'indicator-line' }, indicatorLine(ind)),
                  classBadge(ind.class),
                );
              }),
            ),
      ),
      mon.children.length > 0 &&
        h(
          'section',
          { class: 'report-section', id: 'goal-children', 'aria-labelledby': 'goal-children-title' },
          h('h2', { id: 'goal-children-title' }, t('ziel.children')),
          h(
            'ul',
            { class: 'plain-list' },
            ...mon.children.map((c) => h('li', { 'data-goal': c.goal }, h('a', { href: goalHref(c.goal, state.year) }, goalName(c)), ' ', classBadge(c.class))),
          ),
        ),
      h(
        'section',
        { class: 'report-section', id: 'goal-measures', 'aria-labelledby': 'goal-measures-title' },
        h('h2', { id: 'goal-measures-title' }, t('cockpit.measures')),
        mon.measures.length === 0
          ? h('p', { class: 'muted' }, t('ziel.noMeasures'))
          : scrollBox(
              t('cockpit.measures'),
              h(
                'table',
                { id: 'goal-measures-table' },
                h('caption', { class: 'visually-hidden' }, t('cockpit.measures')),
                h(
                  'thead',
                  {},
                  h('tr', {}, h('th', { scope: 'col' }, t('plan.field.reference')), h('th', { scope: 'col' }, t('ziel.measure')), h('th', { scope: 'col' }, t('ziel.lead')), h('th', { scope: 'col' }, t('filter.status'))),
                ),
                h(
                  'tbody',
                  {},
                  ...mon.measures.map((m) =>
                    h(
                      'tr',
                      { 'data-measure': m.id },
                      h('td', {}, m.reference ?? '–'),
                      h('th', { scope: 'row' }, h('a', { href: detailPath('measure', m.id) }, m.title)),
                      h('td', {}, m.lead ? m.lead.name : t('cockpit.noLeadShort')),
                      h('td', {}, h('span', { class: `tag status-tag status-tag-${m.status}` }, statusLabel(m.status))),
                    ),
                  ),
                ),
              ),
            ),
      ),
    );
    body.dataset.state = 'ready';
    if (focused) document.getElementById(focused)?.focus();
  }

  const stopSession = session.onChange(() => render());
  render();
  reload();
  return {
    relabel: () => reload(),
    unmount: () => {
      loader.stop();
      slot.stop();
      stopSession();
    },
  };
}
