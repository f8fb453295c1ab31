// Netzwerk: organisations as an interactive graph (Sigma.js on WebGL, graphology). Colour by
// Louvain community, size by centrality, filters by field and municipality, the ego network
// of a chosen organisation with depth 1–3, and the lists of brokers, articulation points and
// isolated organisations. The layout (ForceAtlas2) runs in a web worker, so the page stays
// responsive with thousands of organisations; everything the graph shows is also in lists
// that work by keyboard and screen reader.

import Graph from 'graphology';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { h, replaceChildren } from '../dom';
import { formatDecimal, formatInt, formatPercent, formatScore } from '../format';
import { t, type MessageKey } from '../i18n';
import { orgKindLabel } from '../labels';
import { CanvasGraph } from '../network/canvas';
import { initialPositions, iterationsFor, layoutGraph, refine, type LayoutEdge, type LayoutNode } from '../network/layout';
import type { LayoutAnswer, LayoutRequest } from '../network/layout.worker';
import { minStrength, strengthSteps, tiesShown, topBrokers } from '../network/readable';
import { communityColours, dimmed, edgeSize, metricOf, nodeSize, otherCommunity, sizeMetrics, type SizeMetric } from '../network/style';
import { preferredRegion, storedRegion, storeRegion } from '../refdata';
import type { EgoNetwork, Field, Municipality, Named, NetworkAnalysis, Region } from '../types';
import { emptyBox, errorBox, loadingBox, Loader, selectField, statusLine, type Loadable } from '../ui';
import { readQuery, replaceQuery, withQuery } from '../url';
import { detailPath } from './detail';
import { viewHeading, type MountView } from './view';

const keys = ['region', 'field', 'municipality', 'org', 'depth', 'size', 'nets', 'strength'] as const;
type State = Partial<Record<(typeof keys)[number], string>>;

/** Networks (bodies) drawn as nodes. */
const bodyColour = '#3b2f63';

const metricLabels: Record<SizeMetric, MessageKey> = {
  betweenness: 'netzwerk.size.betweenness',
  pagerank: 'netzwerk.size.pagerank',
  degree: 'netzwerk.size.degree',
};

