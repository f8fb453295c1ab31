// Placing the collaboration network: a deterministic start (each community on its own spot of
// a spiral, its members scattered around it by a hash of their id) refined by ForceAtlas2.
// The same data gives the same picture on every load, and the start is already readable
// while the layout still runs (in a web worker, see layout.worker.ts).

import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutNode {
  id: string;
  community: number;
  size: number;
}

/** An edge as indices into the node list and its weight. */
export type LayoutEdge = [number, number, number];

/** A stable pseudo-random number in [0, 1) from a string (FNV-1a). */
export function hash01(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

/**
 * Start positions: communities, largest first, on a golden-angle spiral (the largest in the
 * middle), members around their community's spot in a disc whose area grows with its size.
 * Returns x, y pairs in node order.
 */
export function initialPositions(nodes: readonly LayoutNode[]): Float64Array {
  const sizes = new Map<number, number>();
  for (const n of nodes) sizes.set(n.community, (sizes.get(n.community) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const centre = new Map<number, [number, number, number]>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  let area = 0;
  order.forEach((c, i) => {
    const size = sizes.get(c)!;
    const radius = Math.sqrt(area + size) * 12;
    const angle = i * golden;
    centre.set(c, [Math.cos(angle) * radius, Math.sin(angle) * radius, Math.sqrt(size) * 6]);
    area += size;
  });
  const out = new Float64Array(nodes.length * 2);
  nodes.forEach((n, i) => {
    const [cx, cy, r] = centre.get(n.community)!;
    const a = hash01(n.id) * 2 * Math.PI;
    const d = Math.sqrt(hash01(`${n.id}#`)) * r;
    out[2 * i] = cx + Math.cos(a) * d;
    out[2 * i + 1] = cy + Math.sin(a) * d;
  });
  return out;
}

/** A graphology graph of the layout input with positions. */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], positions: Float64Array): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  nodes.forEach((n, i) => graph.addNode(String(i), { x: positions[2 * i]!, y: positions[2 * i + 1]!, size: n.size }));
  for (const [a, b, w] of edges) {
    if (a !== b && !graph.hasEdge(String(a), String(b))) graph.addEdge(String(a), String(b), { weight: w });
  }
  return graph;
}

/** ForceAtlas2 settings for a graph of n nodes: Barnes–Hut from a few hundred nodes on. */
export function layoutSettings(graph: Graph) {
  return {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 300,
    gravity: 1,
    scalingRatio: graph.order > 300 ? 4 : 8,
    slowDown: 2,
    adjustSizes: false,
  };
}

/** Runs iterations of ForceAtlas2 on graph and returns the positions in node order. */
export function refine(graph: Graph, iterations: number): Float64Array {
  forceAtlas2.assign(graph, { iterations, settings: layoutSettings(graph), getEdgeWeight: 'weight' });
  const out = new Float64Array(graph.order * 2);
  graph.forEachNode((key, attrs) => {
    const i = Number(key);
    out[2 * i] = attrs.x as number;
    out[2 * i + 1] = attrs.y as number;
  });
  return out;
}

/** How many ForceAtlas2 iterations a graph of n nodes gets: fewer for large graphs. */
export function iterationsFor(n: number): number {
  if (n <= 200) return 300;
  if (n <= 1000) return 150;
  return 100;
}
