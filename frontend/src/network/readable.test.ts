import { describe, expect, it } from 'vitest';
import { maxStrengthStep, minStrength, strengthSteps, tiesShown, topBrokers } from './readable';

describe('topBrokers', () => {
  const nodes = [
    { id: 'a', name: 'Anna', betweenness: 5 },
    { id: 'b', name: 'Berta', betweenness: 20 },
    { id: 'c', name: 'Carla', betweenness: 0 },
    { id: 'd', name: 'Dora', betweenness: 5 },
    { id: 'e', name: 'Emil', betweenness: 1 },
  ];

  it('names the highest betweenness first, ties broken by name, none on no path', () => {
    expect([...topBrokers(nodes, 3)]).toEqual(['b', 'a', 'd']);
    expect(topBrokers(nodes, 10).has('c')).toBe(false);
    expect(topBrokers(nodes, 10).size).toBe(4);
  });

  it('is empty for an empty network', () => {
    expect(topBrokers([]).size).toBe(0);
  });
});

describe('minStrength', () => {
  it('reads whole numbers of at least 1 and falls back to 1', () => {
    expect(minStrength(undefined)).toBe(1);
    expect(minStrength('3')).toBe(3);
    expect(minStrength('0')).toBe(1);
    expect(minStrength('-2')).toBe(1);
    expect(minStrength('2.5')).toBe(1);
    expect(minStrength('x')).toBe(1);
  });
});

describe('strengthSteps', () => {
  it('offers 1 up to the strongest tie', () => {
    expect(strengthSteps([{ weight: 1 }, { weight: 3 }, { weight: 2 }])).toEqual([1, 2, 3]);
  });

  it('offers at least 1 and at most the cap', () => {
    expect(strengthSteps([])).toEqual([1]);
    expect(strengthSteps([{ weight: 40 }])).toHaveLength(maxStrengthStep);
  });
});

describe('tiesShown', () => {
  it('counts the ties at least as strong as the threshold', () => {
    const edges = [{ weight: 1 }, { weight: 2 }, { weight: 2 }, { weight: 5 }];
    expect(tiesShown(edges, 1)).toBe(4);
    expect(tiesShown(edges, 2)).toBe(3);
    expect(tiesShown(edges, 6)).toBe(0);
  });
});
