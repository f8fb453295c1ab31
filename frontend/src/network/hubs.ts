// What the network drawing shows: by default every Gremium (a network: Steuerungsgruppe, Runder
// Tisch, Arbeitskreis …) is a node of its own with lines to its member organisations, and only
// agreed cooperations join two organisations directly — one line per membership instead of a
// line for every pair of members. The other view ("shared") draws the organisation graph the
// figures are computed on: a line for every pair that shares a Gremium or cooperates.
// Pure functions, so both renderers (WebGL and the 2D canvas) draw the same lines.

import type { NetworkAnalysis } from '../types';

/** The node type of Gremien: drawn as squares (square.ts for WebGL, canvas.ts without). */
export const squareType = 'square';

/** hubs: Gremien as nodes; shared: ties between organisations over shared Gremien. */
export type GraphView = 'hubs' | 'shared';

/** graphView reads the view from the address: "shared" or the default, hubs. */
export function graphView(value: string | undefined): GraphView {
  return value === 'shared' ? 'shared' : 'hubs';
}

/** A Gremium drawn as a node, placed with the community most of its members belong to. */
export interface Hub {
  id: string;
  name: string;
  kind: string;
  /** Its members among the organisations drawn, sorted. */
  members: string[];
  community: number;
}

/**
 * A line of the drawing. member: an organisation to its Gremium; cooperation: an agreed
 * cooperation (in the hub view the only direct line between organisations); shared: a tie of
 * the organisation graph, weighted by shared Gremien (a cooperation counts as one).
 */
export interface Line {
  a: string;
  b: string;
  weight: number;
  kind: 'member' | 'cooperation' | 'shared';
}

export interface Drawing {
  hubs: Hub[];
  lines: Line[];
}

type Input = Pick<NetworkAnalysis, 'nodes' | 'edges' | 'networks'>;

/** The community most members share (ties: the lower id); -1 without members. */
function majority(members: readonly string[], communityOf: ReadonlyMap<string, number>): number {
  const counts = new Map<number, number>();
  for (const id of members) {
    const c = communityOf.get(id);
    if (c !== undefined) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? -1;
}

/**
 * hubsOf lists the Gremien with at least one member among the organisations drawn (a filter
 * by field or municipality leaves others memberless), each with those members.
 */
export function hubsOf(data: Input): Hub[] {
  const communityOf = new Map(data.nodes.map((n) => [n.id, n.community]));
  const out: Hub[] = [];
  for (const nw of data.networks) {
    const members = [...new Set(nw.members.filter((id) => communityOf.has(id)))].sort();
    if (members.length === 0) continue;
    out.push({ id: nw.id, name: nw.name, kind: nw.kind, members, community: majority(members, communityOf) });
  }
  return out;
}

/**
 * drawing builds the lines of a view. hubs: a line from every Gremium to each member, and the
 * cooperations between organisations; shared: the organisation graph's ties as they are.
 */
export function drawing(data: Input, view: GraphView): Drawing {
  const drawn = new Set(data.nodes.map((n) => n.id));
  const inside = (e: { a: string; b: string }) => drawn.has(e.a) && drawn.has(e.b);
  if (view === 'shared') {
    return {
      hubs: [],
      lines: data.edges.filter(inside).map((e) => ({ a: e.a, b: e.b, weight: e.weight, kind: 'shared' as const })),
    };
  }
  const hubs = hubsOf(data);
  const lines: Line[] = [];
  for (const hub of hubs) for (const id of hub.members) lines.push({ a: hub.id, b: id, weight: 1, kind: 'member' });
  for (const e of data.edges) {
    if (e.cooperation && inside(e)) lines.push({ a: e.a, b: e.b, weight: 1, kind: 'cooperation' });
  }
  return { hubs, lines };
}

/** How many Gremien are named when nothing is hovered or chosen. */
export const namedHubs = 5;

/** largestHubs returns the ids of the n Gremien with the most members (ties by name). */
export function largestHubs(hubs: readonly Hub[], n = namedHubs): Set<string> {
  return new Set(
    [...hubs]
      .sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name, 'de'))
      .slice(0, n)
      .map((h) => h.id),
  );
}

/**
 * egoHubs picks the Gremien that explain an ego network in the hub view: those whose members
 * in it lie at different distances from the centre (a Gremium links each step to the next).
 * With depth 1 these are the centre's own Gremien; Gremien whose members all lie at the same
 * distance add no step and stay dimmed.
 */
export function egoHubs(hubs: readonly Hub[], distance: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  for (const hub of hubs) {
    const seen = new Set<number>();
    for (const id of hub.members) {
      const d = distance.get(id);
      if (d !== undefined) seen.add(d);
    }
    if (seen.size >= 2) out.add(hub.id);
  }
  return out;
}
