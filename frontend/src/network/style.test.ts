import { describe, expect, it } from 'vitest';
import { communityColours, communityPalette, edgeSize, metricOf, nodeSize } from './style';
import { hash01, initialPositions, iterationsFor } from './layout';

describe('communityColours', () => {
  it('gives the palette to the largest communities and none to single organisations', () => {
    const colours = communityColours([
      { id: 4, size: 3 },
      { id: 1, size: 39 },
      { id: 2, size: 25 },
      { id: 9, size: 1 },
    ]);
    expect(colours.get(1)).toBe(communityPalette[0]);
    expect(colours.get(2)).toBe(communityPalette[1]);
    expect(colours.get(4)).toBe(communityPalette[2]);
    expect(colours.has(9)).toBe(false);
  });

  it('stops when the palette is used up', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: i, size: 100 - i }));
    expect(communityColours(many).size).toBe(communityPalette.length);
  });
});

describe('sizes', () => {
  it('grows node area with the value, from a visible minimum', () => {
    expect(nodeSize(0, 10)).toBe(2.5);
    expect(nodeSize(10, 10)).toBe(16);
    expect(nodeSize(2.5, 10)).toBeCloseTo(2.5 + 13.5 * 0.5);
    expect(nodeSize(5, 0)).toBe(2.5);
  });

  it('widens edges with their weight', () => {
    expect(edgeSize(1, 1)).toBe(0.6);
    expect(edgeSize(1, 5)).toBe(0.6);
    expect(edgeSize(5, 5)).toBe(3);
  });

  it('reads the chosen metric', () => {
    const n = { id: 'o', name: 'O', kind: '', degree: 3, strength: 4, betweenness: 7, pagerank: 0.1, community: 0, articulation_point: false, isolated: false };
    expect(metricOf(n, 'degree')).toBe(3);
    expect(metricOf(n, 'betweenness')).toBe(7);
    expect(metricOf(n, 'pagerank')).toBe(0.1);
  });
});

describe('layout start', () => {
  it('is deterministic and keeps communities together', () => {
    const nodes = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: `a${i}`, community: 0, size: 3 })),
      ...Array.from({ length: 20 }, (_, i) => ({ id: `b${i}`, community: 1, size: 3 })),
    ];
    const p1 = initialPositions(nodes);
    expect(initialPositions(nodes)).toEqual(p1);
    const centre = (from: number) => {
      let x = 0;
      let y = 0;
      for (let i = from; i < from + 20; i++) {
        x += p1[2 * i]!;
        y += p1[2 * i + 1]!;
      }
      return [x / 20, y / 20] as const;
    };
    const spread = (from: number, c: readonly [number, number]) =>
      Math.max(...Array.from({ length: 20 }, (_, k) => Math.hypot(p1[2 * (from + k)]! - c[0], p1[2 * (from + k) + 1]! - c[1])));
    const a = centre(0);
    const b = centre(20);
    // The two communities sit apart, each member close to its own centre.
    expect(Math.hypot(a[0] - b[0], a[1] - b[1])).toBeGreaterThan(spread(0, a));
  });

  it('hashes strings to [0, 1)', () => {
    expect(hash01('org_1')).toBe(hash01('org_1'));
    expect(hash01('org_1')).not.toBe(hash01('org_2'));
    for (const s of ['', 'a', 'zzzz']) {
      expect(hash01(s)).toBeGreaterThanOrEqual(0);
      expect(hash01(s)).toBeLessThan(1);
    }
  });

  it('gives large graphs fewer iterations', () => {
    expect(iterationsFor(83)).toBeGreaterThan(iterationsFor(2000));
  });
});
