import { describe, expect, it } from 'vitest';
import { fitBox, nodeAt } from './canvas';

describe('fitBox', () => {
  it('maps the bounding box into the box with padding, keeping the aspect ratio, centred', () => {
    // A 10 × 5 network into 220 × 220 with padding 10: scale 20, so 200 × 100, centred.
    const fit = fitBox([{ x: 0, y: 0 }, { x: 10, y: 5 }], 220, 220, 10);
    expect(fit.scale).toBe(20);
    expect(fit.scale * 0 + fit.dx).toBe(10);
    expect(fit.scale * 10 + fit.dx).toBe(210);
    expect(fit.scale * 0 + fit.dy).toBe(60);
    expect(fit.scale * 5 + fit.dy).toBe(160);
  });

  it('centres a single node and an empty network', () => {
    const one = fitBox([{ x: 3, y: 4 }], 100, 50);
    expect(one.scale * 3 + one.dx).toBeCloseTo(50, 6);
    expect(one.scale * 4 + one.dy).toBeCloseTo(25, 6);
    expect(fitBox([], 100, 50)).toEqual({ scale: 1, dx: 50, dy: 25 });
  });
});

describe('nodeAt', () => {
  const discs = [
    { node: 'a', x: 10, y: 10, r: 8 },
    { node: 'b', x: 14, y: 10, r: 8 },
    { node: 'c', x: 100, y: 100, r: 2 },
  ];
  it('finds the topmost disc under the point', () => {
    expect(nodeAt(discs, 12, 10)).toBe('b');
    expect(nodeAt(discs, 3, 10)).toBe('a');
  });
  it('keeps small nodes clickable within 6 pixels and misses elsewhere', () => {
    expect(nodeAt(discs, 105, 100)).toBe('c');
    expect(nodeAt(discs, 108, 100)).toBeUndefined();
    expect(nodeAt(discs, 50, 50)).toBeUndefined();
  });
});
