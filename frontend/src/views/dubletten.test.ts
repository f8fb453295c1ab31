import { describe, expect, it } from 'vitest';
import type { DuplicatePair, Duplicates } from '../types';
import { pairKey, queue } from './dubletten';

function pair(a: string, b: string, verdict?: DuplicatePair['verdict']): DuplicatePair {
  return {
    a, b, title_a: a, title_b: b, score: 0.9, text: 0.5, text_part: 1, structure: 1, parts: [], kind: 'parallel_offer',
    suggestion: 'coordinate', shared_terms: [], highlights_a: [], highlights_b: [], municipalities: [], fields: [], target_groups: [],
    explanation: '', ...(verdict ? { verdict } : {}),
  };
}

function analysis(): Duplicates {
  const ab = pair('m1', 'm2');
  const bc = pair('m2', 'm3', 'duplicate');
  const de = pair('m4', 'm5');
  return {
    region: '05562', threshold: 0.75, formula: '', measures: 10, candidates: 20, above_threshold: 3,
    pairs: [ab, bc, de],
    clusters: [
      { id: 'dup-m1', measures: ['m1', 'm2', 'm3'], pairs: [ab, bc], links: 2, kind: 'mixed', suggestion: '', score: 0.9, explanation: '' },
      { id: 'dup-m4', measures: ['m4', 'm5'], pairs: [de], links: 1, kind: 'parallel_offer', suggestion: '', score: 0.9, explanation: '' },
    ],
    reviewed: [pair('m6', 'm7', 'intended')],
  };
}

describe('pairKey', () => {
  it('is the same either way round', () => {
    expect(pairKey('m2', 'm1')).toBe('m1|m2');
    expect(pairKey('m1', 'm2')).toBe('m1|m2');
  });
});

describe('queue', () => {
  it('keeps the open pairs in their clusters and lists the decided ones', () => {
    const q = queue(analysis(), new Map());
    expect(q.clusters.map((c) => [c.cluster.id, c.open.map((p) => pairKey(p.a, p.b))])).toEqual([
      ['dup-m1', ['m1|m2']],
      ['dup-m4', ['m4|m5']],
    ]);
    expect(q.decided.map((p) => [pairKey(p.a, p.b), p.verdict])).toEqual([
      ['m2|m3', 'duplicate'],
      ['m6|m7', 'intended'],
    ]);
  });

  it('applies a verdict given in the page at once, and drops emptied clusters', () => {
    const local = new Map([['m4|m5', { verdict: 'not_duplicate' as const, by: 'erika', at: '2026-11-21T10:00:00Z' }]]);
    const q = queue(analysis(), local);
    expect(q.clusters.map((c) => c.cluster.id)).toEqual(['dup-m1']);
    expect(q.decided.find((p) => p.a === 'm4')?.verdict).toBe('not_duplicate');
  });
});
