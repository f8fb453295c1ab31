import { describe, expect, it } from 'vitest';
import type { NetworkNode } from '../types';
import { drawing, egoHubs, graphView, hubsOf, largestHubs } from './hubs';

const node = (id: string, community: number): NetworkNode => ({
  id,
  name: id.toUpperCase(),
  kind: 'Verein',
  degree: 0,
  strength: 0,
  betweenness: 0,
  pagerank: 0,
  community,
  articulation_point: false,
  isolated: false,
});

// Four organisations; a round table of a, b, c (a clique of three ties), a working group of
// c and d, a cooperation of a and d, and a Gremium whose members the filter left out.
const data = {
  nodes: [node('a', 1), node('b', 1), node('c', 2), node('d', 2)],
  edges: [
    { a: 'a', b: 'b', weight: 1, networks: ['net_rt'], cooperation: false },
    { a: 'a', b: 'c', weight: 1, networks: ['net_rt'], cooperation: false },
    { a: 'b', b: 'c', weight: 1, networks: ['net_rt'], cooperation: false },
    { a: 'c', b: 'd', weight: 1, networks: ['net_ak'], cooperation: false },
    { a: 'a', b: 'd', weight: 1, networks: [], cooperation: true },
    { a: 'a', b: 'x', weight: 1, networks: [], cooperation: true },
  ],
  networks: [
    { id: 'net_rt', name: 'Runder Tisch', kind: 'Runder Tisch', members: ['c', 'b', 'a'] },
    { id: 'net_ak', name: 'AK Wohnen', kind: 'Arbeitskreis', members: ['d', 'c', 'x'] },
    { id: 'net_leer', name: 'Beirat', kind: 'Beirat', members: ['x'] },
  ],
};

describe('graphView', () => {
  it('draws hubs unless the address asks for the shared ties', () => {
    expect(graphView(undefined)).toBe('hubs');
    expect(graphView('hubs')).toBe('hubs');
    expect(graphView('something')).toBe('hubs');
    expect(graphView('shared')).toBe('shared');
  });
});

describe('hubsOf', () => {
  it('keeps Gremien with members in the drawing, with those members and their main community', () => {
    const hubs = hubsOf(data);
    expect(hubs.map((h) => h.id)).toEqual(['net_rt', 'net_ak']);
    expect(hubs[0]!.members).toEqual(['a', 'b', 'c']);
    expect(hubs[0]!.community).toBe(1);
    // c and d are both in community 2; x is not drawn.
    expect(hubs[1]!.members).toEqual(['c', 'd']);
    expect(hubs[1]!.community).toBe(2);
  });
});

describe('drawing', () => {
  it('draws a line per membership and the cooperations instead of a clique per Gremium', () => {
    const d = drawing(data, 'hubs');
    expect(d.hubs).toHaveLength(2);
    const lines = d.lines.map((l) => `${l.kind}:${l.a}-${l.b}`);
    expect(lines).toEqual(['member:net_rt-a', 'member:net_rt-b', 'member:net_rt-c', 'member:net_ak-c', 'member:net_ak-d', 'cooperation:a-d']);
  });

  it('draws the organisation graph in the shared view, with weights', () => {
    const d = drawing(data, 'shared');
    expect(d.hubs).toEqual([]);
    expect(d.lines).toHaveLength(5);
    expect(d.lines.every((l) => l.kind === 'shared')).toBe(true);
  });

  it('needs fewer lines than the clique view when Gremien are large', () => {
    // One Gremium of 20: 190 pairs as a clique, 20 lines as a hub.
    const ids = Array.from({ length: 20 }, (_, i) => `o${i}`);
    const edges = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, weight: 1, networks: ['net'], cooperation: false })));
    const big = { nodes: ids.map((id) => node(id, 0)), edges, networks: [{ id: 'net', name: 'Steuerungsgruppe', kind: 'Steuerungsgruppe', members: ids }] };
    expect(drawing(big, 'shared').lines).toHaveLength(190);
    expect(drawing(big, 'hubs').lines).toHaveLength(20);
  });
});

describe('largestHubs', () => {
  it('names the Gremien with the most members, ties by name', () => {
    const hub = (id: string, name: string, n: number) => ({ id, name, kind: 'x', members: Array.from({ length: n }, (_, i) => `o${i}`), community: 0 });
    const hubs = [hub('a', 'Beirat', 3), hub('b', 'Arbeitskreis', 3), hub('c', 'Steuerungsgruppe', 9), hub('d', 'Runder Tisch', 1)];
    expect([...largestHubs(hubs, 3)]).toEqual(['c', 'b', 'a']);
    expect(largestHubs([], 3).size).toBe(0);
  });
});

describe('egoHubs', () => {
  it('keeps the Gremien that lead from one step of the ego network to the next', () => {
    const hubs = hubsOf(data);
    // Around a: b and c are direct neighbours (the round table), d too (the cooperation).
    expect([...egoHubs(hubs, new Map([['a', 0], ['b', 1], ['c', 1], ['d', 1]]))]).toEqual(['net_rt']);
    // Around b with depth 2: a and c via the round table, d via the working group of c and d.
    expect([...egoHubs(hubs, new Map([['b', 0], ['a', 1], ['c', 1], ['d', 2]]))]).toEqual(['net_rt', 'net_ak']);
    expect(egoHubs(hubs, new Map()).size).toBe(0);
  });
});
