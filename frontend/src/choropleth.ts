// The colour classes of the transparency map. The service classes every municipality × field
// as gap (no offer), thin (density below a share of the region's median) or covered; the map
// splits "covered" further by the density relative to the field's median, so that a steering
// group sees at once where the supply is below, around or well above the county's typical
// level. Without a chosen field the same classes apply to all offers together, measured
// against the median of the municipalities' overall densities.

import type { CoverageClass, MapProperties } from './types';

/** The map's classes, from no offer to well above the median. */
export type MapClass = 'gap' | 'thin' | 'low' | 'mid' | 'high' | 'nodata';

/** The classes in legend order. */
export const mapClasses: readonly MapClass[] = ['gap', 'thin', 'low', 'mid', 'high'];

/** Fill colours (ColorBrewer YlGnBu, readable for colour-blind viewers); gaps are hatched. */
export const classColours: Record<MapClass, string> = {
  gap: '#ffffff',
  thin: '#ffffcc',
  low: '#a1dab4',
  mid: '#41b6c4',
  high: '#225ea8',
  nodata: '#d9d9d9',
};

/** The stroke colour of the hatching that marks gaps. */
export const hatchColour = '#b2182b';

/** The thresholds of the classes, in offers per 10,000 people of the demand population. */
export interface Scale {
  /** Below this density a covered cell is thin. */
  thinBelow: number;
  /** The region's median density: the border between low and mid; twice it, mid and high. */
  median: number;
}

/** The median of values (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Offers per 10,000 people; 0 when nobody is counted. */
export function density(offers: number, demand: number): number {
  return demand > 0 ? (offers / demand) * 10000 : 0;
}

/**
 * The class of a cell: the service's class where it has one (gap and thin are its verdicts),
 * and for covered cells the band of the density relative to the median.
 */
export function classify(serviceClass: CoverageClass | undefined, value: number, offers: number, scale: Scale): MapClass {
  if (serviceClass === 'gap' || (serviceClass === undefined && offers === 0)) return 'gap';
  if (serviceClass === 'thin' || (serviceClass === undefined && value < scale.thinBelow)) return 'thin';
  if (scale.median <= 0) return 'mid';
  if (value < scale.median) return 'low';
  if (value < 2 * scale.median) return 'mid';
  return 'high';
}

/** What the map shows for one municipality. */
export interface Shade {
  cls: MapClass;
  /** Offers per 10,000 people of the demand population. */
  density: number;
  /** Offers counted (in the chosen field, or all). */
  offers: number;
}

/**
 * The scale for the overview of all fields: the median of the municipalities' overall
 * densities, and thin below thinFactor of it (the service's default 0.25).
 */
export function overviewScale(props: readonly MapProperties[], thinFactor = 0.25): Scale {
  const values = props.filter((p) => p.demand > 0).map((p) => density(p.offers, p.demand));
  const m = median(values);
  return { median: m, thinBelow: m * thinFactor };
}

/** Shades one municipality: with a field from the service's class and density, else overall. */
export function shade(p: MapProperties, scale: Scale, withField: boolean): Shade {
  if (withField) {
    if (p.class === undefined) return { cls: 'nodata', density: 0, offers: 0 };
    return { cls: classify(p.class, p.density, p.field_offers, scale), density: p.density, offers: p.field_offers };
  }
  const d = density(p.offers, p.demand);
  return { cls: classify(undefined, d, p.offers, scale), density: d, offers: p.offers };
}

/** One line of the legend: the class and the density range it stands for. */
export interface LegendEntry {
  cls: MapClass;
  /** Lower and upper bound (upper undefined for the open top class); none for gaps. */
  from?: number;
  to?: number;
  /** How many municipalities are in the class. */
  count: number;
}

/** The legend of a scale with the number of municipalities per class. */
export function legend(scale: Scale, shades: readonly Shade[]): LegendEntry[] {
  const count = (cls: MapClass) => shades.filter((s) => s.cls === cls).length;
  const m = scale.median;
  const entries: LegendEntry[] = [
    { cls: 'gap', count: count('gap') },
    { cls: 'thin', from: 0, to: scale.thinBelow, count: count('thin') },
    { cls: 'low', from: scale.thinBelow, to: m, count: count('low') },
    { cls: 'mid', from: m, to: 2 * m, count: count('mid') },
    { cls: 'high', from: 2 * m, count: count('high') },
  ];
  const nodata = count('nodata');
  if (nodata > 0) entries.push({ cls: 'nodata', count: nodata });
  return entries;
}
