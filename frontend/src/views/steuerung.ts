// Steuerung: the report for steering groups. A heatmap municipality × field of action, the
// gaps ranked by the people they leave without an offer, the network's figures, measures by
// status per field, and the comparison of two saved snapshots (what closed, what opened, who
// joined, who left). The page prints as a report: controls and navigation are left out.

import { Problem } from '../api';
import { classColours, classify, type MapClass } from '../choropleth';
import { h, replaceChildren } from '../dom';
import { formatDate, formatDateTime, formatDecimal, formatDelta, formatInt, formatPercent, formatScore } from '../format';
import { t, type MessageKey } from '../i18n';
import { attainmentLabel } from '../attainment';
import { classLabel, measureStatuses, statusLabel } from '../labels';
import { preferredRegion, storedRegion, storeRegion } from '../refdata';
import type { Comparison, CoordinationList, Coverage, CoverageCell, Field, Gaps, NetworkAnalysis, Region, SnapshotInfo, SnapshotTrend, TargetGroup } from '../types';
import { emptyBox, errorBox, inputField, loadingBox, Loader, scrollBox, selectField, statusLine, type Loadable } from '../ui';
import { mapHref, readQuery, replaceQuery, withQuery } from '../url';
import { mapLimit } from '../util';
import { cockpitKeys, createCockpit, type CockpitState } from './cockpit';
import { monitoringPage } from './monitoring';
import { csvFileName, downloadText, gapCsvRows, gapRows, heatmapRows, statusCsvRows, steuerungKeys, toCsv } from './steuerungtable';
import { coordinationAnchor } from './coordination';
import { coordinationRows, defaultPick, trendCharts, trendRows, trendTable } from './trend';
import { viewHeading, type MountView } from './view';

/** Measures per field and status: field id → status → count. */
export type StatusCounts = Map<string, Record<string, number>>;

/** The class of a coverage cell on the report's heatmap (the map's classes). */
export function cellClass(cell: CoverageCell, coverage: Coverage): MapClass {
  const f = coverage.fields.find((x) => x.id === cell.field);
  return classify(cell.class, cell.density, cell.offers, { median: f?.median_density ?? 0, thinBelow: f?.thin_below ?? 0 });
}

/** Text colour that stays readable on a class colour (white only on the darkest class: 6.5:1; dark ink on the others). */
export function inkOn(cls: MapClass): string {
  return cls === 'high' ? '#ffffff' : '#1a1f24';
}

const figureKeys: Record<string, MessageKey> = {
  organisations: 'steuerung.figure.organisations',
  measures: 'steuerung.figure.measures',
  networks: 'steuerung.figure.networks',
  memberships: 'steuerung.figure.memberships',
  ties: 'steuerung.figure.ties',
  density: 'steuerung.figure.density',
  communities: 'steuerung.figure.communities',
  modularity: 'steuerung.figure.modularity',
  isolated: 'steuerung.figure.isolated',
  articulation_points: 'steuerung.figure.articulation_points',
  duplicates: 'steuerung.figure.duplicates',
};

/** The address state of the Steuerung in a fixed order: region and target group first, then the cockpit's filters and the compared states. */
export function steuerungQuery(state: Partial<Record<(typeof steuerungKeys)[number] | (typeof cockpitKeys)[number], string>>): Record<string, string | undefined> {
  const { region, group, from, to, year, field, priority, horizon, mstatus, rfrom, rto } = state;
  return { region, group, year, field, priority, horizon, mstatus, from, to, rfrom, rto };
}

