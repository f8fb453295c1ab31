import { describe, expect, it } from 'vitest';
import type { Coverage, CoverageCell } from '../types';
import { cellClass, inkOn } from './steuerung';

const coverage = {
  fields: [{ id: 'f', name: 'Arbeit', canonical: 'work', median_density: 4, thin_below: 1 }],
} as unknown as Coverage;

function cell(cls: CoverageCell['class'], density: number, offers: number): CoverageCell {
  return { municipality: 'm', field: 'f', offers, measures: [], demand: 1000, density, class: cls, networks: [], explanation: '' };
}

describe('heatmap cells', () => {
  it('use the map’s classes against the field’s median', () => {
    expect(cellClass(cell('gap', 0, 0), coverage)).toBe('gap');
    expect(cellClass(cell('thin', 0.5, 1), coverage)).toBe('thin');
    expect(cellClass(cell('covered', 3, 3), coverage)).toBe('low');
    expect(cellClass(cell('covered', 5, 5), coverage)).toBe('mid');
    expect(cellClass(cell('covered', 9, 9), coverage)).toBe('high');
  });

  it('write white on the darkest class only', () => {
    expect(inkOn('high')).toBe('#ffffff');
    expect(inkOn('mid')).toBe('#1a1f24');
    expect(inkOn('thin')).toBe('#1a1f24');
  });
});
