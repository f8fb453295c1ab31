// The page of one indicator (/steuerung/kennzahl/{id}): its judgement with the explanation,
// the series chart against the target (chart.ts) with the values as a table under it, the
// judgement per municipality when it has municipal values, and the goals it measures.
// Coordinators edit the indicator here and enter a year's values (views/values.ts).

import { directionLabel } from '../labels';
import { attainmentLabel } from '../attainment';
import { chartLegend, formatValue, seriesChart, valueTable } from '../chart';
import { h, replaceChildren } from '../dom';
import { formatDate, formatPercent } from '../format';
import { getLanguage, t } from '../i18n';
import type { Goal, Indicator, IndicatorAttainment, Municipality, Relation } from '../types';
import { errorBox, facts, loadingBox, Loader, scrollBox, selectField, statusLine } from '../ui';
import { readQuery, replaceQuery } from '../url';
import { mapLimit } from '../util';
import { indicatorChartInput } from './cockpit';
import { DeleteControl } from './deletecontrol';
import { backToCockpit, classBadge, cockpitHref, FormSlot, goalHref, loadPlan, type RegionPlan } from './monitorparts';
import { planForm } from './planform';
import { goalName, indicatorFields } from './planspecs';
import { valuesForm } from './values';
import { viewHeading, type MountedView, type ViewContext } from './view';

interface Loaded {
  node: Indicator;
  att: IndicatorAttainment;
  goals: Goal[];
}

/** The years an indicator's page offers: from its oldest value or baseline to this year. */
export function indicatorYears(node: Indicator | undefined, thisYear: number): number[] {
  let first = thisYear;
  for (const v of node?.values ?? []) first = Math.min(first, v.year);
  if (node?.baseline_year) first = Math.min(first, node.baseline_year);
  first = Math.max(first, thisYear - 30);
  const out: number[] = [];
  for (let y = thisYear; y >= first; y--) out.push(y);
  return out;
}