export const steuerungView: MountView = (target, ctx) => {
  // The pages below /steuerung: indicators, goals, Leitlinien, concepts and their forms.
  const sub = monitoringPage(target, ctx, location.pathname);
  if (sub) return sub;
  const { api, refdata, session } = ctx;
  let state = readQuery(location.search, [...steuerungKeys, ...cockpitKeys] as const);
  let regions: Region[] = [];
  let fields: Field[] = [];
  let groups: TargetGroup[] = [];
  let coverage: Loadable<Coverage> = { status: 'loading' };
  let gaps: Loadable<Gaps> = { status: 'loading' };
  let network: Loadable<NetworkAnalysis> = { status: 'loading' };
  let statuses: Loadable<StatusCounts> = { status: 'loading' };
  let snapshots: Loadable<SnapshotInfo[]> | { status: 'forbidden' } = { status: 'loading' };
  let comparison: Loadable<Comparison> = { status: 'idle' };
  /** The trend over every saved state, the states chosen for the comparison table and their figures. */
  let trend: Loadable<SnapshotTrend> = { status: 'idle' };
  let pick: string[] = [];
  let picked: Loadable<SnapshotTrend> = { status: 'idle' };
  let coordinations: Loadable<CoordinationList> = { status: 'loading' };
  let saveState: { status: 'idle' } | { status: 'saving' } | { status: 'error'; error: unknown } | { status: 'saved'; label: string } = { status: 'idle' };
  let setupError: unknown;
  /** Deleting saved states: whether the list is open, and the last failure. */
  let manage: { open: boolean; busy?: string; error?: unknown; refocus?: boolean } = { open: false };
  /** The region whose live figures are shown. */
  let shownRegion: string | undefined;

  const loaders = { coverage: new Loader(), gaps: new Loader(), network: new Loader(), statuses: new Loader(), snapshots: new Loader(), compare: new Loader(), setup: new Loader(), trend: new Loader(), picked: new Loader(), coordinations: new Loader() };

  const heading = viewHeading('');
  const reportTitle = h('p', { class: 'print-only report-title' });
  const intro = h('p', { class: 'lead no-print' });
  const controls = h('div', { class: 'controls no-print' });
  const status = statusLine('no-print');
  const cockpit = createCockpit(
    ctx,
    () => state as CockpitState,
    (patch) => {
      state = { ...state, ...patch };
      write();
    },
  );
  const sections = {
    cockpit: cockpit.cockpit,
    report: cockpit.report,
    heatmap: h('section', { class: 'report-section', id: 'heatmap', 'aria-labelledby': 'heatmap-title' }),
    gaps: h('section', { class: 'report-section', id: 'gaps', 'aria-labelledby': 'gaps-title' }),
    network: h('section', { class: 'report-section', id: 'network', 'aria-labelledby': 'network-title' }),
    statuses: h('section', { class: 'report-section', id: 'statuses', 'aria-labelledby': 'statuses-title' }),
    coordinations: h('section', { class: 'report-section', id: 'coordinations', 'aria-labelledby': 'coordinations-title' }),
    trend: h('section', { class: 'report-section', id: 'trend', 'aria-labelledby': 'trend-title' }),
    compare: h('section', { class: 'report-section', id: 'compare', 'aria-labelledby': 'compare-title' }),
  };
  // One box around the report: print rules and the named A4-landscape page apply to it alone.
  replaceChildren(target, h('div', { id: 'steuerung-report' }, heading, reportTitle, intro, controls, status, ...Object.values(sections)));

  function write(): void {
    replaceQuery(steuerungQuery(state));
  }

  function regionName(): string {
    return regions.find((r) => r.id === state.region)?.name ?? state.region ?? '';
  }

  function groupName(): string | undefined {
    return state.group ? (groups.find((g) => g.id === state.group)?.name ?? state.group) : undefined;
  }

  /** Saves rows as a CSV file named after the region, the part and the target group. */
  function download(part: string, rows: (string | number)[][]): void {
    downloadText(csvFileName(state.region ?? '', part, new Date(), state.group ? groupName() : undefined), toCsv(rows));
  }

  /** The button that downloads one table as CSV. */
  function csvButton(id: string, table: string, rows: () => (string | number)[][], part: string): HTMLElement {
    return h(
      'p',
      { class: 'table-actions no-print' },
      h('button', { type: 'button', class: 'secondary', id, 'data-csv': part, onclick: () => download(part, rows()) }, t('steuerung.csv', { table })),
    );
  }

  function fieldName(id: string): string {
    return fields.find((f) => f.id === id)?.name ?? id;
  }

  // --- Loading ---------------------------------------------------------------------------

  function run<T>(key: keyof typeof loaders, set: (v: Loadable<T>) => void, load: (signal: AbortSignal) => Promise<T>, after?: () => void): void {
    loaders[key].track(
      load,
      (v) => {
        set(v);
        if (v.status !== 'loading') renderLive();
      },
      after,
    );
  }

  function loadAll(): void {
    cockpit.load();
    loadLive();
    loadSnapshots();
    render();
  }

  /** The live analyses (everything but the saved states). */
  function loadLive(): void {
    const region = state.region;
    if (!region) return;
    const group = state.group;
    void refdata
      .fields(region)
      .then((f) => {
        if (region === state.region) {
          fields = f;
          renderLive();
        }
      })
      .catch(() => undefined);
    // Figures already shown stay until the new ones arrive (the status line says that they
    // are being computed): the sections do not collapse into spinners and back, and nothing
    // below them jumps while someone reads or clicks.
    const keep = <T,>(old: Loadable<T>, v: Loadable<T>): Loadable<T> => (v.status === 'loading' && old.status === 'ready' && region === shownRegion ? old : v);
    run<Coverage>('coverage', (v) => (coverage = keep(coverage, v)), (signal) => api.coverage(region, group, signal));
    // For a target group the gaps come from the coverage answer: it carries the same ranked
    // gaps and thin cells (the gaps route computes the whole coverage too) and takes the group.
    const loadGaps = (signal: AbortSignal): Promise<Gaps> =>
      group ? api.coverage(region, group, signal).then((c) => ({ region: c.region, gaps: c.gaps, thin: c.thin })) : api.gaps(region, signal);
    run<Gaps>('gaps', (v) => (gaps = keep(gaps, v)), loadGaps);
    run<NetworkAnalysis>('network', (v) => (network = keep(network, v)), (signal) => api.network(region, {}, signal));
    run<StatusCounts>('statuses', (v) => (statuses = keep(statuses, v)), (signal) => countStatuses(region, signal));
    run<CoordinationList>('coordinations', (v) => (coordinations = keep(coordinations, v)), (signal) => api.coordinations(region, signal));
    shownRegion = region;
  }

  /** Counts measures per field and status with one small request per pair. */
  async function countStatuses(region: string, signal: AbortSignal): Promise<StatusCounts> {
    const list = await refdata.fields(region);
    const pairs = list.flatMap((f) => measureStatuses.map((s) => [f.id, s] as const));
    const totals = await mapLimit(pairs, 6, ([field, s]) => api.listNodes('measures', { region, field, status: s }, { limit: 1, signal }).then((p) => p.total));
    const out: StatusCounts = new Map();
    pairs.forEach(([field, s], i) => {
      const row = out.get(field) ?? {};
      row[s] = totals[i] ?? 0;
      out.set(field, row);
    });
    return out;
  }

  function loadSnapshots(): void {
    const region = state.region;
    if (!region) return;
    if (!session.user) {
      snapshots = { status: 'forbidden' };
      comparison = { status: 'idle' };
      cockpit.setSnapshots(undefined);
      renderCompare();
      renderTrend();
      return;
    }
    snapshots = { status: 'loading' };
    loaders.snapshots.run(
      (signal) => api.snapshots(region, signal),
      (list) => {
        snapshots = { status: 'ready', data: list };
        cockpit.setSnapshots(list);
        // Default: the two newest, older first.
        if (!list.some((s) => s.id === state.from) || !list.some((s) => s.id === state.to)) {
          state = { ...state, from: list[1]?.id, to: list[0]?.id };
          write();
        }
        renderCompare();
        compare();
        // The comparison table keeps the states still there, else starts with the three newest.
        const ids = list.map((s) => s.id);
        pick = pick.filter((id) => ids.includes(id));
        if (pick.length < 2) pick = defaultPick(ids);
        loadTrend();
      },
      (error) => {
        snapshots = error instanceof Problem && (error.status === 401 || error.status === 403) ? { status: 'forbidden' } : { status: 'error', error };
        renderCompare();
        renderTrend();
      },
    );
  }

  /** The trend over every state, then the chosen states' figures. */
  function loadTrend(): void {
    const region = state.region;
    if (!region) return;
    loaders.trend.track(
      (signal) => api.snapshotTrend(region, undefined, signal),
      (v) => {
        trend = v;
        renderTrend();
      },
    );
    loadPicked();
  }

  function loadPicked(): void {
    const region = state.region;
    const ids = pick;
    if (!region || ids.length < 2 || (trend.status === 'ready' && ids.length > trend.data.limit)) {
      loaders.picked.abort();
      picked = { status: 'idle' };
      renderTrend();
      return;
    }
    loaders.picked.track(
      (signal) => api.snapshotTrend(region, ids, signal),
      (v) => {
        picked = v;
        renderTrend();
      },
    );
  }

  function compare(): void {
    const { from, to } = state;
    if (!from || !to || from === to) {
      comparison = { status: 'idle' };
      renderCompare();
      return;
    }
    loaders.compare.track(
      (signal) => api.compareSnapshots(from, to, signal),
      (v) => {
        comparison = v;
        renderCompare();
      },
    );
  }

  async function save(label: string): Promise<void> {
    const region = state.region;
    if (!region || saveState.status === 'saving') return;
    saveState = { status: 'saving' };
    renderCompare();
    try {
      const saved = await api.saveSnapshot(region, label);
      saveState = { status: 'saved', label: saved.label };
      snapLabel.input.value = t('steuerung.snapshotDefault', { date: formatDate(new Date().toISOString()) });
      state = { ...state, from: state.to, to: saved.id };
      // The new state joins the compared ones.
      if (!pick.includes(saved.id)) pick = [...pick, saved.id];
      write();
      // The saved state is the current one: show the live figures of the same moment.
      loadLive();
      loadSnapshots();
    } catch (error) {
      saveState = { status: 'error', error };
      renderCompare();
    }
  }

  async function removeSnapshot(snap: SnapshotInfo): Promise<void> {
    const name = snap.label || t('steuerung.unnamed');
    if (manage.busy || !window.confirm(t('steuerung.deleteConfirm', { label: name, date: formatDateTime(snap.taken) }))) return;
    manage = { open: true, busy: snap.id };
    renderCompare();
    try {
      await api.deleteSnapshot(snap.id);
      // The deleted row goes away: once the list is drawn again the focus goes to its summary, not to the page start.
      manage = { open: true, refocus: true };
      if (state.from === snap.id || state.to === snap.id) {
        state = { ...state, from: undefined, to: undefined };
        write();
      }
      loadSnapshots();
    } catch (error) {
      manage = { open: true, error };
      renderCompare();
    }
  }

  /** The labels typed for saved states, by id, until they are saved. */
  const relabels = new Map<string, string>();

  async function relabelSnapshot(snap: SnapshotInfo): Promise<void> {
    const label = (relabels.get(snap.id) ?? snap.label ?? '').trim();
    if (manage.busy || label === (snap.label ?? '')) return;
    manage = { open: true, busy: snap.id };
    renderCompare();
    try {
      await api.relabelSnapshot(snap.id, label);
      relabels.delete(snap.id);
      manage = { open: true, refocus: true };
      loadSnapshots();
    } catch (error) {
      manage = { open: true, error };
      renderCompare();
    }
  }

  /** The saved states with a field to rename and a delete button each (coordinators only). */
  function manageList(list: SnapshotInfo[]): HTMLElement | false {
    if (!state.region || !session.can(state.region, 'coordinator') || list.length === 0) return false;
    const details = h(
      'details',
      { class: 'snapshot-manage no-print', id: 'snapshot-manage', open: manage.open },
      h('summary', { id: 'snapshot-manage-summary' }, t('steuerung.manage', { count: list.length })),
      h(
        'ul',
        { class: 'snapshot-list' },
        ...list.map((snap) => {
          const name = snap.label || t('steuerung.unnamed');
          const inputId = `snapshot-label-${snap.id}`;
          const input = h('input', { id: inputId, type: 'text', class: 'snapshot-label-input', maxlength: 200, autocomplete: 'off' });
          input.value = relabels.get(snap.id) ?? snap.label ?? '';
          input.addEventListener('input', () => relabels.set(snap.id, input.value));
          input.addEventListener('keydown', (ev) => {
            if (ev.key === 'Enter') {
              ev.preventDefault();
              void relabelSnapshot(snap);
            }
          });
          return h(
            'li',
            { 'data-snapshot': snap.id },
            h('span', {}, `${name} – ${formatDateTime(snap.taken)}`),
            ' ',
            h('label', { for: inputId, class: 'visually-hidden' }, t('steuerung.relabelLabel', { label: name })),
            input,
            ' ',
            h(
              'button',
              { type: 'button', class: 'secondary small', 'data-action': 'relabel', 'aria-disabled': manage.busy ? 'true' : undefined, onclick: () => void relabelSnapshot(snap) },
              t('steuerung.relabel'),
            ),
            ' ',
            h(
              'button',
              { type: 'button', class: 'secondary small', 'data-action': 'delete', 'aria-disabled': manage.busy ? 'true' : undefined, onclick: () => void removeSnapshot(snap) },
              manage.busy === snap.id ? t('steuerung.deleting') : t('steuerung.delete', { label: name }),
            ),
          );
        }),
      ),
      manage.error !== undefined && errorBox(t('steuerung.manageError'), manage.error),
    );
    details.addEventListener('toggle', () => {
      manage = { ...manage, open: details.open };
    });
    return details;
  }

  // --- Sections --------------------------------------------------------------------------

  function pending(section: HTMLElement, id: string, title: string, value: Loadable<unknown>, retry: () => void): boolean {
    if (value.status === 'ready') return false;
    replaceChildren(
      section,
      h('h2', { id }, title),
      value.status === 'error' ? errorBox(t('steuerung.error', { section: title }), value.error, retry) : loadingBox(t('steuerung.loading')),
    );
    return true;
  }

  function renderHeatmap(): void {
    const title = t('steuerung.heatmap');
    if (pending(sections.heatmap, 'heatmap-title', title, coverage, loadAll)) return;
    const cov = (coverage as { data: Coverage }).data;
    const byCell = new Map(cov.cells.map((c) => [`${c.municipality}|${c.field}`, c]));
    const munis = [...cov.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'de'));
    const legendItems = (['gap', 'thin', 'low', 'mid', 'high'] as MapClass[]).map((cls) => {
      const sw = h('span', { class: `swatch swatch-${cls}`, 'aria-hidden': 'true' });
      if (cls !== 'gap') sw.style.background = classColours[cls];
      return h('li', {}, sw, classLabel(cls));
    });
    const group = groupName();
    replaceChildren(
      sections.heatmap,
      h('h2', { id: 'heatmap-title' }, title),
      h('p', { class: 'muted' }, t('steuerung.heatmapHint')),
      group && h('p', { class: 'group-note', id: 'heatmap-group' }, t('steuerung.groupNote', { group })),
      h('ul', { class: 'inline-legend' }, ...legendItems),
      scrollBox(
        title,
        h(
          'table',
          { class: 'heatmap', id: 'heatmap-table' },
          h('caption', { class: 'visually-hidden' }, group ? `${title} – ${t('filter.targetGroup')}: ${group}` : title),
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, t('karte.table.municipality')), ...cov.fields.map((f) => h('th', { scope: 'col', class: 'field-head' }, f.name))),
          ),
          h(
            'tbody',
            {},
            ...munis.map((m) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, h('a', { href: mapHref({ region: state.region, group: state.group, sel: m.ags }) }, m.name)),
                ...cov.fields.map((f) => {
                  const cell = byCell.get(`${m.ags}|${f.id}`);
                  if (!cell) return h('td', { class: 'num' }, '–');
                  const cls = cellClass(cell, cov);
                  const td = h(
                    'td',
                    { class: `num heat heat-${cls}`, 'data-class': cls, title: `${m.name} · ${f.name}: ${classLabel(cls)}` },
                    h('a', { href: mapHref({ region: state.region, field: f.id, group: state.group, sel: m.ags }) }, formatInt(cell.offers)),
                    h('span', { class: 'visually-hidden' }, ` ${classLabel(cls)}`),
                  );
                  if (cls !== 'gap') {
                    td.style.background = classColours[cls];
                    td.style.color = inkOn(cls);
                  }
                  return td;
                }),
              ),
            ),
          ),
        ),
      ),
      csvButton('heatmap-csv', title, () => heatmapRows(cov, t('karte.table.municipality')), 'abdeckung'),
    );
  }

  function renderGaps(): void {
    const title = t('steuerung.gaps');
    if (pending(sections.gaps, 'gaps-title', title, gaps, loadAll)) return;
    const g = (gaps as { data: Gaps }).data;
    const muniName = (ags: string) => (coverage.status === 'ready' ? coverage.data.municipalities.find((m) => m.ags === ags)?.name : undefined) ?? ags;
    const rows = [...g.gaps.map((c) => ({ c, kind: 'gap' as const })), ...g.thin.map((c) => ({ c, kind: 'thin' as const }))];
    const headers = [t('steuerung.rank'), t('karte.table.municipality'), t('filter.field'), t('karte.table.class'), t('steuerung.unserved'), t('karte.table.offers')];
    const numeric = [true, false, false, false, true, true];
    const group = groupName();
    replaceChildren(
      sections.gaps,
      h('h2', { id: 'gaps-title' }, title),
      h('p', { class: 'muted' }, t('steuerung.gapsHint')),
      group && h('p', { class: 'group-note' }, t('steuerung.groupNote', { group })),
      rows.length === 0
        ? emptyBox(t('steuerung.noGaps'))
        : scrollBox(
            title,
            h(
              'table',
              { id: 'gaps-table' },
              h('caption', { class: 'visually-hidden' }, group ? `${title} – ${t('filter.targetGroup')}: ${group}` : title),
              h('thead', {}, h('tr', {}, ...headers.map((x, i) => h('th', { scope: 'col', class: numeric[i] ? 'num' : undefined }, x)))),
              h(
                'tbody',
                {},
                ...rows.map(({ c, kind }, i) =>
                  h(
                    'tr',
                    { 'data-class': kind },
                    h('td', { class: 'num' }, formatInt(i + 1)),
                    h('th', { scope: 'row' }, h('a', { href: mapHref({ region: state.region, field: c.field, group: state.group, sel: c.municipality }) }, muniName(c.municipality))),
                    h('td', {}, fieldName(c.field)),
                    h('td', {}, h('span', { class: `tag tag-${kind}` }, classLabel(kind))),
                    h('td', { class: 'num' }, formatInt(c.demand)),
                    h('td', { class: 'num' }, formatInt(c.offers)),
                  ),
                ),
              ),
            ),
          ),
      rows.length > 0 && csvButton('gaps-csv', title, () => gapCsvRows(gapRows(g, muniName, fieldName), headers, classLabel), 'luecken'),
    );
  }

  function renderNetwork(): void {
    const title = t('steuerung.network');
    if (pending(sections.network, 'network-title', title, network, loadAll)) return;
    const n = (network as { data: NetworkAnalysis }).data;
    const item = (label: string, value: string) => h('div', { class: 'figure' }, h('dt', {}, label), h('dd', {}, value));
    replaceChildren(
      sections.network,
      h('h2', { id: 'network-title' }, title),
      h(
        'div',
        { class: 'figures' },
        h(
          'dl',
          {},
          item(t('netzwerk.fig.organisations'), formatInt(n.organisations)),
          item(t('netzwerk.fig.ties'), formatInt(n.ties)),
          item(t('netzwerk.fig.density'), formatPercent(n.density, 1)),
          item(t('netzwerk.fig.communities'), formatInt(n.communities.length)),
          item(t('netzwerk.fig.modularity'), formatScore(n.modularity)),
          item(t('netzwerk.isolated'), formatInt(n.isolated.length)),
          item(t('netzwerk.articulation'), formatInt(n.articulation_points.length)),
        ),
      ),
      h(
        'p',
        {},
        n.isolated.length > 0 && t('steuerung.isolatedNames', { list: n.isolated.map((x) => x.name).join(', ') }),
        ' ',
        h('a', { class: 'no-print', href: withQuery('/netzwerk', { region: state.region }) }, t('steuerung.toNetwork')),
      ),
    );
  }

  function renderStatuses(): void {
    const title = t('steuerung.statuses');
    if (pending(sections.statuses, 'statuses-title', title, statuses, loadAll)) return;
    const counts = (statuses as { data: StatusCounts }).data;
    const rows = fields.length > 0 ? fields.map((f) => f.id) : [...counts.keys()];
    replaceChildren(
      sections.statuses,
      h('h2', { id: 'statuses-title' }, title),
      scrollBox(
        title,
        h(
          'table',
          { id: 'statuses-table' },
          h('caption', { class: 'visually-hidden' }, title),
          h(
            'thead',
            {},
            h('tr', {}, h('th', { scope: 'col' }, t('filter.field')), ...measureStatuses.map((s) => h('th', { scope: 'col', class: 'num' }, statusLabel(s))), h('th', { scope: 'col' }, t('steuerung.share'))),
          ),
          h(
            'tbody',
            {},
            ...rows.map((field) => {
              const row = counts.get(field) ?? {};
              const total = measureStatuses.reduce((n, s) => n + (row[s] ?? 0), 0);
              const bar = h('span', { class: 'status-bar', 'aria-hidden': 'true' });
              for (const s of measureStatuses) {
                const part = h('span', { class: `status-${s}` });
                part.style.width = `${total ? ((row[s] ?? 0) / total) * 100 : 0}%`;
                bar.append(part);
              }
              return h(
                'tr',
                {},
                h('th', { scope: 'row' }, fieldName(field)),
                ...measureStatuses.map((s) => h('td', { class: 'num' }, formatInt(row[s] ?? 0))),
                h('td', {}, bar),
              );
            }),
          ),
        ),
      ),
      h(
        'ul',
        { class: 'inline-legend' },
        ...measureStatuses.map((s) => h('li', {}, h('span', { class: `swatch status-${s}`, 'aria-hidden': 'true' }), statusLabel(s))),
      ),
      csvButton(
        'statuses-csv',
        title,
        () => statusCsvRows(rows.map((id) => ({ id, name: fieldName(id) })), counts, measureStatuses, { field: t('filter.field'), status: statusLabel, total: t('steuerung.total') }),
        'massnahmen',
      ),
    );
  }

  function renderCoordinations(): void {
    const title = t('steuerung.coordinations');
    if (pending(sections.coordinations, 'coordinations-title', title, coordinations, loadLive)) return;
    const list = (coordinations as { data: CoordinationList }).data;
    const names = (xs: { name: string }[]) => xs.map((x) => x.name).join(', ') || '–';
    const headers = [t('steuerung.coord.offers'), t('steuerung.coord.providers'), t('steuerung.coord.municipality'), t('steuerung.coord.due'), t('steuerung.coord.state')];
    const rows = list.items.map((c) => {
      const pairHref = withQuery('/dubletten', { region: state.region, kind: 'parallel_offer' }) + `#${coordinationAnchor(c.a.id, c.b.id)}`;
      return h(
        'tr',
        { class: c.overdue ? 'coordination overdue' : 'coordination', 'data-pair': `${c.a.id}|${c.b.id}` },
        h('th', { scope: 'row' }, c.a.title, h('br', {}), c.b.title, h('br', {}),
          h('a', { class: 'no-print', href: pairHref, 'aria-label': t('steuerung.coord.linkLabel', { a: c.a.title, b: c.b.title }) }, t('steuerung.coord.link'))),
        h('td', {}, names(c.a.providers), h('br', {}), names(c.b.providers)),
        h('td', {}, c.municipalities.length ? names(c.municipalities) : `${names(c.a.municipalities)} / ${names(c.b.municipalities)}`),
        h('td', {}, h('time', { datetime: c.due }, formatDate(c.due))),
        h('td', {}, c.overdue ? h('strong', { class: 'overdue-mark' }, `⚠ ${t('steuerung.coord.overdue')}`) : t('steuerung.coord.running')),
      );
    });
    replaceChildren(
      sections.coordinations,
      h('h2', { id: 'coordinations-title' }, title),
      h('p', { class: 'muted' }, t('steuerung.coordinationsHint')),
      list.items.length === 0
        ? emptyBox(t('steuerung.coordinationsEmpty'))
        : h(
            'div',
            {},
            h('p', {}, t('steuerung.coordinationsSummary', { total: list.total, overdue: list.overdue })),
            scrollBox(title, h('table', { id: 'coordinations-table' }, h('caption', { class: 'visually-hidden' }, title), h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x)))), h('tbody', {}, ...rows))),
            csvButton('coordinations-csv', title, () => coordinationRows(list, headers), 'abstimmungen'),
          ),
    );
  }

  function renderTrend(): void {
    const title = t('steuerung.trend');
    const section = sections.trend;
    const parts: (Node | false | null | undefined)[] = [h('h2', { id: 'trend-title' }, title), h('p', { class: 'muted' }, t('steuerung.trendHint'))];
    if (snapshots.status === 'forbidden') {
      parts.push(h('p', { class: 'note' }, t('steuerung.compareSignIn'), ' ', h('a', { href: '/verwaltung' }, t('account.signIn'))));
    } else if (trend.status === 'error') parts.push(errorBox(t('steuerung.trendError'), trend.error, loadTrend));
    else if (trend.status !== 'ready') parts.push(loadingBox(t('steuerung.trendLoading')));
    else if (trend.data.snapshots.length === 0) parts.push(emptyBox(t('steuerung.trendEmpty')));
    else {
      const tr = trend.data;
      if (tr.omitted > 0) parts.push(h('p', { class: 'note' }, t('steuerung.trendOmitted', { count: tr.omitted, limit: tr.limit })));
      parts.push(trendCharts(tr));
      parts.push(comparePicker(tr));
    }
    // Drawing again must not drop the keyboard focus (a ticked box) to the page start.
    const focused = document.activeElement instanceof HTMLElement && section.contains(document.activeElement) ? document.activeElement.id : '';
    replaceChildren(section, ...parts);
    if (focused) document.getElementById(focused)?.focus();
  }

  /** The boxes that choose the compared states, and the table of their figures. */
  function comparePicker(tr: SnapshotTrend): HTMLElement {
    const list = snapshots.status === 'ready' ? snapshots.data : [];
    const boxes = list.map((snap) => {
      const id = `trend-pick-${snap.id}`;
      const box = h('input', { type: 'checkbox', id, value: snap.id, checked: pick.includes(snap.id) });
      box.addEventListener('change', () => {
        pick = box.checked ? [...pick, snap.id] : pick.filter((x) => x !== snap.id);
        loadPicked();
      });
      return h('li', {}, box, ' ', h('label', { for: id }, `${snap.label || t('steuerung.unnamed')} – ${formatDateTime(snap.taken)}`));
    });
    let body: Node | false;
    if (pick.length < 2) body = h('p', { class: 'note', role: 'status' }, t('steuerung.compareManyTooFew'));
    else if (pick.length > tr.limit) body = h('p', { class: 'note', role: 'status' }, t('steuerung.compareManyTooMany', { limit: tr.limit }));
    else if (picked.status === 'error') body = errorBox(t('steuerung.compareError'), picked.error, loadPicked);
    else if (picked.status !== 'ready') body = loadingBox(t('steuerung.compareManyLoading'));
    else {
      const data = picked.data;
      const caption = t('steuerung.compareManyTable');
      body = h('div', {}, scrollBox(caption, trendTable(data, caption)), csvButton('trend-csv', caption, () => trendRows(data, t('steuerung.figure')), 'verlauf'));
    }
    return h(
      'div',
      { class: 'trend-compare', id: 'trend-compare' },
      h('h3', {}, t('steuerung.compareMany')),
      h('p', { class: 'muted no-print' }, t('steuerung.compareManyHint')),
      h('fieldset', { class: 'trend-pick no-print' }, h('legend', {}, t('steuerung.compareManyPick')), h('ul', { class: 'plain-list' }, ...boxes)),
      body,
    );
  }

  function changeList(items: string[], empty: string): HTMLElement {
    return items.length === 0 ? h('p', { class: 'muted' }, empty) : h('ul', {}, ...items.map((x) => h('li', {}, x)));
  }

  function comparisonView(c: Comparison): HTMLElement {
    const cell = (x: { municipality_name: string; field_name: string; demand: number }) => `${x.municipality_name} · ${x.field_name} (${t('steuerung.people', { count: x.demand })})`;
    const figure = (k: string) => t(figureKeys[k] ?? 'steuerung.figure.other', { name: k });
    const num = (k: string, v: number) => (k === 'density' || k === 'modularity' ? formatDecimal(v, 3) : formatInt(v));
    const classRows = (['covered', 'thin', 'gap'] as const).map((k) => {
      const [a, b] = c.classes[k] ?? [0, 0];
      return h('tr', {}, h('th', { scope: 'row' }, t(`class.${k}` as MessageKey)), h('td', { class: 'num' }, formatInt(a)), h('td', { class: 'num' }, formatInt(b)), h('td', { class: 'num' }, formatDelta(b - a)));
    });
    const figureRows = Object.entries(c.figures)
      .sort(([a], [b]) => figure(a).localeCompare(figure(b), 'de'))
      .map(([k, [a, b]]) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, figure(k)),
          h('td', { class: 'num' }, num(k, a)),
          h('td', { class: 'num' }, num(k, b)),
          h('td', { class: 'num' }, k === 'density' || k === 'modularity' ? formatDelta(b - a, 3) : formatDelta(b - a)),
        ),
      );
    const head = (first: string) =>
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, first), h('th', { scope: 'col', class: 'num' }, c.from.label || formatDate(c.from.taken)), h('th', { scope: 'col', class: 'num' }, c.to.label || formatDate(c.to.taken)), h('th', { scope: 'col', class: 'num' }, t('steuerung.delta'))),
      );
    return h(
      'div',
      { class: 'comparison', id: 'comparison' },
      h('p', { class: 'comparison-period' }, t('steuerung.period', { from: `${c.from.label ?? ''} (${formatDateTime(c.from.taken)})`, to: `${c.to.label ?? ''} (${formatDateTime(c.to.taken)})` })),
      h('div', { class: 'compare-grid' },
        h('div', {}, h('h3', {}, t('steuerung.classes')), scrollBox(t('steuerung.classes'), h('table', {}, head(t('karte.table.class')), h('tbody', {}, ...classRows)))),
        h('div', {}, h('h3', {}, t('steuerung.figures')), scrollBox(t('steuerung.figures'), h('table', {}, head(t('steuerung.figure')), h('tbody', {}, ...figureRows)))),
      ),
      h('div', { class: 'compare-grid' },
        h('div', { 'data-change': 'gaps-closed' }, h('h3', {}, t('steuerung.gapsClosed', { count: c.gaps_closed.length })), changeList(c.gaps_closed.map(cell), t('steuerung.none'))),
        h('div', { 'data-change': 'gaps-opened' }, h('h3', {}, t('steuerung.gapsOpened', { count: c.gaps_opened.length })), changeList(c.gaps_opened.map(cell), t('steuerung.none'))),
        h('div', { 'data-change': 'joined' }, h('h3', {}, t('steuerung.joined', { count: c.joined.length })), changeList(c.joined.map((m) => `${m.organisation_name} → ${m.network_name}`), t('steuerung.none'))),
        h('div', { 'data-change': 'left' }, h('h3', {}, t('steuerung.left', { count: c.left.length })), changeList(c.left.map((m) => `${m.organisation_name} ← ${m.network_name}`), t('steuerung.none'))),
        h('div', { 'data-change': 'duplicates-resolved' }, h('h3', {}, t('steuerung.duplicatesResolved', { count: c.duplicates_resolved.length })), changeList(c.duplicates_resolved.map((d) => d.titles.join(' · ')), t('steuerung.none'))),
        h('div', { 'data-change': 'duplicates-new' }, h('h3', {}, t('steuerung.duplicatesNew', { count: c.duplicates_new.length })), changeList(c.duplicates_new.map((d) => d.titles.join(' · ')), t('steuerung.none'))),
        h(
          'div',
          { 'data-change': 'status' },
          h('h3', {}, t('steuerung.statusChanges', { count: c.measure_status.length })),
          changeList(c.measure_status.map((s) => `${s.field_name} · ${statusLabel(s.status)}: ${formatInt(s.from)} → ${formatInt(s.to)} (${formatDelta(s.delta)})`), t('steuerung.none')),
        ),
      ),
      namedChanges(c),
    );
  }

  /** The measures, goals and indicators that changed by name (states saved since the comparison lists them). */
  function namedChanges(c: Comparison): HTMLElement {
    if (!c.measure_detail) return h('p', { class: 'muted', 'data-change': 'measures-unnamed' }, t('steuerung.measuresUnnamed'));
    const title = (x: { reference?: string; title: string }) => (x.reference ? `${x.reference} ${x.title}` : x.title);
    const changed = (c.measures_changed ?? []).map((m) => {
      const lead = m.lead ? ` ${t('steuerung.measureLead', { lead: m.lead })}` : '';
      return `${title(m)}: ${statusLabel(m.from)} → ${statusLabel(m.to)}${lead}`;
    });
    const classes = [...(c.goals_changed ?? []), ...(c.indicators_changed ?? [])].map(
      (x) => `${x.reference ? `${x.reference} ` : ''}${x.name}: ${attainmentLabel(x.from)} → ${attainmentLabel(x.to)}`,
    );
    return h(
      'div',
      { class: 'compare-grid' },
      h('div', { 'data-change': 'measures-changed' }, h('h3', {}, t('steuerung.measuresChanged', { count: changed.length })), changeList(changed, t('steuerung.none'))),
      h('div', { 'data-change': 'measures-added' }, h('h3', {}, t('steuerung.measuresAdded', { count: c.measures_added?.length ?? 0 })), changeList((c.measures_added ?? []).map(title), t('steuerung.none'))),
      h('div', { 'data-change': 'measures-removed' }, h('h3', {}, t('steuerung.measuresRemoved', { count: c.measures_removed?.length ?? 0 })), changeList((c.measures_removed ?? []).map(title), t('steuerung.none'))),
      h('div', { 'data-change': 'classes-changed' }, h('h3', {}, t('steuerung.classesChanged', { count: classes.length })), changeList(classes, t('steuerung.none'))),
    );
  }

  // The form that saves a state is built once: re-rendering the comparison around it must
  // not throw away what the user is typing.
  const snapTitle = h('h3', {});
  const snapHint = h('p', { class: 'muted' });
  const snapLabel = inputField({ id: 'snapshot-label', label: '', value: t('steuerung.snapshotDefault', { date: formatDate(new Date().toISOString()) }) });
  const snapButton = h('button', { type: 'submit' });
  const snapMessage = h('div', { class: 'snapshot-message' });
  const snapForm = h('form', { class: 'snapshot-save no-print', id: 'snapshot-form' }, snapTitle, snapHint, h('div', { class: 'search-row' }, snapLabel.wrap, snapButton), snapMessage);
  snapForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void save(snapLabel.input.value.trim());
  });
  const compareTitle = h('h2', { id: 'compare-title' });
  const compareHint = h('p', { class: 'muted' });
  const compareBody = h('div', {});
  replaceChildren(sections.compare, compareTitle, compareHint, compareBody, snapForm);

  function renderSaveForm(): void {
    snapForm.hidden = !(state.region && session.can(state.region, 'coordinator'));
    snapTitle.textContent = t('steuerung.save');
    snapHint.textContent = t('steuerung.saveHint');
    (snapLabel.wrap.querySelector('label') as HTMLLabelElement).textContent = t('steuerung.snapshotLabel');
    snapButton.textContent = saveState.status === 'saving' ? t('steuerung.saving') : t('steuerung.saveSubmit');
    if (saveState.status === 'saving') snapButton.setAttribute('aria-disabled', 'true');
    else snapButton.removeAttribute('aria-disabled');
    replaceChildren(
      snapMessage,
      saveState.status === 'saved' && h('p', { role: 'status', class: 'note' }, t('steuerung.saved', { label: saveState.label })),
      saveState.status === 'error' && errorBox(t('steuerung.saveError'), saveState.error),
    );
  }

  function renderCompare(): void {
    compareTitle.textContent = t('steuerung.compare');
    compareHint.textContent = t('steuerung.compareHint');
    renderSaveForm();
    const parts: (Node | false | null | undefined)[] = [];
    if (snapshots.status === 'forbidden') {
      parts.push(h('p', { class: 'note' }, t('steuerung.compareSignIn'), ' ', h('a', { href: '/verwaltung' }, t('account.signIn'))));
    } else if (snapshots.status === 'loading' || snapshots.status === 'idle') parts.push(loadingBox(t('steuerung.snapshotsLoading')));
    else if (snapshots.status === 'error') parts.push(errorBox(t('steuerung.snapshotsError'), snapshots.error, loadSnapshots));
    else {
      const list = snapshots.data;
      const options = list.map((s) => ({ value: s.id, label: `${s.label || t('steuerung.unnamed')} – ${formatDateTime(s.taken)}` }));
      if (list.length >= 2) {
        parts.push(
          h(
            'div',
            { class: 'controls no-print' },
            selectField({
              id: 'compare-from',
              label: t('steuerung.from'),
              options,
              value: state.from,
              onChange: (from) => {
                state = { ...state, from };
                write();
                compare();
              },
            }),
            selectField({
              id: 'compare-to',
              label: t('steuerung.to'),
              options,
              value: state.to,
              onChange: (to) => {
                state = { ...state, to };
                write();
                compare();
              },
            }),
          ),
        );
      } else {
        parts.push(emptyBox(list.length === 0 ? t('steuerung.noSnapshots') : t('steuerung.oneSnapshot')));
      }
      if (comparison.status === 'loading') parts.push(loadingBox(t('steuerung.comparing')));
      else if (comparison.status === 'error') parts.push(errorBox(t('steuerung.compareError'), comparison.error, compare));
      else if (comparison.status === 'ready') parts.push(comparisonView(comparison.data));
      else if (list.length >= 2 && state.from === state.to) parts.push(h('p', { class: 'note' }, t('steuerung.sameSnapshot')));
      parts.push(manageList(list));
    }
    // Drawing again must not drop the keyboard focus to the page start.
    const focused = document.activeElement instanceof HTMLElement && compareBody.contains(document.activeElement) ? document.activeElement.id : '';
    replaceChildren(compareBody, ...parts);
    if (manage.refocus && snapshots.status === 'ready') {
      manage = { ...manage, refocus: false };
      document.getElementById('snapshot-manage-summary')?.focus();
    } else if (focused) document.getElementById(focused)?.focus();
  }

  /** The live sections and the status line: what the analyses' answers change. */
  function renderLive(): void {
    if (setupError) return;
    const busy = [coverage, gaps, network, statuses].some((x) => x.status === 'loading') || [loaders.coverage, loaders.gaps, loaders.network, loaders.statuses].some((l) => l.busy);
    status.textContent = busy ? t('steuerung.loading') : t('steuerung.ready', { region: regionName() });
    renderHeatmap();
    renderGaps();
    renderNetwork();
    renderStatuses();
    renderCoordinations();
  }

  function render(): void {
    heading.textContent = t('nav.steuerung');
    intro.textContent = t('steuerung.intro');
    const group = groupName();
    reportTitle.textContent = t('steuerung.reportTitle', { region: regionName(), date: formatDateTime(new Date().toISOString()) }) + (group ? ` · ${t('filter.targetGroup')}: ${group}` : '');
    const focused = document.activeElement instanceof HTMLElement && target.contains(document.activeElement) ? document.activeElement.id : '';
    replaceChildren(
      controls,
      selectField({
        id: 'steuerung-region',
        label: t('filter.region'),
        options: regions.map((r) => ({ value: r.id, label: r.name })),
        value: state.region,
        onChange: (region) => {
          storeRegion(region);
          state = { region, group: state.group };
          fields = [];
          saveState = { status: 'idle' };
          manage = { open: false };
          write();
          loadAll();
        },
      }),
      selectField({
        id: 'steuerung-group',
        label: t('filter.targetGroup'),
        options: groups.map((g) => ({ value: g.id, label: g.name })),
        value: state.group,
        empty: t('filter.allGroups'),
        onChange: (value) => {
          state = { ...state, group: value || undefined };
          write();
          loadLive();
          render();
        },
      }),
      h('button', { type: 'button', class: 'secondary', id: 'print', onclick: () => window.print() }, t('steuerung.print')),
      state.region && h('a', { class: 'button-link secondary', id: 'steuerung-xlsx', href: api.exportHref('xlsx', { region: state.region }), download: true }, t('steuerung.xlsx')),
    );
    if (setupError) {
      status.textContent = '';
      replaceChildren(sections.heatmap, errorBox(t('steuerung.errorSetup'), setupError, boot));
      return;
    }
    cockpit.render();
    renderLive();
    renderTrend();
    renderCompare();
    if (focused) document.getElementById(focused)?.focus();
  }

  function boot(): void {
    setupError = undefined;
    if (state.region) loadAll();
    render();
    loaders.setup.run(
      () => Promise.all([refdata.regions(), refdata.targetGroups().catch(() => [] as TargetGroup[])]),
      ([r, g]) => {
        regions = r;
        groups = g;
        if (!state.region) {
          state = { region: preferredRegion(regions, storedRegion()) };
          write();
          loadAll();
        }
        render();
      },
      (error) => {
        setupError = error;
        render();
      },
    );
  }

  const stopSession = session.onChange(() => {
    cockpit.render();
    loadSnapshots();
  });
  boot();
  return {
    relabel: () => {
      render();
      cockpit.relabel();
    },
    unmount: () => {
      stopSession();
      cockpit.stop();
      for (const l of Object.values(loaders)) l.stop();
    },
  };
};
