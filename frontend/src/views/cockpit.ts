// The monitoring cockpit at the top of the Steuerung: the concept tree (Leitlinien → goals →
// sub-goals → measures) with each goal's attainment as colour, symbol and word, its
// explanation, its indicators with a sparkline; filters by field of action, priority,
// horizon and measure status, and a year to look from, all in the address; the counts per
// class as a summary line. Below it the Sachstandsbericht as downloads for a chosen period.
//
// The tree is nested lists with disclosure buttons (aria-expanded); opening and closing only
// flips attributes, so focus stays where it is. In print everything is open and the controls
// are left out.

import { buildTree, countsLine, hasFilters, selectableYears, treeGoalIds, attainmentClasses, attainmentMeaning, type ConceptTree, type TreeFilters, type TreeGoal } from '../attainment';
import { formatValue, sparkline, sparklineLabel, type ChartInput } from '../chart';
import { h, replaceChildren } from '../dom';
import { formatDate, formatDateTime } from '../format';
import { getLanguage, t } from '../i18n';
import { horizonLabel, horizons, measureStatuses, priorities, priorityLabel, statusLabel } from '../labels';
import type { AttainmentResult, Field, IndicatorAttainment, MonitoringMeasure, SnapshotInfo } from '../types';
import { emptyBox, errorBox, loadingBox, Loader, selectField, type Loadable } from '../ui';
import { mapLimit } from '../util';
import { detailPath } from './detail';
import { classBadge, createHref, goalHref, indicatorHref, medianSeries, planHref } from './monitorparts';
import type { ViewContext } from './view';

/** The cockpit's part of the Steuerung's address. */
export interface CockpitState {
  region?: string | undefined;
  /** The year to look from; none: the latest with values. */
  year?: string | undefined;
  field?: string | undefined;
  priority?: string | undefined;
  horizon?: string | undefined;
  /** Status of the measures. */
  mstatus?: string | undefined;
  /** The report's period: saved snapshot ids or dates (YYYY-MM-DD). */
  rfrom?: string | undefined;
  rto?: string | undefined;
}

export const cockpitKeys = ['year', 'field', 'priority', 'horizon', 'mstatus', 'rfrom', 'rto'] as const;

export interface Cockpit {
  cockpit: HTMLElement;
  report: HTMLElement;
  /** Loads the monitoring for the state's region and year. */
  load(): void;
  render(): void;
  /** After a change of language: the explanations come from the service in the language. */
  relabel(): void;
  /** The saved snapshots the report's period can start or end at (undefined: none visible). */
  setSnapshots(list: readonly SnapshotInfo[] | undefined): void;
  /** Whether the monitoring is still loading (for the view's status line). */
  busy(): boolean;
  stop(): void;
}

const DATE = '__date';
const isDate = (v: string | undefined) => v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The chart input of an indicator's judgement (the municipalities' median when it has no series of its own). */
export function indicatorChartInput(ind: IndicatorAttainment): ChartInput {
  const own = ind.series.length > 0;
  return {
    series: own ? ind.series : medianSeries((ind.municipalities ?? []).map((m) => m.series)),
    baseline: own ? ind.baseline : undefined,
    target: ind.target,
    targetUpper: ind.target_upper,
    targetYear: ind.target_year,
    direction: ind.direction,
    trend: own ? ind.trend : undefined,
    projected: own ? ind.projected : undefined,
    unit: ind.unit,
  };
}

/** "2024: 31 % · Ziel 35 % bis 2028" for the tree's indicator line. */
export function indicatorLine(ind: IndicatorAttainment): string {
  const parts: string[] = [];
  if (ind.latest) parts.push(`${ind.latest.year}: ${formatValue(ind.latest.value, ind.unit)}`);
  else if (ind.series.length === 0 && (ind.municipalities ?? []).length > 0) parts.push(t('cockpit.municipalOnly', { count: ind.municipalities!.length }));
  if (ind.target !== undefined) {
    const target =
      ind.direction === 'range' && ind.target_upper !== undefined
        ? t('cockpit.targetRange', { lower: formatValue(ind.target, ind.unit), upper: formatValue(ind.target_upper, ind.unit) })
        : t('cockpit.target', { value: formatValue(ind.target, ind.unit) });
    parts.push(ind.target_year ? t('cockpit.targetBy', { target, year: String(ind.target_year) }) : target);
  }
  return parts.join(' · ');
}

