// Netzwerk: organisations as an interactive graph (Sigma.js on WebGL, graphology; a 2D canvas
// without WebGL). By default every Gremium is a node of its own (a square) with lines to its
// members, and only cooperations join organisations directly; the other view draws the ties
// over shared Gremien the figures are computed on. Colour by Louvain community, size by
// centrality, filters by field and municipality, the ego network of a chosen organisation with
// depth 1–3, the members of a chosen Gremium, and the lists of brokers, articulation points and
// isolated organisations. The layout (ForceAtlas2) runs in a web worker, so the page stays
// responsive with thousands of organisations; every node is also in a listbox beside the
// drawing, so the graph works by keyboard and screen reader.

import Graph from 'graphology';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { h, replaceChildren } from '../dom';
import { formatDecimal, formatInt, formatPercent, formatScore } from '../format';
import { t, type MessageKey } from '../i18n';
import { handbuchSections, type HandbuchSection } from '../handbuch';
import { networkKindLabel, orgKindLabel } from '../labels';
import { CanvasGraph } from '../network/canvas';
import { drawing, egoHubs, graphView, hubsOf, largestHubs, squareType, type GraphView, type Hub } from '../network/hubs';
import { NodeList, nodeOrder } from '../network/nodelist';
import { NodeSquareProgram } from '../network/square';
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

// view: "shared" draws the ties over shared Gremien instead of the Gremien as nodes; net: the
// chosen Gremium (org: the chosen organisation).
const keys = ['region', 'field', 'municipality', 'org', 'net', 'depth', 'size', 'view', 'strength'] as const;
type State = Partial<Record<(typeof keys)[number], string>>;

/** Gremien drawn as nodes (squares); 12.6:1 on white. */
const bodyColour = '#3b2f63';
/** Lines from a Gremium to its members; lighter than ties, so cooperations stand out. */
const memberLine = '#cbbde0';
const cooperationLine = '#5b6b7a';
const sharedLine = '#b4bec8';
/** A Gremium's square, half its side in pixels. */
const hubSize = 7;

const metricLabels: Record<SizeMetric, MessageKey> = {
  betweenness: 'netzwerk.size.betweenness',
  pagerank: 'netzwerk.size.pagerank',
  degree: 'netzwerk.size.degree',
};