export function indicatorPage(target: HTMLElement, ctx: ViewContext, id: string): MountedView {
  const { api, refdata, session } = ctx;
  let state = readQuery(location.search, ['year'] as const);
  let data: Loaded | undefined;
  let loadError: unknown;
  let note = '';
  const loader = new Loader();
  const slot = new FormSlot<'edit' | 'values'>(() => render());
  const remover = new DeleteControl({ api, collection: 'indicators', id: 'indicator' });

  const back = h('div', {});
  const heading = viewHeading('');
  const status = statusLine();
  const body = h('div', { class: 'indicator-page', id: 'indicator-page' });
  replaceChildren(target, back, heading, status, body);

  async function load(signal: AbortSignal): Promise<Loaded> {
    const year = state.year ? Number(state.year) : undefined;
    const [node, att] = await Promise.all([api.getNode<Indicator>('indicators', id, signal), api.monitoringIndicator(id, { year, lang: getLanguage() }, signal)]);
    const goals = (await mapLimit(att.goals, 4, (g) => api.getNode<Goal>('goals', g, signal).catch(() => undefined))).filter((g): g is Goal => g !== undefined);
    return { node, att, goals };
  }

  function reload(after?: () => void): void {
    loadError = undefined;
    body.dataset.state = 'loading';
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

  function canEdit(): boolean {
    return Boolean(data && session.can(data.node.region, 'coordinator'));
  }

  /** Opens the values form (it needs the region's municipalities). */
  function openValues(): void {
    if (!data) return;
    const node = data.node;
    slot.open(
      'values',
      () => refdata.municipalities(node.region),
      (munis: Municipality[]) =>
        valuesForm({
          api,
          indicator: node,
          municipalities: munis,
          ...(state.year ? { year: Number(state.year) } : {}),
          onSaved: (saved, year) => {
            note = t('values.saved', { year: String(year) });
            if (data) data = { ...data, node: saved };
            slot.close();
            reload(() => heading.focus());
          },
          onCancel: () => slot.close('indicator-values'),
        }),
      '#values-year',
    );
  }

  /** Opens the edit form (it needs the region's goals and the indicator's relations). */
  function openEdit(): void {
    if (!data) return;
    const node = data.node;
    slot.open(
      'edit',
      (signal) => Promise.all([loadPlan(api, node.region, signal), api.relations('indicators', id, signal)]),
      ([plan, relations]: [RegionPlan, Relation[]]) =>
        planForm({
          api,
          collection: 'indicators',
          id: 'indicator-form',
          title: t('plan.editIndicator'),
          fields: indicatorFields({ goals: plan.goals }),
          entity: node as unknown as Indicator & Record<string, unknown>,
          relations,
          onSaved: () => {
            note = t('plan.saved');
            slot.close();
            reload(() => heading.focus());
          },
          onCancel: () => slot.close('indicator-edit'),
        }),
    );
  }

  function factsOf(node: Indicator, att: IndicatorAttainment): HTMLElement {
    const unit = att.unit;
    const target =
      att.target === undefined
        ? undefined
        : att.direction === 'range' && att.target_upper !== undefined
          ? t('cockpit.targetRange', { lower: formatValue(att.target, unit), upper: formatValue(att.target_upper, unit) })
          : formatValue(att.target, unit);
    return facts([
      [t('plan.field.unit'), att.unit],
      [t('plan.field.source'), att.source],
      [t('plan.field.direction'), att.direction ? directionLabel(att.direction) : undefined],
      [t('chart.baseline'), att.baseline ? t('kennzahl.atYear', { value: formatValue(att.baseline.value, unit), year: String(att.baseline.year) }) : undefined],
      [t('plan.field.target'), target],
      [t('plan.field.targetYear'), att.target_year ? String(att.target_year) : undefined],
      [t('kennzahl.latest'), att.latest ? t('kennzahl.atYear', { value: formatValue(att.latest.value, unit), year: String(att.latest.year) }) : undefined],
      [t('kennzahl.share'), att.share !== undefined ? formatPercent(att.share) : undefined],
      [t('kennzahl.trend'), att.trend ? t('kennzahl.perYear', { value: `${att.trend.slope > 0 ? '+' : att.trend.slope < 0 ? '−' : '±'}${formatValue(Math.abs(att.trend.slope), unit)}` }) : undefined],
      [t('kennzahl.projected'), att.projected !== undefined && att.target_year ? t('kennzahl.atYear', { value: formatValue(att.projected, unit), year: String(att.target_year) }) : undefined],
      [t('kennzahl.reach'), att.reach_year ? String(att.reach_year) : undefined],
      [t('kennzahl.reason'), att.reason ? t('kennzahl.reasonValue', { reason: reasonText(att.reason) }) : undefined],
      [t('kennzahl.version'), t('detail.versionValue', { version: node.version, date: formatDate(node.updated_at ?? '') })],
    ]);
  }

  function municipalTable(att: IndicatorAttainment): HTMLElement | null {
    const rows = att.municipalities ?? [];
    if (rows.length === 0) return null;
    return h(
      'section',
      { class: 'report-section', id: 'indicator-municipalities', 'aria-labelledby': 'indicator-municipalities-title' },
      h('h2', { id: 'indicator-municipalities-title' }, t('kennzahl.municipalities')),
      h('p', { class: 'muted' }, t('kennzahl.municipalitiesHint')),
      scrollBox(
        t('kennzahl.municipalities'),
        h(
          'table',
          { id: 'municipal-table' },
          h('caption', { class: 'visually-hidden' }, t('kennzahl.municipalities')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('karte.table.municipality')),
              h('th', { scope: 'col', class: 'num' }, t('kennzahl.latest')),
              h('th', { scope: 'col', class: 'num' }, t('kennzahl.share')),
              h('th', { scope: 'col' }, t('kennzahl.class')),
              h('th', { scope: 'col' }, t('kennzahl.explanation')),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map((m) =>
              h(
                'tr',
                { 'data-municipality': m.municipality, 'data-class': m.class },
                h('th', { scope: 'row' }, m.name),
                h('td', { class: 'num' }, m.latest ? `${formatValue(m.latest.value, att.unit)} (${m.latest.year})` : '–'),
                h('td', { class: 'num' }, m.share !== undefined ? formatPercent(m.share) : '–'),
                h('td', {}, classBadge(m.class)),
                h('td', { class: 'explanation-cell' }, m.explanation),
              ),
            ),
          ),
        ),
      ),
    );
  }

  function render(): void {
    replaceChildren(back, backToCockpit(data?.node.region, state.year));
    if (loadError) {
      heading.textContent = t('kennzahl.errorTitle');
      status.textContent = '';
      replaceChildren(body, errorBox(t('kennzahl.error'), loadError, () => reload()));
      body.dataset.state = 'error';
      return;
    }
    if (!data) {
      heading.textContent = t('kennzahl.loadingTitle');
      status.textContent = t('kennzahl.loading');
      replaceChildren(body, loadingBox(t('kennzahl.loading')));
      return;
    }
    const { node, att, goals } = data;
    heading.textContent = att.name;
    document.title = t('app.documentTitle', { view: att.name });
    status.textContent = note || t('kennzahl.ready', { name: att.name, label: attainmentLabel(att.class), year: att.latest ? String(att.latest.year) : '' });
    const focused = document.activeElement instanceof HTMLElement && body.contains(document.activeElement) ? document.activeElement.id : '';
    const input = indicatorChartInput(att);
    const municipal = att.series.length === 0 && input.series.length > 0;
    const width = Math.max(300, Math.min(760, body.clientWidth || 640));
    const chartTitle = municipal ? t('kennzahl.chartMedian', { name: att.name }) : t('kennzahl.chartTitle', { name: att.name });
    const edit = canEdit();
    remover.update({ id, version: node.version, name: att.name }, () => ctx.navigate(cockpitHref(node.region, state.year)));
    const years = indicatorYears(node, new Date().getFullYear());

    replaceChildren(
      body,
      h('div', { class: 'judgement', id: 'indicator-judgement', 'data-class': att.class }, classBadge(att.class, 'att-large'), h('p', { id: 'indicator-explanation', class: 'explanation' }, att.explanation)),
      edit &&
        slot.mode === 'view' &&
        h(
          'div',
          { class: 'actions no-print' },
          h('button', { type: 'button', id: 'indicator-values', onclick: openValues }, t('values.open')),
          h('button', { type: 'button', class: 'secondary', id: 'indicator-edit', onclick: openEdit }, t('plan.editIndicator')),
          remover.button,
        ),
      edit && slot.mode === 'view' && remover.panel,
      slot.element(),
      h(
        'div',
        { class: 'controls no-print' },
        selectField({
          id: 'kennzahl-year',
          label: t('cockpit.year'),
          options: years.map((y) => ({ value: String(y), label: String(y) })),
          value: state.year,
          empty: t('cockpit.yearLatest'),
          onChange: (year) => {
            state = year ? { year } : {};
            replaceQuery(state);
            note = '';
            reload();
          },
        }),
      ),
      h(
        'div',
        { class: 'indicator-grid' },
        h(
          'figure',
          { class: 'chart-figure', id: 'indicator-chart' },
          seriesChart(input, { id: 'indicator-svg', title: chartTitle, width, height: Math.round(width * 0.5) }),
          chartLegend(input),
          h('figcaption', { class: 'muted' }, municipal ? t('kennzahl.medianHint') : t('kennzahl.chartHint')),
          valueTable(input, municipal ? t('kennzahl.tableMedian') : t('kennzahl.table')),
        ),
        h('div', {}, h('h2', { class: 'visually-hidden' }, t('kennzahl.facts')), factsOf(node, att)),
      ),
      municipalTable(att),
      h(
        'section',
        { class: 'report-section', id: 'indicator-goals', 'aria-labelledby': 'indicator-goals-title' },
        h('h2', { id: 'indicator-goals-title' }, t('kennzahl.goals')),
        goals.length === 0 ? h('p', { class: 'muted' }, t('kennzahl.noGoals')) : h('ul', { class: 'plain-list' }, ...goals.map((g) => h('li', {}, h('a', { href: goalHref(g.id, state.year) }, goalName(g))))),
      ),
      node.description && h('section', { class: 'report-section description' }, h('h2', {}, t('plan.field.indicatorDescription')), ...node.description.split(/\n{2,}/).map((p) => h('p', {}, p))),
    );
    body.dataset.state = 'ready';
    body.dataset.class = att.class;
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

/** The reason code's words (the service's codes; unknown ones shown as they are). */
export function reasonText(code: string): string {
  const key = `reason.${code}`;
  const text = t(key as never);
  return text === key ? code : text;
}