/**
 * What is wrong with a report period before the service is asked: a day that has not come,
 * or a start after the end (snapshots are compared by when they were taken).
 */
export function periodProblem(from: string | undefined, to: string | undefined, snapshots: readonly SnapshotInfo[], today: string): string | undefined {
  const day = (v: string | undefined) => (v === undefined ? undefined : isDate(v) ? v : snapshots.find((x) => x.id === v)?.taken.slice(0, 10));
  const a = day(from);
  const b = day(to) ?? today;
  if (isDate(to) && to! > today) return t('report.future');
  if (isDate(from) && from! > today) return t('report.future');
  if (a && a > b) return t('report.order');
  return undefined;
}

export function createCockpit(ctx: ViewContext, get: () => CockpitState, set: (patch: Partial<CockpitState>) => void): Cockpit {
  const { api, refdata, session } = ctx;
  let monitoring: Loadable<AttainmentResult> = { status: 'idle' };
  let measures: Loadable<Map<string, MonitoringMeasure[]>> = { status: 'idle' };
  let fields: Field[] = [];
  let snapshots: readonly SnapshotInfo[] | undefined;
  let measuresRegion = '';
  /** Disclosure state by node key; concepts and Leitlinien start open, goals closed. */
  const open = new Map<string, boolean>();
  const loaders = { monitoring: new Loader(), measures: new Loader() };

  const cockpit = h('section', { class: 'report-section cockpit', id: 'cockpit', 'aria-labelledby': 'cockpit-title' });
  const report = h('section', { class: 'report-section', id: 'report', 'aria-labelledby': 'report-title' });

  const isOpen = (key: string) => open.get(key) ?? !key.startsWith('goal:');

  function filters(): TreeFilters {
    const s = get();
    return { field: s.field, priority: s.priority, horizon: s.horizon, status: s.mstatus };
  }

  // --- Loading ---------------------------------------------------------------------------

  function load(): void {
    const { region, year } = get();
    if (!region) return;
    void refdata
      .fields(region)
      .then((f) => {
        if (region === get().region) {
          fields = f;
          render();
        }
      })
      .catch(() => undefined);
    // While a new year or language loads, the tree of the old one stays (no jump); the
    // section says it is busy.
    loaders.monitoring.track(
      (signal) => api.monitoring(region, { year: year ? Number(year) : undefined, lang: getLanguage() }, signal),
      (v) => {
        monitoring = v.status === 'loading' && monitoring.status === 'ready' && monitoring.data.region === region ? monitoring : v;
        render();
      },
      (result) => loadMeasures(result),
    );
  }

  /** The measures of every goal that has some, with their lead bodies (the goal route). */
  function loadMeasures(result: AttainmentResult): void {
    const withMeasures = result.goals.filter((g) => g.measures.length > 0).map((g) => g.goal);
    loaders.measures.track(
      async (signal) => {
        const answers = await mapLimit(withMeasures, 6, (id) => api.monitoringGoal(id, { year: result.year, lang: getLanguage() }, signal));
        return new Map(answers.map((a) => [a.goal.goal, a.measures]));
      },
      (v) => {
        measures = v.status === 'loading' && measures.status === 'ready' && measuresRegion === result.region ? measures : v;
        if (v.status === 'ready') measuresRegion = result.region;
        render();
      },
    );
  }

  // --- Rendering -------------------------------------------------------------------------

  function canEdit(): boolean {
    const region = get().region;
    return Boolean(region && session.can(region, 'coordinator'));
  }

  function controls(result: AttainmentResult | undefined): HTMLElement {
    const s = get();
    const years = selectableYears(result, new Date().getFullYear());
    return h(
      'div',
      { class: 'controls no-print', id: 'cockpit-controls' },
      selectField({
        id: 'cockpit-year',
        label: t('cockpit.year'),
        options: years.map((y) => ({ value: String(y), label: String(y) })),
        value: s.year,
        empty: result && !s.year ? t('cockpit.yearLatestIs', { year: String(result.year) }) : t('cockpit.yearLatest'),
        onChange: (year) => {
          set({ year: year || undefined });
          load();
        },
      }),
      selectField({ id: 'cockpit-field', label: t('filter.field'), options: fields.map((f) => ({ value: f.id, label: f.name })), value: s.field, empty: t('filter.allFields'), onChange: (field) => change({ field }) }),
      selectField({ id: 'cockpit-priority', label: t('cockpit.priority'), options: priorities.map((p) => ({ value: p, label: priorityLabel(p) })), value: s.priority, empty: t('cockpit.allPriorities'), onChange: (priority) => change({ priority }) }),
      selectField({ id: 'cockpit-horizon', label: t('cockpit.horizon'), options: horizons.map((x) => ({ value: x, label: horizonLabel(x) })), value: s.horizon, empty: t('cockpit.allHorizons'), onChange: (horizon) => change({ horizon }) }),
      selectField({ id: 'cockpit-status', label: t('cockpit.measureStatus'), options: measureStatuses.map((x) => ({ value: x, label: statusLabel(x) })), value: s.mstatus, empty: t('filter.allStatuses'), onChange: (mstatus) => change({ mstatus }) }),
    );
  }

  function change(patch: Partial<CockpitState>): void {
    const clean: Partial<CockpitState> = {};
    for (const [k, v] of Object.entries(patch)) clean[k as keyof CockpitState] = v || undefined;
    set(clean);
    render();
  }

  function legend(): HTMLElement {
    return h(
      'ul',
      { class: 'att-legend', id: 'cockpit-legend', 'aria-label': t('cockpit.legend') },
      ...attainmentClasses.map((c) => h('li', {}, classBadge(c), h('span', {}, attainmentMeaning(c)))),
    );
  }

  function toggle(key: string, button: HTMLButtonElement, body: HTMLElement): void {
    const next = !isOpen(key);
    open.set(key, next);
    button.setAttribute('aria-expanded', String(next));
    body.hidden = !next;
  }

  function disclosure(key: string, bodyId: string, labelledBy?: string, label?: string): HTMLButtonElement {
    return h(
      'button',
      {
        type: 'button',
        class: 'disclosure',
        'aria-expanded': String(isOpen(key)),
        'aria-controls': bodyId,
        'aria-labelledby': labelledBy,
        'data-key': key,
      },
      h('span', { class: 'chev', 'aria-hidden': 'true' }),
      label && h('span', { class: 'disclosure-label' }, label),
    );
  }

  function wire(button: HTMLButtonElement, key: string, body: HTMLElement): void {
    button.addEventListener('click', () => toggle(key, button, body));
  }

  function measureItem(m: MonitoringMeasure): HTMLElement {
    return h(
      'li',
      { 'data-measure': m.id, 'data-status': m.status },
      m.reference && h('span', { class: 'measure-ref' }, m.reference),
      h('a', { href: detailPath('measure', m.id) }, m.title),
      h('span', { class: 'measure-lead' }, m.lead ? t('cockpit.lead', { name: m.lead.name }) : t('cockpit.noLead')),
      h('span', { class: `tag status-tag status-tag-${m.status}` }, statusLabel(m.status)),
    );
  }

  function indicatorItem(ind: IndicatorAttainment, year: string | undefined): HTMLElement {
    const input = indicatorChartInput(ind);
    const municipal = ind.series.length === 0 && input.series.length > 0;
    return h(
      'li',
      { 'data-indicator': ind.indicator, 'data-class': ind.class },
      h('a', { href: indicatorHref(ind.indicator, year) }, ind.name),
      input.series.length > 0 && sparkline(input, sparklineLabel(municipal ? t('cockpit.median', { name: ind.name }) : ind.name, input)),
      h('span', { class: 'indicator-line' }, indicatorLine(ind)),
      classBadge(ind.class),
    );
  }

  function goalItem(node: TreeGoal, year: string | undefined, loaded: boolean): HTMLElement {
    const g = node.goal;
    const key = `goal:${g.goal}`;
    const bodyId = `tree-goal-${g.goal}`;
    const nameId = `${bodyId}-name`;
    const body = h(
      'div',
      { class: 'tree-body', id: bodyId },
      h('p', { class: 'explanation' }, g.explanation),
      node.indicators.length > 0 && h('p', { class: 'tree-label' }, t('cockpit.indicators')),
      node.indicators.length > 0 && h('ul', { class: 'tree-indicators' }, ...node.indicators.map((i) => indicatorItem(i, year))),
      g.measures.length > 0 && h('p', { class: 'tree-label' }, t('cockpit.measures')),
      g.measures.length > 0 &&
        (loaded
          ? node.measures.length > 0
            ? h('ul', { class: 'tree-measures' }, ...node.measures.map(measureItem))
            : h('p', { class: 'muted' }, t('cockpit.noMatchingMeasures'))
          : h('p', { class: 'muted' }, t('cockpit.measuresLoading'))),
      node.children.length > 0 && h('ul', { class: 'tree tree-goals' }, ...node.children.map((c) => goalItem(c, year, loaded))),
    );
    body.hidden = !isOpen(key);
    const button = disclosure(key, bodyId, nameId);
    wire(button, key, body);
    return h(
      'li',
      { class: `tree-goal${node.matches ? '' : ' tree-context'}`, 'data-goal': g.goal, 'data-class': g.class },
      h(
        'div',
        { class: 'tree-row' },
        button,
        h('span', { class: 'tree-title' }, g.reference && h('span', { class: 'goal-ref' }, g.reference), h('a', { id: nameId, href: goalHref(g.goal, year) }, g.text)),
        classBadge(g.class),
      ),
      body,
    );
  }

  function treeView(tree: ConceptTree, year: string | undefined, loaded: boolean): HTMLElement {
    const edit = canEdit();
    return h(
      'div',
      { id: 'concept-tree', class: 'concept-tree' },
      ...tree.concepts.map((c) => {
        const only = c.guidelines.length === 1 && c.guidelines[0]!.id === '';
        const cid = c.group.id || 'outside';
        return h(
          'section',
          { class: 'tree-concept', 'data-concept': c.group.id, 'aria-labelledby': `tree-concept-${cid}` },
          h('h3', { id: `tree-concept-${cid}` }, c.group.name, ' ', classBadge(c.group.class)),
          h('p', { class: 'explanation' }, c.group.explanation),
          edit && c.group.id && h('p', { class: 'no-print tree-edit' }, h('a', { href: planHref('konzept', c.group.id) }, t('cockpit.editConcept'))),
          only
            ? h('ul', { class: 'tree tree-goals' }, ...c.guidelines[0]!.goals.map((g) => goalItem(g, year, loaded)))
            : h(
                'ul',
                { class: 'tree tree-guidelines' },
                ...c.guidelines.map((gl) => {
                  const key = `gl:${cid}:${gl.id}`;
                  const bodyId = `tree-gl-${cid}-${gl.id || 'none'}`;
                  const title = gl.id ? [gl.reference, gl.title].filter(Boolean).join(' ') : t('cockpit.noGuideline');
                  const list = h(
                    'ul',
                    { class: 'tree tree-goals', id: bodyId },
                    ...(gl.goals.length > 0 ? gl.goals.map((g) => goalItem(g, year, loaded)) : [h('li', { class: 'muted' }, t('cockpit.guidelineEmpty'))]),
                  );
                  list.hidden = !isOpen(key);
                  const button = disclosure(key, bodyId, undefined, title);
                  wire(button, key, list);
                  return h(
                    'li',
                    { class: 'tree-guideline', 'data-guideline': gl.id },
                    h(
                      'div',
                      { class: 'tree-row' },
                      button,
                      h('span', { class: 'muted tree-count' }, t('cockpit.goalCount', { count: gl.goals.length })),
                      edit && gl.id && h('a', { class: 'no-print tree-edit', href: planHref('leitlinie', gl.id) }, t('cockpit.editGuideline', { name: title })),
                    ),
                    list,
                  );
                }),
              ),
        );
      }),
    );
  }

  function setAll(tree: ConceptTree, value: boolean): void {
    for (const id of treeGoalIds(tree)) open.set(`goal:${id}`, value);
    for (const c of tree.concepts) for (const gl of c.guidelines) open.set(`gl:${c.group.id || 'outside'}:${gl.id}`, value || isOpen(`gl:${c.group.id || 'outside'}:${gl.id}`));
    render();
  }

  function render(): void {
    renderCockpit();
    renderReport();
  }

  function renderCockpit(): void {
    const s = get();
    const focused = document.activeElement instanceof HTMLElement && cockpit.contains(document.activeElement) ? document.activeElement.id || document.activeElement.dataset.key : '';
    const result = monitoring.status === 'ready' ? monitoring.data : undefined;
    const parts: (Node | false | null | undefined)[] = [
      h('h2', { id: 'cockpit-title' }, t('cockpit.title')),
      h('p', { class: 'muted no-print' }, t('cockpit.hint')),
      controls(result),
    ];
    if (canEdit() && s.region) {
      parts.push(
        h(
          'div',
          { class: 'actions no-print', id: 'cockpit-actions' },
          h('a', { class: 'button-link', id: 'new-goal', href: createHref('ziel', { region: s.region, field: s.field }) }, t('cockpit.newGoal')),
          h('a', { class: 'button-link', id: 'new-indicator', href: createHref('kennzahl', { region: s.region }) }, t('cockpit.newIndicator')),
          h('a', { class: 'button-link', id: 'new-guideline', href: createHref('leitlinie', { region: s.region }) }, t('cockpit.newGuideline')),
          h('a', { class: 'button-link', id: 'new-concept', href: createHref('konzept', { region: s.region }) }, t('cockpit.newConcept')),
        ),
      );
    }
    if (monitoring.status === 'error') parts.push(errorBox(t('cockpit.error'), monitoring.error, load));
    else if (!result) parts.push(loadingBox(t('cockpit.loading')));
    else {
      const loaded = measures.status === 'ready';
      const tree = buildTree(result, measures.status === 'ready' ? measures.data : new Map(), filters());
      const filtered = hasFilters(filters());
      parts.push(
        h(
          'p',
          { class: 'cockpit-summary', id: 'cockpit-summary', 'data-goals': tree.goals },
          filtered ? t('cockpit.summaryFiltered', { count: tree.goals, total: tree.total }) : t('cockpit.summary', { count: tree.goals, year: String(result.year) }),
          tree.goals > 0 ? ` ${countsLine(tree.counts)}.` : '',
        ),
        result.indicators.length > 0 && h('p', { class: 'cockpit-summary muted', id: 'cockpit-indicators' }, t('cockpit.indicatorSummary', { count: result.indicators.length }), ` ${countsLine(result.counts)}.`),
        legend(),
      );
      if (measures.status === 'error') parts.push(errorBox(t('cockpit.measuresError'), measures.error, () => loadMeasures(result)));
      if (tree.total === 0) parts.push(emptyBox(canEdit() ? t('cockpit.emptyEdit') : t('cockpit.empty')));
      else if (tree.goals === 0 && tree.concepts.length === 0) parts.push(emptyBox(t('cockpit.noMatch')));
      else {
        parts.push(
          h(
            'div',
            { class: 'tree-tools no-print' },
            h('button', { type: 'button', class: 'secondary', id: 'tree-expand-all', onclick: () => setAll(tree, true) }, t('cockpit.expandAll')),
            h('button', { type: 'button', class: 'secondary', id: 'tree-collapse-all', onclick: () => setAll(tree, false) }, t('cockpit.collapseAll')),
          ),
          treeView(tree, s.year, loaded),
        );
      }
    }
    replaceChildren(cockpit, ...parts);
    const busy = loaders.monitoring.busy || loaders.measures.busy;
    cockpit.dataset.state = busy ? 'loading' : monitoring.status;
    if (busy) cockpit.setAttribute('aria-busy', 'true');
    else cockpit.removeAttribute('aria-busy');
    if (focused) (document.getElementById(focused) ?? cockpit.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`))?.focus();
  }

  // --- The Sachstandsbericht -------------------------------------------------------------

  function endControl(id: string, label: string, value: string | undefined, empty: string, onChange: (v: string | undefined) => void): HTMLElement {
    const list = snapshots ?? [];
    const select = h('select', { id, name: id });
    select.append(h('option', { value: '' }, empty));
    for (const snap of list) select.append(h('option', { value: snap.id }, `${snap.label || t('steuerung.unnamed')} – ${formatDateTime(snap.taken)}`));
    select.append(h('option', { value: DATE }, t('report.onDate')));
    select.value = isDate(value) ? DATE : list.some((x) => x.id === value) ? value! : '';
    const date = h('input', { id: `${id}-date`, name: `${id}-date`, type: 'date', lang: 'de' });
    date.value = isDate(value) ? value! : '';
    const dateWrap = h('div', { class: 'control' }, h('label', { for: `${id}-date` }, t('report.date')), date);
    dateWrap.hidden = select.value !== DATE;
    select.addEventListener('change', () => {
      dateWrap.hidden = select.value !== DATE;
      if (select.value === DATE) {
        if (date.value) onChange(date.value);
        date.focus();
      } else onChange(select.value || undefined);
    });
    date.addEventListener('change', () => onChange(date.value || undefined));
    return h('div', { class: 'report-end' }, h('div', { class: 'control' }, h('label', { for: id }, label), select), dateWrap);
  }

  function renderReport(): void {
    const s = get();
    const region = s.region;
    const focused = document.activeElement instanceof HTMLElement && report.contains(document.activeElement) ? document.activeElement.id : '';
    const formats = [
      { format: 'html', label: t('report.html') },
      { format: 'pdf', label: t('report.pdf') },
      { format: 'docx', label: t('report.docx') },
      { format: 'xlsx', label: t('report.xlsx') },
    ] as const;
    const member = Boolean(region && session.can(region, 'member'));
    const problem = periodProblem(s.rfrom, s.rto, snapshots ?? [], new Date().toISOString().slice(0, 10));
    const period = () =>
      s.rfrom || s.rto
        ? t('report.period', { from: s.rfrom ? endName(s.rfrom) : t('report.fromDefault'), to: s.rto ? endName(s.rto) : t('report.toDefault') })
        : t('report.periodDefault');
    replaceChildren(
      report,
      h('h2', { id: 'report-title' }, t('report.title')),
      h('p', { class: 'muted' }, t('report.hint')),
      h(
        'div',
        { class: 'controls no-print report-period' },
        endControl('report-from', t('report.from'), s.rfrom, t('report.fromDefault'), (rfrom) => {
          set({ rfrom });
          renderReport();
        }),
        endControl('report-to', t('report.to'), s.rto, t('report.toDefault'), (rto) => {
          set({ rto });
          renderReport();
        }),
      ),
      h('p', { id: 'report-period' }, period()),
      problem && h('p', { class: 'field-error', id: 'report-problem', role: 'alert' }, problem),
      region &&
        member &&
        h(
          'ul',
          { class: 'report-formats no-print', id: 'report-formats' },
          ...formats.map((f) =>
            h(
              'li',
              {},
              h(
                'a',
                {
                  class: 'button-link',
                  id: `report-${f.format}`,
                  'data-format': f.format,
                  href: api.statusReportHref(region, f.format, { from: s.rfrom, to: s.rto, lang: getLanguage() }),
                  ...(f.format === 'html' ? { target: '_blank', rel: 'noopener' } : { download: '' }),
                },
                f.label,
              ),
            ),
          ),
        ),
      !member && h('p', { class: 'note no-print', id: 'report-sign-in' }, t('report.signIn'), ' ', !session.user && h('a', { href: '/verwaltung' }, t('account.signIn'))),
    );
    if (focused) document.getElementById(focused)?.focus();
  }

  function endName(v: string): string {
    if (isDate(v)) return formatDate(v);
    const snap = snapshots?.find((x) => x.id === v);
    return snap ? snap.label || formatDateTime(snap.taken) : v;
  }

  return {
    cockpit,
    report,
    load,
    render,
    relabel: () => {
      render();
      load();
    },
    setSnapshots(list) {
      snapshots = list;
      renderReport();
    },
    busy: () => loaders.monitoring.busy || loaders.measures.busy,
    stop() {
      for (const l of Object.values(loaders)) l.stop();
    },
  };
}