export const netzwerkView: MountView = (target, { api, refdata }) => {
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
  // Every node of the drawing for the keyboard: moving through it shows the node as if
  // hovered, Enter selects it as a click would and opens the panel beside the graph.
  const nodeList = new NodeList({
    id: 'netzwerk-nodes',
    onActive: (id) => {
      hovered = id;
      refreshGraph();
    },
    // As on the map: the panel's heading takes the focus, Escape brings it back here.
    onSelect: (id) => {
      select(id);
      egoEl.querySelector<HTMLElement>('h2[tabindex]')?.focus();
    },
    onEscape: () => closeSelection(),
  });
  const nodeListTitle = h('h2', { id: 'netzwerk-nodes-title', class: 'node-list-title' });
  const nodeListHint = h('p', { class: 'muted', id: 'netzwerk-nodes-hint' });
  nodeList.listbox.setAttribute('aria-labelledby', 'netzwerk-nodes-title');
  nodeList.listbox.setAttribute('aria-describedby', 'netzwerk-nodes-hint');
  const nodeListEl = h('section', { class: 'node-list-section', 'aria-labelledby': 'netzwerk-nodes-title' }, nodeListTitle, nodeListHint, nodeList.listbox);
  // Escape in the panel closes it and takes the keyboard back to the node in the list.
  egoEl.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && (state.org || state.net)) {
      e.preventDefault();
      closeSelection();
    }
  });
  replaceChildren(
    target,
    heading,
    intro,
    controls,
    status,
    figures,
    h('div', { class: 'map-layout' }, h('div', {}, h('div', { class: 'map-frame' }, graphEl, graphOverlay), strengthNote, graphTools, legendEl, nodeListEl), egoEl),
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
  // The Gremien that link the steps of the ego view (shown with it in the hub view).
  let egoBodies = new Set<string>();
  // The Gremien with members in the picture, by id (drawn as nodes in the hub view).
  let gremien = new Map<string, Hub>();
  // A chosen Gremium names all its members.
  let egoLabelAll = false;
  let hovered: string | undefined;
  // The organisations named when nothing is hovered or chosen: the strongest brokers.
  let named = new Set<string>();
  // The Gremien named when nothing is hovered or chosen: the largest.
  let namedHubs = new Set<string>();

  function write(): void {
    replaceQuery({ region: state.region, field: state.field, municipality: state.municipality, org: state.org, net: state.net, depth: state.depth, size: state.size, view: state.view, strength: state.strength });
  }

  function view(): GraphView {
    return graphView(state.view);
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
    return gremien.get(id)?.name ?? id;
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
    const layoutNodes: LayoutNode[] = data.nodes.map((n) => ({ id: n.id, community: n.community, size: nodeSize(metricOf(n, m), max) }));
    // What is drawn: Gremien as nodes with lines to their members (the default), or the ties
    // over shared Gremien.
    const drawn = drawing(data, view());
    gremien = new Map(hubsOf(data).map((b) => [b.id, b]));
    for (const hub of drawn.hubs) layoutNodes.push({ id: hub.id, community: hub.community, size: hubSize });
    indexOf = new Map(layoutNodes.map((n, i) => [n.id, i]));
    const layoutEdges: LayoutEdge[] = [];
    for (const line of drawn.lines) {
      const a = indexOf.get(line.a);
      const b = indexOf.get(line.b);
      if (a !== undefined && b !== undefined) layoutEdges.push([a, b, line.weight]);
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
    for (const hub of drawn.hubs) {
      const i = indexOf.get(hub.id)!;
      g.addNode(hub.id, { x: start[2 * i]!, y: start[2 * i + 1]!, size: hubSize, label: hub.name, color: bodyColour, body: true, type: squareType });
    }
    const maxWeight = Math.max(1, ...drawn.lines.map((l) => l.weight));
    for (const line of drawn.lines) {
      if (!g.hasNode(line.a) || !g.hasNode(line.b) || g.hasEdge(line.a, line.b)) continue;
      const colour = line.kind === 'member' ? memberLine : line.kind === 'cooperation' ? cooperationLine : sharedLine;
      const size = line.kind === 'member' ? 0.6 : line.kind === 'cooperation' ? 1.2 : edgeSize(line.weight, maxWeight);
      g.addEdge(line.a, line.b, { size, color: colour, weight: line.weight, body: line.kind === 'member', kind: line.kind });
    }
    // Cooperations in the shared view are drawn darker, as before.
    if (view() === 'shared') {
      for (const e of data.edges) if (e.cooperation && g.hasEdge(e.a, e.b)) g.setEdgeAttribute(e.a, e.b, 'color', cooperationLine);
    }
    graphEl.setAttribute('data-view', view());
    graphEl.setAttribute('data-nodes', String(data.nodes.length));
    graphEl.setAttribute('data-bodies', String(drawn.hubs.length));
    graphEl.setAttribute('data-lines', String(g.size));
    graphEl.setAttribute('data-member-lines', String(drawn.lines.filter((l) => l.kind === 'member').length));
    graphEl.setAttribute('data-cooperation-lines', String(drawn.lines.filter((l) => l.kind === 'cooperation').length));
    nodeList.setItems(nodeOrder(drawn.hubs, data.nodes), (kind, count) => t(kind === 'gremium' ? 'netzwerk.nodes.gremium' : 'netzwerk.nodes.organisation', { count }));
    nodeList.setSelected(state.net ?? state.org);
    graph = g;
    named = topBrokers(data.nodes);
    namedHubs = largestHubs(drawn.hubs);
    graphEl.setAttribute('data-named', String(named.size));
    graphEl.setAttribute('data-named-gremien', String(namedHubs.size));
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
      } else if (named.has(node) || namedHubs.has(node)) {
        // The strongest brokers and the largest Gremien carry their names.
        res.forceLabel = true;
        res.zIndex = 1;
      } else {
        res.label = '';
      }
      // A chosen Gremium names its members; a chosen organisation its Gremien.
      if (egoSet && ((egoLabelAll && egoSet.has(node)) || egoBodies.has(node))) res.forceLabel = true;
      // The node under the keyboard in the list of nodes stands out even inside a selection.
      if (hovered === node) {
        res.color = attrs.color as string;
        res.label = attrs.label as string;
        res.forceLabel = true;
        res.highlighted = true;
        res.zIndex = 4;
      }
      return res;
    };
    const edgeReducer = (edge: string, attrs: Record<string, unknown>): Partial<EdgeDisplayData> => {
      const res: Partial<EdgeDisplayData> = { ...attrs };
      // Ties weaker than the threshold stay out; a body's lines to its members are no ties.
      if (view() === 'shared' && ((attrs.weight as number) ?? 1) < strength()) {
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
        nodeProgramClasses: { [squareType]: NodeSquareProgram },
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
      renderer.on('clickNode', ({ node }) => select(node));
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
        onClick: (node) => select(node),
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
    egoLabelAll = false;
    if (state.net) {
      // A Gremium: itself and its members, straight from the analysis.
      egoLoader.abort();
      ego = { status: 'idle' };
      const hub = gremien.get(state.net);
      egoSet = hub ? new Map([[hub.id, 0], ...hub.members.map((id): [string, number] => [id, 1])]) : undefined;
      egoBodies = new Set();
      egoLabelAll = true;
      refreshGraph();
      renderEgo();
      return;
    }
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
        egoBodies = view() === 'hubs' ? egoHubs([...gremien.values()], egoSet) : new Set();
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
    state = { ...state, org: id, net: undefined };
    write();
    renderControls();
    nodeList.setSelected(id);
    loadEgo();
  }

  /** Selects a node of either kind, as a click on it does. */
  function select(id: string | undefined): void {
    if (id !== undefined && (gremien.has(id) || id.startsWith('net_'))) {
      state = { ...state, net: id, org: undefined };
      write();
      renderControls();
      nodeList.setSelected(id);
      loadEgo();
      return;
    }
    selectOrg(id);
  }

  /** Closes the panel of the chosen node and gives the keyboard back to it in the list. */
  function closeSelection(): void {
    const was = state.net ?? state.org;
    if (!was) return;
    select(undefined);
    nodeList.focusNode(was);
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
      view() === 'shared' &&
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
    // The drawing: Gremien as nodes (default) or the ties over shared Gremien; in the address.
    const views = (['hubs', 'shared'] as const).map((v) => {
      const input = h('input', { type: 'radio', name: 'netzwerk-view', id: `netzwerk-view-${v}`, value: v, checked: view() === v });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        state = { ...state, view: v === 'hubs' ? undefined : v };
        write();
        if (analysis.status === 'ready') {
          buildGraph(analysis.data);
          graphEl.setAttribute('data-state', webglError ? 'nowebgl' : 'ready');
          render();
          loadEgo();
        }
      });
      return h('div', { class: 'check' }, input, h('label', { for: `netzwerk-view-${v}` }, t(v === 'hubs' ? 'netzwerk.view.hubs' : 'netzwerk.view.shared')));
    });
    controls.append(h('fieldset', { class: 'view-switch', id: 'netzwerk-view' }, h('legend', {}, t('netzwerk.view')), ...views));
    controls.setAttribute('aria-label', t('netzwerk.controls'));
    if (focused) document.getElementById(focused)?.focus();
  }

  /** Says how many ties the threshold leaves in the picture. */
  function showStrength(): void {
    if (analysis.status !== 'ready') return;
    const data = analysis.data;
    // The threshold weighs ties between organisations: it applies to the shared view only.
    const min = view() === 'shared' ? strength() : 1;
    const shown = tiesShown(data.edges, min);
    graphEl.setAttribute('data-min-strength', String(min));
    graphEl.setAttribute('data-ties-shown', String(shown));
    strengthNote.textContent = min > 1 ? t('netzwerk.strengthShown', { shown: formatInt(shown), ties: formatInt(data.ties) }) : '';
  }

  function renderFigures(data: NetworkAnalysis): void {
    // Each figure with one plain sentence saying what it means, right under its value.
    // and a link to its section of the handbook.
    const item = (id: HandbuchSection, label: string, value: string, explain: string) =>
      h(
        'div',
        { class: 'figure', 'data-figure': id },
        h('dt', {}, label),
        h('dd', {}, value),
        h('dd', { class: 'figure-note' }, explain, ' ', handbookLink(id, label)),
      );
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
      h('p', { class: 'muted figures-basis', id: 'netzwerk-figures-basis' }, t('netzwerk.figuresBasis')),
    );
  }

  /** "Mehr im Handbuch", leading to the section of a figure; its name is said to screen readers. */
  function handbookLink(section: HandbuchSection, topic: string): HTMLElement {
    return h(
      'a',
      { class: 'handbook-link', href: handbuchSections[section], 'data-handbook': section },
      t('netzwerk.moreInHandbook'),
      h('span', { class: 'visually-hidden' }, `: ${topic}`),
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
    const square = (colour: string) => {
      const s = h('span', { class: 'swatch square', 'aria-hidden': 'true' });
      s.style.background = colour;
      return s;
    };
    const line = (colour: string) => {
      const s = h('span', { class: 'swatch line', 'aria-hidden': 'true' });
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
        view() === 'hubs' && h('li', { 'data-legend': 'gremium' }, square(bodyColour), h('span', { class: 'legend-label' }, t('netzwerk.legend.bodies'))),
        view() === 'hubs' && h('li', { 'data-legend': 'cooperation' }, line(cooperationLine), h('span', { class: 'legend-label' }, t('netzwerk.legend.cooperation'))),
        view() === 'shared' && h('li', { 'data-legend': 'shared' }, line(sharedLine), h('span', { class: 'legend-label' }, t('netzwerk.legend.shared'))),
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
        id === 'brokers' && h('p', { class: 'muted' }, t('netzwerk.explain.betweenness'), ' ', handbookLink('betweenness', title)),
        id === 'articulation' && h('p', {}, handbookLink('articulation', title)),
        id === 'isolated' && h('p', {}, handbookLink('isolated', title)),
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

  /** The panel beside the graph: the chosen Gremium or organisation, or a hint. Focus inside
   * it survives a redraw (on the new heading). */
  function renderEgo(): void {
    const active = document.activeElement;
    const hadFocus = active instanceof HTMLElement && active !== egoEl && egoEl.contains(active);
    egoEl.removeAttribute('data-center');
    egoEl.removeAttribute('data-kind');
    if (state.net) renderHubPanel(state.net);
    else renderOrgPanel();
    if (hadFocus && !egoEl.contains(document.activeElement)) egoEl.querySelector<HTMLElement>('h2')?.focus();
  }

  function renderHubPanel(id: string): void {
    const hub = gremien.get(id);
    const network = analysis.status === 'ready' ? analysis.data.networks.find((n) => n.id === id) : undefined;
    const title = h('h2', { tabindex: -1, id: 'netzwerk-panel-title' }, hub?.name ?? network?.name ?? id);
    const close = h('button', { type: 'button', class: 'close', 'aria-label': t('netzwerk.hub.close'), onclick: () => closeSelection() }, '×');
    const head = h('div', { class: 'panel-head' }, title, close);
    if (analysis.status !== 'ready') {
      replaceChildren(egoEl, head, loadingBox(t('netzwerk.loading')));
      return;
    }
    egoEl.setAttribute('data-center', id);
    egoEl.setAttribute('data-kind', 'gremium');
    const byId = new Map(analysis.data.nodes.map((n) => [n.id, n]));
    const members = (hub?.members ?? []).flatMap((m) => byId.get(m) ?? []);
    members.sort((a, b) => a.name.localeCompare(b.name, 'de'));
    replaceChildren(
      egoEl,
      head,
      h('p', {}, t('netzwerk.hub.summary', { kind: networkKindLabel(network?.kind ?? hub?.kind) || t('netzwerk.nodes.gremium', { count: 1 }), count: members.length })),
      h('p', { class: 'actions' }, h('a', { href: detailPath('network', id) }, t('netzwerk.hub.details'))),
      members.length === 0 && emptyBox(t('netzwerk.egoEmpty')),
      members.length > 0 &&
        h(
          'section',
          { class: 'panel-section', 'data-members': members.length },
          h('h3', {}, t('netzwerk.hub.members')),
          h(
            'ul',
            { class: 'plain-list ego-list' },
            ...members.map((n) =>
              h(
                'li',
                {},
                h('button', { type: 'button', class: 'link-button', 'data-org': n.id, onclick: () => selectOrg(n.id) }, n.name),
                n.kind && h('span', { class: 'muted' }, ` · ${orgKindLabel(n.kind)}`),
              ),
            ),
          ),
        ),
    );
  }

  function renderOrgPanel(): void {
    if (!state.org) {
      replaceChildren(egoEl, h('h2', {}, t('netzwerk.egoTitle')), h('p', {}, t('netzwerk.egoHint')));
      return;
    }
    const title = h('h2', { tabindex: -1, id: 'netzwerk-panel-title' }, nameOf(state.org));
    const close = h('button', { type: 'button', class: 'close', 'aria-label': t('netzwerk.egoClose'), onclick: () => closeSelection() }, '×');
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
        egoEl.setAttribute('data-kind', 'organisation');
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
    nodeListTitle.textContent = t('netzwerk.nodes.title');
    nodeListHint.textContent = t('netzwerk.nodes.hint');
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
        graphEl.setAttribute(
          'aria-label',
          view() === 'hubs' ? t('netzwerk.graphLabelHubs', { count: data.organisations, hubs: gremien.size }) : t('netzwerk.graphLabel', { count: data.organisations, ties: data.ties }),
        );
        nodeListEl.hidden = data.nodes.length === 0;
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
