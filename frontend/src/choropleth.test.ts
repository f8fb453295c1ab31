import { describe, expect, it } from 'vitest';
import { classify, density, legend, median, overviewScale, shade } from './choropleth';
import type { MapProperties } from './types';

const scale = { median: 4, thinBelow: 1 };

function props(over: Partial<MapProperties>): MapProperties {
  return {
    ags: '05562004',
    name: 'Castrop-Rauxel',
    population: 70000,
    foreign_population: 10000,
    demand: 10000,
    offers: 0,
    gaps: 0,
    thin: 0,
    covered: 0,
    fields_without_network: 0,
    field_offers: 0,
    density: 0,
    ...over,
  };
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBe(0);
    expect(median([3])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('density', () => {
  it('counts offers per 10,000 people and is 0 without people', () => {
    expect(density(5, 10000)).toBe(5);
    expect(density(3, 3697)).toBeCloseTo(8.115, 3);
    expect(density(3, 0)).toBe(0);
  });
});

describe('classify', () => {
  it('keeps the service’s verdicts gap and thin', () => {
    expect(classify('gap', 0, 0, scale)).toBe('gap');
    expect(classify('thin', 0.5, 1, scale)).toBe('thin');
    // The service's verdict wins even where the numbers would say otherwise.
    expect(classify('thin', 3, 2, scale)).toBe('thin');
  });

  it('bands covered cells by the median: below, up to twice, above', () => {
    expect(classify('covered', 1, 1, scale)).toBe('low');
    expect(classify('covered', 3.99, 2, scale)).toBe('low');
    expect(classify('covered', 4, 2, scale)).toBe('mid');
    expect(classify('covered', 7.99, 2, scale)).toBe('mid');
    expect(classify('covered', 8, 2, scale)).toBe('high');
  });

  it('judges by the numbers alone when the service gave no class (all fields)', () => {
    expect(classify(undefined, 0, 0, scale)).toBe('gap');
    expect(classify(undefined, 0.5, 1, scale)).toBe('thin');
    expect(classify(undefined, 5, 3, scale)).toBe('mid');
  });

  it('does not divide the classes without a median', () => {
    expect(classify('covered', 2, 1, { median: 0, thinBelow: 0 })).toBe('mid');
  });
});

describe('shade', () => {
  it('uses the field’s class and density when a field is chosen', () => {
    const s = shade(props({ class: 'covered', density: 9, field_offers: 9 }), scale, true);
    expect(s).toEqual({ cls: 'high', density: 9, offers: 9 });
  });

  it('has no data for a municipality the field analysis left out', () => {
    expect(shade(props({}), scale, true).cls).toBe('nodata');
  });

  it('uses all offers against the demand without a field', () => {
    const s = shade(props({ offers: 3, demand: 10000 }), scale, false);
    expect(s).toMatchObject({ cls: 'low', offers: 3 });
    expect(s.density).toBeCloseTo(3, 9);
  });
});

describe('overviewScale', () => {
  it('takes the median of the overall densities and a quarter of it as the thin threshold', () => {
    const all = [props({ offers: 2 }), props({ offers: 4 }), props({ offers: 9 }), props({ offers: 5, demand: 0 })];
    expect(overviewScale(all)).toEqual({ median: 4, thinBelow: 1 });
    expect(overviewScale(all, 0.5)).toEqual({ median: 4, thinBelow: 2 });
  });
});

describe('legend', () => {
  it('lists the classes with their ranges and counts, no-data only when there is some', () => {
    const shades = [
      { cls: 'gap' as const, density: 0, offers: 0 },
      { cls: 'mid' as const, density: 5, offers: 5 },
      { cls: 'mid' as const, density: 6, offers: 6 },
    ];
    expect(legend(scale, shades)).toEqual([
      { cls: 'gap', count: 1 },
      { cls: 'thin', from: 0, to: 1, count: 0 },
      { cls: 'low', from: 1, to: 4, count: 0 },
      { cls: 'mid', from: 4, to: 8, count: 2 },
      { cls: 'high', from: 8, count: 0 },
    ]);
    expect(legend(scale, [{ cls: 'nodata', density: 0, offers: 0 }]).at(-1)).toEqual({ cls: 'nodata', count: 1 });
  });
});