export const netzwerkView: MountView = (target, { api, refdata, navigate }) => {
  let state: State = readQuery(location.search, keys);
  let regions: Region[] = [];
  let fields: Field[] = [];
  let municipalities: Municipality[] = [];
  let analysis: Loadable<NetworkAnalysis> = { status: 'idle' };
  let ego: Loadable<EgoNetwork> = { status: 'idle' };
  let setupError: unknown;
  let webglError: unknown;

  const loader = new Loader();
  const egoLoader = new Loader();
  const setup = new Loader();

  const heading = viewHeading('');
  const intro = h('p', { class: 'lead' });
  const controls = h('div', { class: 'controls' });
  const status = statusLine();
  const figures = h('div', { class: 'figures', id: 'netzwerk-figures' });
  const graphEl = h('div', { class: 'graph', id: 'netzwerk-graph', 'data-state': 'loading', role: 'img' });
  const graphTools = h('div', { class: 'graph-tools' });
  const strengthNote = h('p', { class: 'muted graph-note', id: 'netzwerk-strength-note', 'aria-live': 'polite' });
  const graphOverlay = h('div', { class: 'map-overlay' });
  const legendEl = h('div', { class: 'legend graph-legend', id: 'netzwerk-legend' });
  const egoEl = h('aside', { class: 'map-panel', id: 'netzwerk-ego', 'aria-live': 'polite' });
  const lists = h('div', { class: 'network-lists', id: 'netzwerk-lists' });
  replaceChildren(
    target,
    heading,
    intro,
    controls,
    status,
    figures,
    h('div', { class: 'map-layout' }, h('div', {}, h('div', { class: 'map-frame' }, graphEl, graphOverlay), strengthNote, graphTools, legendEl), egoEl),
    lists,
  );

  // The graph and its renderer; rebuilt when the data changes.
  let graph: Graph | undefined;
  let renderer: Sigma | undefined;
  // Without WebGL: the same graph drawn on a 2D canvas.
  let fallback: CanvasGraph | undefined;
  let worker: Worker | undefined;
  let layoutId = 0;
  let egoSet: Map<string, number> | undefined;
  // The bodies the centre of the ego view belongs to (shown with it when bodies are nodes).
  let egoBodies = new Set<string>();
  let hovered: string | undefined;
  // The organisations named when nothing is hovered or chosen: the strongest brokers.
  let named = new Set<string>();

  function write(): void {
    replaceQuery({ region: state.region, field: state.field, municipality: state.municipality, org: state.org, depth: state.depth, size: state.size, nets: state.nets, strength: state.strength });
  }

  function showNetworks(): boolean {
    return state.nets === '1';
  }

  function metric(): SizeMetric {
    return sizeMetrics.includes(state.size as SizeMetric) ? (state.size as SizeMetric) : 'betweenness';
  }

  /** The weakest tie drawn: how many Gremien (a cooperation counts as one) two must share. */
  function strength(): number {
    return minStrength(state.strength);
  }

  function depth(): number {
    const d = Number(state.depth ?? '1');
    return d >= 1 && d <= 3 ? d : 1;
  }

  function nameOf(id: string): string {
    if (analysis.status === 'ready') {
      const n = analysis.data.nodes.find((x) => x.id === id);
      if (n) return n.name;
    }
    if (ego.status === 'ready') return ego.data.nodes.find((x) => x.id === id)?.name ?? id;
    return id;
  }

  // --- Graph ---------------------------------------------------------------------------

  function stopLayout(): void {
    worker?.terminate();
    worker = undefined;
    layoutId++;
  }

  // Node id → index into the layout's arrays.
  let indexOf = new Map<string, number>();

  function applyPositions(positions: Float64Array): void {
    graph?.updateEachNodeAttributes((key, attrs) => {
      const i = indexOf.get(key)!;
      return { ...attrs, x: positions[2 * i]!, y: positions[2 * i + 1]! };
    });
  }

  function buildGraph(data: NetworkAnalysis): void {
    stopLayout();
    renderer?.kill();
    renderer = undefined;
    fallback?.kill();
    fallback = undefined;
    const colours = communityColours(data.communities);
    const m = metric();
    const max = Math.max(0, ...data.nodes.map((n) => metricOf(n, m)));
    const maxWeight = Math.max(1, ...data.edges.map((e) => e.weight));
    const layoutNodes: LayoutNode[] = data.nodes.map((n) => ({ id: n.id, community: n.community, size: nodeSize(metricOf(n, m), max) }));
    const communityOf = new Map(data.nodes.map((n) => [n.id, n.community]));
    // Networks (bodies) as nodes of their own, next to their members' community.
    const bodies = showNetworks() ? data.networks.filter((n) => n.members.some((id) => communityOf.has(id))) : [];
    for (const body of bodies) {
      const counts = new Map<number, number>();
      for (const id of body.members) {
        const c = communityOf.get(id);
        if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const community = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? -1;
      layoutNodes.push({ id: body.id, community, size: 7 });
    }
    indexOf = new Map(layoutNodes.map((n, i) => [n.id, i]));
    const layoutEdges: LayoutEdge[] = [];
    for (const e of data.edges) {
      const a = indexOf.get(e.a);
      const b = indexOf.get(e.b);
      if (a !== undefined && b !== undefined) layoutEdges.push([a, b, e.weight]);
    }
    for (const body of bodies) {
      const a = indexOf.get(body.id)!;
      for (const id of body.members) {
        const b = indexOf.get(id);
        if (b !== undefined) layoutEdges.push([a, b, 1]);
      }
    }
    const start = initialPositions(layoutNodes);
    const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    data.nodes.forEach((n, i) => {
      g.addNode(n.id, {
        x: start[2 * i]!,
        y: start[2 * i + 1]!,
        size: layoutNodes[i]!.size,
        label: n.name,
        color: colours.get(n.community) ?? otherCommunity,
      });
    });
    for (const body of bodies) {
      const i = indexOf.get(body.id)!;
      g.addNode(body.id, { x: start[2 * i]!, y: start[2 * i + 1]!, size: 7, label: body.name, color: bodyColour, body: true });
    }
    for (const e of data.edges) {
      if (!g.hasNode(e.a) || !g.hasNode(e.b) || g.hasEdge(e.a, e.b)) continue;
      g.addEdge(e.a, e.b, { size: edgeSize(e.weight, maxWeight), color: e.cooperation ? '#5b6b7a' : '#b4bec8', weight: e.weight });
    }
    for (const body of bodies) {
      for (const id of body.members) {
        if (g.hasNode(id) && !g.hasEdge(body.id, id)) g.addEdge(body.id, id, { size: 0.5, color: '#cbbde0', weight: 1, body: true });
      }
    }
    graphEl.setAttribute('data-nodes', String(data.nodes.length));
    graphEl.setAttribute('data-bodies', String(bodies.length));
    graph = g;
    named = topBrokers(data.nodes);
    graphEl.setAttribute('data-named', String(named.size));
    // How each node and edge is drawn now (the ego network, the hovered node), for either
    // renderer. With nothing hovered or chosen only the strongest brokers are named, so a big
    // network does not drown in labels.
    const nodeReducer = (node: string, attrs: Record<string, unknown>): Partial<NodeDisplayData> => {
      const res: Partial<NodeDisplayData> = { ...attrs };
      if (egoSet) {
        const d = egoSet.get(node) ?? (egoBodies.has(node) ? 1 : undefined);
        if (d === undefined) {
          res.color = dimmed;
          res.label = '';
          res.zIndex = 0;
        } else {
          res.zIndex = d === 0 ? 3 : 2;
          if (d === 0) {
            res.highlighted = true;
            res.forceLabel = true;
          }
        }
      } else if (hovered) {
        if (node === hovered || g.areNeighbors(node, hovered)) {
          res.zIndex = 2;
          if (node === hovered) res.forceLabel = true;
        } else {
          res.color = dimmed;
          res.label = '';
        }
      } else if (named.has(node)) {
        res.forceLabel = true;
        res.zIndex = 1;
      } else {
        res.label = '';
      }
      return res;
    };
    const edgeReducer = (edge: string, attrs: Record<string, unknown>): Partial<EdgeDisplayData> => {
      const res: Partial<EdgeDisplayData> = { ...attrs };
      // Ties weaker than the threshold stay out; a body's lines to its members are no ties.
      if (!attrs.body && ((attrs.weight as number) ?? 1) < strength()) {
        res.hidden = true;
        return res;
      }
      const [a, b] = g.extremities(edge);
      if (egoSet) {
        const seen = (n: string) => egoSet!.has(n) || egoBodies.has(n);
        if (!seen(a) || !seen(b)) res.hidden = true;
        else res.color = '#4a5560';
      } else if (hovered && a !== hovered && b !== hovered) {
        res.hidden = true;
      }
      return res;
    };
    try {
      renderer = new Sigma(g, graphEl, {
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 9,
        // Only named nodes (forceLabel) and, around a hovered or chosen one, the large ones.
        labelFont: 'system-ui, sans-serif',
        labelSize: 13,
        labelWeight: '600',
        labelColor: { color: '#1a1f24' },
        defaultEdgeColor: '#b4bec8',
        hideEdgesOnMove: g.order > 500,
        hideLabelsOnMove: g.order > 500,
        zIndex: true,
        minCameraRatio: 0.05,
        maxCameraRatio: 4,
        nodeReducer,
        edgeReducer,
      });
      webglError = undefined;
      renderer.on('clickNode', ({ node }) => (node.startsWith('net_') ? navigate(detailPath('network', node)) : selectOrg(node)));
      renderer.on('enterNode', ({ node }) => {
        hovered = node;
        graphEl.style.cursor = 'pointer';
        renderer?.refresh({ skipIndexation: true });
      });
      renderer.on('leaveNode', () => {
        hovered = undefined;
        graphEl.style.cursor = '';
        renderer?.refresh({ skipIndexation: true });
      });
    } catch (error) {
      webglError = error;
      renderer = undefined;
      graphEl.replaceChildren();
      fallback = new CanvasGraph(graphEl, g, {
        nodeReducer,
        edgeReducer,
        onClick: (node) => (node.startsWith('net_') ? navigate(detailPath('network', node)) : selectOrg(node)),
      });
    }

    // Refine the layout: in a worker when the browser has them, else here in one go.
    const iterations = iterationsFor(layoutNodes.length);
    const id = ++layoutId;
    const startedAt = performance.now();
    graphEl.setAttribute('data-layout', 'running');
    const finish = () => {
      graphEl.setAttribute('data-layout', 'done');
      graphEl.setAttribute('data-layout-ms', String(Math.round(performance.now() - startedAt)));
      performance.mark('nwa:network-layout-done');
    };
    if (typeof Worker === 'undefined' || layoutNodes.length === 0) {
      if (layoutNodes.length > 0) applyPositions(refine(layoutGraph(layoutNodes, layoutEdges, start), iterations));
      finish();
      return;
    }
    worker = new Worker(new URL('../network/layout.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      if (event.data.id !== id) return;
      applyPositions(event.data.positions);
      if (event.data.done) {
        finish();
        worker?.terminate();
        worker = undefined;
      }
    };
    worker.onerror = () => {
      // Keep the start positions: still readable, only less tidy.
      finish();
    };
    // Small networks settle visibly; large ones move once, because every move re-indexes the
    // whole graph in the renderer.
    const step = layoutNodes.length > 1000 ? iterations : 25;
    const request: LayoutRequest = { id, nodes: layoutNodes, edges: layoutEdges, positions: start, iterations, step };
    worker.postMessage(request);
  }

  function refreshGraph(): void {
    renderer?.refresh({ skipIndexation: true });
    fallback?.refresh();
  }

  // --- Data ----------------------------------------------------------------------------

  function loadNetwork(): void {
    const region = state.region;
    if (!region) return;
    analysis = { status: 'loading' };
    graphEl.setAttribute('data-state', 'loading');
    const startedAt = performance.now();
    render();
    loader.run(
      (signal) => api.network(region, { field: state.field, municipality: state.municipality }, signal),
      (data) => {
        analysis = { status: 'ready', data };
        buildGraph(data);
        graphEl.setAttribute('data-state', webglError ? 'nowebgl' : 'ready');
        graphEl.setAttribute('data-ms', String(Math.round(performance.now() - startedAt)));
        performance.mark('nwa:network-ready');
        render();
        if (state.org) loadEgo();
      },
      (error) => {
        analysis = { status: 'error', error };
        graphEl.setAttribute('data-state', 'error');
        render();
      },
    );
  }

  function loadEgo(): void {
    const org = state.org;
    if (!org) {
      egoLoader.abort();
      ego = { status: 'idle' };
      egoSet = undefined;
      refreshGraph();
      renderEgo();
      return;
    }
    ego = { status: 'loading' };
    renderEgo();
    egoLoader.run(
      (signal) => api.ego(org, depth(), signal),
      (data) => {
        ego = { status: 'ready', data };
        egoSet = new Map(data.nodes.map((n) => [n.id, n.distance]));
        egoBodies = new Set(
          analysis.status === 'ready' ? analysis.data.networks.filter((b) => b.members.includes(data.center.id)).map((b) => b.id) : [],
        );
        refreshGraph();
        renderEgo();
      },
      (error) => {
        ego = { status: 'error', error };
        egoSet = undefined;
        refreshGraph();
        renderEgo();
      },
    );
  }

  function selectOrg(id: string | undefined): void {
    state = { ...state, org: id };
    write();
    renderControls();
    loadEgo();
  }

  async function loadRegionLists(region: string): Promise<void> {
    const [f, m] = await Promise.all([
      refdata.fields(region).catch(() => [] as Field[]),
      refdata.municipalities(region).catch(() => [] as Municipality[]),
    ]);
    if (region !== state.region) return;
    fields = f;
    municipalities = m;
    renderControls();
  }

  // --- Rendering -----------------------------------------------------------------------

  function renderControls(): void {
    const orgs = analysis.status === 'ready' ? [...analysis.data.nodes].sort((a, b) => a.name.localeCompare(b.name, 'de')) : [];
    const focused = document.activeElement instanceof HTMLElement && controls.contains(document.activeElement) ? document.activeElement.id : '';
    replaceChildren(
      controls,
      selectField({
        id: 'netzwerk-region',
        label: t('filter.region'),
        options: regions.map((r) => ({ value: r.id, label: r.name })),
        value: state.region,
        onChange: (region) => {
          storeRegion(region);
          state = { region, size: state.size, depth: state.depth };
          fields = [];
          municipalities = [];
          write();
          void loadRegionLists(region);
          loadNetwork();
          loadEgo();
        },
      }),
      selectField({
        id: 'netzwerk-field',
        label: t('filter.field'),
        options: fields.map((f) => ({ value: f.id, label: f.name })),
        value: state.field,
        empty: t('filter.allFields'),
        onChange: (field) => {
          state = { ...state, field: field || undefined };
          write();
          loadNetwork();
        },
      }),
      selectField({
        id: 'netzwerk-municipality',
        label: t('filter.municipality'),
        options: municipalities.map((m) => ({ value: m.id, label: m.name })),
        value: state.municipality,
        empty: t('filter.allMunicipalities'),
        onChange: (municipality) => {
          state = { ...state, municipality: municipality || undefined };
          write();
          loadNetwork();
        },
      }),
      selectField({
        id: 'netzwerk-size',
        label: t('netzwerk.sizeBy'),
        options: sizeMetrics.map((m) => ({ value: m, label: t(metricLabels[m]) })),
        value: metric(),
        onChange: (size) => {
          state = { ...state, size: size === 'betweenness' ? undefined : size };
          write();
          if (analysis.status === 'ready') {
            const data = analysis.data;
            const m = metric();
            const max = Math.max(0, ...data.nodes.map((n) => metricOf(n, m)));
            for (const n of data.nodes) graph?.setNodeAttribute(n.id, 'size', nodeSize(metricOf(n, m), max));
          }
        },
      }),
      selectField({
        id: 'netzwerk-strength',
        label: t('netzwerk.strength'),
        options: (analysis.status === 'ready' ? strengthSteps(analysis.data.edges) : [1]).map((n) => ({
          value: String(n),
          label: n === 1 ? t('netzwerk.strengthAll') : t('netzwerk.strengthValue', { count: n }),
        })),
        value: String(strength()),
        onChange: (v) => {
          state = { ...state, strength: v === '1' ? undefined : v };
          write();
          showStrength();
          refreshGraph();
        },
      }),
      selectField({
        id: 'netzwerk-org',
        label: t('netzwerk.ego'),
        options: orgs.map((o) => ({ value: o.id, label: o.name })),
        value: state.org,
        empty: t('netzwerk.egoNone'),
        onChange: (org) => selectOrg(org || undefined),
      }),
      selectField({
        id: 'netzwerk-depth',
        label: t('netzwerk.depth'),
        options: [1, 2, 3].map((d) => ({ value: String(d), label: t('netzwerk.depthValue', { depth: d }) })),
        value: String(depth()),
        onChange: (d) => {
          state = { ...state, depth: d === '1' ? undefined : d };
          write();
          if (state.org) loadEgo();
        },
      }),
    );
    const nets = h('input', { type: 'checkbox', id: 'netzwerk-nets', checked: showNetworks() });
    nets.addEventListener('change', () => {
      state = { ...state, nets: nets.checked ? '1' : undefined };
      write();
      if (analysis.status === 'ready') {
        buildGraph(analysis.data);
        refreshGraph();
        renderLegend(analysis.data);
      }
    });
    controls.append(h('div', { class: 'check' }, nets, h('label', { for: 'netzwerk-nets' }, t('netzwerk.showBodies'))));
    controls.setAttribute('aria-label', t('netzwerk.controls'));
    if (focused) document.getElementById(focused)?.focus();
  }

  /** Says how many ties the threshold leaves in the picture. */
  function showStrength(): void {
    if (analysis.status !== 'ready') return;
    const data = analysis.data;
    const shown = tiesShown(data.edges, strength());
    graphEl.setAttribute('data-min-strength', String(strength()));
    graphEl.setAttribute('data-ties-shown', String(shown));
    strengthNote.textContent = strength() > 1 ? t('netzwerk.strengthShown', { shown: formatInt(shown), ties: formatInt(data.ties) }) : '';
  }

  function renderFigures(data: NetworkAnalysis): void {
    // Each figure with one plain sentence saying what it means, right under its value.
    const item = (id: string, label: string, value: string, explain: string) =>
      h('div', { class: 'figure', 'data-figure': id }, h('dt', {}, label), h('dd', {}, value), h('dd', { class: 'figure-note' }, explain));
    replaceChildren(
      figures,
      h(
        'dl',
        {},
        item('organisations', t('netzwerk.fig.organisations'), formatInt(data.organisations), t('netzwerk.explain.organisations')),
        item('ties', t('netzwerk.fig.ties'), formatInt(data.ties), t('netzwerk.explain.ties')),
        item('density', t('netzwerk.fig.density'), formatPercent(data.density, 1), t('netzwerk.explain.density')),
        item('components', t('netzwerk.fig.components'), formatInt(data.components), t('netzwerk.explain.components')),
        item('communities', t('netzwerk.fig.communities'), formatInt(data.communities.length), t('netzwerk.explain.communities')),
        item('modularity', t('netzwerk.fig.modularity'), formatScore(data.modularity), t('netzwerk.explain.modularity')),
      ),
    );
  }

  function renderLegend(data: NetworkAnalysis): void {
    const colours = communityColours(data.communities);
    const shown = [...data.communities].filter((c) => colours.has(c.id)).sort((a, b) => b.size - a.size);
    const rest = data.communities.length - shown.length;
    const swatch = (colour: string) => {
      const s = h('span', { class: 'swatch dot', 'aria-hidden': 'true' });
      s.style.background = colour;
      return s;
    };
    replaceChildren(
      legendEl,
      h('h2', { class: 'legend-title' }, t('netzwerk.legend.title')),
      h('p', { class: 'legend-unit' }, t('netzwerk.legend.unit', { metric: t(metricLabels[metric()]) })),
      h('p', { class: 'legend-unit' }, t('netzwerk.labelsHint')),
      h(
        'ul',
        {},
        ...shown.map((c) =>
          h(
            'li',
            {},
            swatch(colours.get(c.id)!),
            h('span', { class: 'legend-label' }, t('netzwerk.legend.community', { name: c.central.name })),
            h('span', { class: 'legend-count' }, t('netzwerk.legend.size', { count: c.size })),
          ),
        ),
        rest > 0 &&
          h('li', {}, swatch(otherCommunity), h('span', { class: 'legend-label' }, t('netzwerk.legend.others', { count: rest }))),
        showNetworks() && h('li', {}, swatch(bodyColour), h('span', { class: 'legend-label' }, t('netzwerk.legend.bodies'))),
      ),
    );
  }

  function orgButton(n: Named, extra?: string): HTMLElement {
    return h(
      'li',
      {},
      h('button', { type: 'button', class: 'link-button', 'data-org': n.id, onclick: () => selectOrg(n.id) }, n.name),
      extra && h('span', { class: 'muted' }, ` · ${extra}`),
    );
  }

  function renderLists(data: NetworkAnalysis): void {
    const section = (id: string, title: string, hint: string, items: HTMLElement[], empty: string) =>
      h(
        'section',
        { class: 'network-list', 'aria-labelledby': `netzwerk-${id}`, 'data-list': id },
        h('h2', { id: `netzwerk-${id}` }, title),
        h('p', { class: 'muted' }, hint),
        id === 'brokers' && h('p', { class: 'muted' }, t('netzwerk.explain.betweenness')),
        items.length === 0 ? h('p', {}, empty) : h('ol', {}, ...items),
      );
    replaceChildren(
      lists,
      section(
        'brokers',
        t('netzwerk.brokers'),
        t('netzwerk.brokersHint'),
        data.brokers.map((b) => orgButton(b, t('netzwerk.brokerValue', { value: formatDecimal(b.betweenness, 0), degree: b.degree }))),
        t('netzwerk.noneFound'),
      ),
      section('articulation', t('netzwerk.articulation'), t('netzwerk.articulationHint'), data.articulation_points.map((n) => orgButton(n)), t('netzwerk.noneFound')),
      section('isolated', t('netzwerk.isolated'), t('netzwerk.isolatedHint'), data.isolated.map((n) => orgButton(n)), t('netzwerk.noneFound')),
    );
  }

  function renderEgo(): void {
    egoEl.removeAttribute('data-center');
    if (!state.org) {
      replaceChildren(egoEl, h('h2', {}, t('netzwerk.egoTitle')), h('p', {}, t('netzwerk.egoHint')));
      return;
    }
    const title = h('h2', {}, nameOf(state.org));
    const close = h('button', { type: 'button', class: 'close', 'aria-label': t('netzwerk.egoClose'), onclick: () => selectOrg(undefined) }, '×');
    const head = h('div', { class: 'panel-head' }, title, close);
    switch (ego.status) {
      case 'idle':
      case 'loading':
        replaceChildren(egoEl, head, loadingBox(t('netzwerk.egoLoading')));
        return;
      case 'error':
        replaceChildren(egoEl, head, errorBox(t('netzwerk.egoError'), ego.error, loadEgo));
        return;
      case 'ready': {
        const data = ego.data;
        title.textContent = data.center.name;
        egoEl.setAttribute('data-center', data.center.id);
        const byDistance = new Map<number, typeof data.nodes>();
        for (const n of data.nodes) {
          if (n.distance === 0) continue;
          const list = byDistance.get(n.distance) ?? [];
          list.push(n);
          byDistance.set(n.distance, list);
        }
        const region = state.region;
        replaceChildren(
          egoEl,
          head,
          h('p', {}, t('netzwerk.egoSummary', { count: data.nodes.length - 1, depth: data.depth })),
          h(
            'p',
            { class: 'actions' },
            h('a', { href: detailPath('organisation', data.center.id) }, t('netzwerk.egoDetails')),
            h('a', { href: withQuery('/partner', { region, org: data.center.id }) }, t('detail.findPartners')),
          ),
          data.nodes.length <= 1 && emptyBox(t('netzwerk.egoEmpty')),
          ...[...byDistance.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([d, nodes]) =>
              h(
                'section',
                { class: 'panel-section', 'data-distance': d },
                h('h3', {}, t('netzwerk.egoDistance', { distance: d, count: nodes.length })),
                h(
                  'ul',
                  { class: 'plain-list ego-list' },
                  ...[...nodes]
                    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
                    .map((n) =>
                      h(
                        'li',
                        {},
                        h('button', { type: 'button', class: 'link-button', 'data-org': n.id, onclick: () => selectOrg(n.id) }, n.name),
                        n.kind && h('span', { class: 'muted' }, ` · ${orgKindLabel(n.kind)}`),
                      ),
                    ),
                ),
              ),
            ),
        );
      }
    }
  }

  function render(): void {
    heading.textContent = t('nav.netzwerk');
    intro.textContent = t('netzwerk.intro');
    renderControls();
    // The canvas drawing without WebGL shows the whole network and has no camera to move.
    replaceChildren(
      graphTools,
      !fallback && h('button', { type: 'button', class: 'secondary', onclick: () => void renderer?.getCamera().animatedZoom({ duration: 200 }) }, t('netzwerk.zoomIn')),
      !fallback && h('button', { type: 'button', class: 'secondary', onclick: () => void renderer?.getCamera().animatedUnzoom({ duration: 200 }) }, t('netzwerk.zoomOut')),
      !fallback && h('button', { type: 'button', class: 'secondary', onclick: () => void renderer?.getCamera().animatedReset({ duration: 200 }) }, t('netzwerk.resetView')),
    );
    if (setupError) {
      status.textContent = '';
      replaceChildren(
        graphOverlay,
        errorBox(t('netzwerk.errorSetup'), setupError, () => {
          setupError = undefined;
          boot();
        }),
      );
      return;
    }
    graphEl.parentElement?.setAttribute('aria-busy', String(analysis.status === 'loading'));
    switch (analysis.status) {
      case 'idle':
      case 'loading':
        status.textContent = t('netzwerk.loading');
        replaceChildren(graphOverlay, loadingBox(t('netzwerk.loading')));
        break;
      case 'error':
        status.textContent = '';
        replaceChildren(graphOverlay, errorBox(t('netzwerk.error'), analysis.error, loadNetwork));
        replaceChildren(figures);
        replaceChildren(lists);
        replaceChildren(legendEl);
        break;
      case 'ready': {
        const data = analysis.data;
        status.textContent = data.nodes.length === 0 ? t('netzwerk.empty') : t('netzwerk.summary', { count: data.organisations, ties: data.ties });
        graphEl.setAttribute('aria-label', t('netzwerk.graphLabel', { count: data.organisations, ties: data.ties }));
        replaceChildren(
          graphOverlay,
          data.nodes.length === 0 && emptyBox(t('netzwerk.empty')),
          webglError !== undefined && h('p', { class: 'note' }, t('netzwerk.noWebgl')),
        );
        renderFigures(data);
        renderLegend(data);
        renderLists(data);
        showStrength();
      }
    }
    renderEgo();
  }

  function boot(): void {
    render();
    if (state.region) {
      void loadRegionLists(state.region);
      loadNetwork();
    }
    setup.run(
      () => refdata.regions(),
      (r) => {
        regions = r;
        if (!state.region) {
          state.region = preferredRegion(regions, storedRegion());
          write();
          if (state.region) {
            void loadRegionLists(state.region);
            loadNetwork();
          }
        }
        renderControls();
      },
      (error) => {
        setupError = error;
        render();
      },
    );
  }

  boot();
  return {
    relabel: render,
    unmount: () => {
      loader.stop();
      egoLoader.stop();
      setup.stop();
      stopLayout();
      renderer?.kill();
      fallback?.kill();
    },
  };
};
