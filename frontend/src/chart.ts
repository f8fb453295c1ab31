// The monitoring's charts as inline SVG: an indicator's series against its target (values
// and line, the baseline point, the target as a dashed line or a dashed band, the trend
// dashed on to the target year), and the small sparkline of the cockpit. layoutChart does the
// arithmetic (scales, ticks, positions) without a DOM, so it can be tested; the render
// functions only turn a layout into elements. Everything is drawn with presentation
// attributes, never style attributes: the service's Content-Security-Policy forbids inline
// styles.
//
// The chart is an image with a title and a description (role="img"); the figures themselves
// stand in a table under it (valueTable), which is what screen readers and printers read.

import { h } from './dom';
import { formatDecimal } from './format';
import { t } from './i18n';
import type { Point, Trend } from './types';

/** What a series chart shows. */
export interface ChartInput {
  series: readonly Point[];
  baseline?: Point | undefined;
  target?: number | undefined;
  /** The upper end of a target range (direction range). */
  targetUpper?: number | undefined;
  targetYear?: number | undefined;
  direction?: string | undefined;
  trend?: Trend | undefined;
  /** The trend's value in the target year. */
  projected?: number | undefined;
  unit?: string | undefined;
}

export interface Size {
  width: number;
  height: number;
}

export interface PlacedPoint extends Point {
  x: number;
  y: number;
}

export type TargetMark =
  | { kind: 'line'; value: number; y: number; x1: number; x2: number }
  | { kind: 'band'; lower: number; upper: number; yTop: number; yBottom: number; x1: number; x2: number };

export interface ChartLayout {
  width: number;
  height: number;
  /** The plot area inside the axes. */
  plot: { left: number; right: number; top: number; bottom: number };
  xDomain: [number, number];
  yDomain: [number, number];
  x: (year: number) => number;
  y: (value: number) => number;
  xTicks: number[];
  yTicks: number[];
  /** Decimals the value axis needs for its ticks. */
  yDigits: number;
  points: PlacedPoint[];
  /** SVG path of the series' line (empty with fewer than two points). */
  line: string;
  baseline?: PlacedPoint;
  target?: TargetMark;
  targetYear?: { year: number; x: number };
  /** The trend line, dashed, from its first year to the target year (or its last year). */
  projection?: { x1: number; y1: number; x2: number; y2: number; fromYear: number; toYear: number; value: number };
}

/** A linear map from [d0, d1] onto [r0, r1]; a domain of one value maps to the middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** The step between ticks: 1, 2, 2.5 or 5 times a power of ten, so that at most maxTicks cover [min, max]. */
export function niceStep(min: number, max: number, maxTicks = 5): number {
  const span = Math.abs(max - min);
  if (span === 0 || !Number.isFinite(span)) return 1;
  const raw = span / Math.max(1, maxTicks - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (m * power >= raw - 1e-12) return m * power;
  }
  return 10 * power;
}

/** Round tick values from the multiple of step at or below min to the one at or above max. */
export function niceTicks(min: number, max: number, maxTicks = 5): number[] {
  const step = niceStep(min, max, maxTicks);
  const first = Math.floor(min / step + 1e-9) * step;
  const last = Math.ceil(max / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = first, i = 0; v <= last + step / 2 && i < 50; v = first + ++i * step) out.push(roundTo(v, step));
  return out;
}

/** Whole years from `from` to `to`, every n-th so that at most maxTicks remain. */
export function yearTicks(from: number, to: number, maxTicks = 8): number[] {
  const a = Math.ceil(from);
  const b = Math.floor(to);
  const every = Math.max(1, Math.ceil((b - a + 1) / maxTicks));
  const out: number[] = [];
  for (let y = a; y <= b; y += every) out.push(y);
  return out;
}

/** The decimals a tick step needs: 0 for 5, 1 for 0,5, 2 for 0,25. */
export function decimalsFor(step: number): number {
  for (let d = 0; d < 6; d++) {
    if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  }
  return 6;
}

function roundTo(v: number, step: number): number {
  const d = decimalsFor(step);
  return Number(v.toFixed(d));
}

/** A value with the indicator's unit, in the language's number format: 31,5 %, 1.200 Personen. */
export function formatValue(value: number, unit?: string, digits = 2): string {
  const n = formatDecimal(value, digits);
  return unit ? `${n}\u00a0${unit}` : n;
}

/** The trend's value in year. */
export function trendAt(trend: Trend, year: number): number {
  return trend.intercept + trend.slope * year;
}

/** Places everything the chart draws. */
export function layoutChart(input: ChartInput, size: Size): ChartLayout {
  const { width, height } = size;
  // Room for the value axis' labels on the left, the target's label on the right.
  const plot = { left: 56, right: width - 16, top: 16, bottom: height - 36 };

  const years: number[] = input.series.map((p) => p.year);
  const values: number[] = input.series.map((p) => p.value);
  if (input.baseline) {
    years.push(input.baseline.year);
    values.push(input.baseline.value);
  }
  if (input.target !== undefined) values.push(input.target);
  if (input.targetUpper !== undefined) values.push(input.targetUpper);
  if (input.targetYear) years.push(input.targetYear);
  const projection = projectionOf(input);
  if (projection) {
    years.push(projection.fromYear, projection.toYear);
    values.push(projection.fromValue, projection.value);
  }
  if (years.length === 0) years.push(new Date().getFullYear());
  if (values.length === 0) values.push(0, 1);

  let x0 = Math.min(...years);
  let x1 = Math.max(...years);
  if (x0 === x1) {
    x0 -= 1;
    x1 += 1;
  }
  // Half a year on either side keeps the first and last point off the axes.
  const xDomain: [number, number] = [x0 - 0.5, x1 + 0.5];

  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) {
    const d = Math.abs(lo) * 0.1 || 1;
    lo -= d;
    hi += d;
  }
  const pad = (hi - lo) * 0.08;
  const nonNegative = Math.min(...values) >= 0;
  lo = nonNegative ? Math.max(0, lo - pad) : lo - pad;
  hi += pad;
  const yTicks = niceTicks(lo, hi, 5);
  const yDomain: [number, number] = [Math.min(lo, yTicks[0]!), Math.max(hi, yTicks[yTicks.length - 1]!)];
  const yDigits = decimalsFor(yTicks.length > 1 ? yTicks[1]! - yTicks[0]! : 1);

  const x = linearScale(xDomain[0], xDomain[1], plot.left, plot.right);
  const y = linearScale(yDomain[0], yDomain[1], plot.bottom, plot.top);
  const maxYearTicks = Math.max(2, Math.floor((plot.right - plot.left) / 48));
  const xTicks = yearTicks(xDomain[0], xDomain[1], maxYearTicks);

  const points = [...input.series].sort((a, b) => a.year - b.year).map((p) => ({ ...p, x: x(p.year), y: y(p.value) }));
  const line = points.length > 1 ? points.map((p, i) => `${i === 0 ? 'M' : 'L'}${fix(p.x)},${fix(p.y)}`).join(' ') : '';

  const layout: ChartLayout = { width, height, plot, xDomain, yDomain, x, y, xTicks, yTicks, yDigits, points, line };
  if (input.baseline) layout.baseline = { ...input.baseline, x: x(input.baseline.year), y: y(input.baseline.value) };
  if (input.target !== undefined) {
    if (input.direction === 'range' && input.targetUpper !== undefined) {
      layout.target = { kind: 'band', lower: input.target, upper: input.targetUpper, yTop: y(input.targetUpper), yBottom: y(input.target), x1: plot.left, x2: plot.right };
    } else {
      layout.target = { kind: 'line', value: input.target, y: y(input.target), x1: plot.left, x2: plot.right };
    }
  }
  if (input.targetYear) layout.targetYear = { year: input.targetYear, x: x(input.targetYear) };
  if (projection) {
    layout.projection = {
      x1: x(projection.fromYear),
      y1: y(projection.fromValue),
      x2: x(projection.toYear),
      y2: y(projection.value),
      fromYear: projection.fromYear,
      toYear: projection.toYear,
      value: projection.value,
    };
  }
  return layout;
}

/** The trend line from its first year to the target year (when later) or its last year. */
function projectionOf(input: ChartInput): { fromYear: number; fromValue: number; toYear: number; value: number } | undefined {
  const tr = input.trend;
  if (!tr) return undefined;
  const toYear = input.targetYear && input.targetYear > tr.to ? input.targetYear : tr.to;
  const value = toYear === input.targetYear && input.projected !== undefined ? input.projected : trendAt(tr, toYear);
  return { fromYear: tr.from, fromValue: trendAt(tr, tr.from), toYear, value };
}

function fix(n: number): string {
  return String(Math.round(n * 10) / 10);
}

// --- Rendering ----------------------------------------------------------------------------

const SVG = 'http://www.w3.org/2000/svg';

/** Chart colours, each at least 3:1 against white (WCAG 1.4.11 for graphics). */
export const chartColours = {
  series: '#0b5394', // 7.8:1
  target: '#1b5e20', // 7.9:1
  band: '#1b5e20',
  baseline: '#4a5560', // 7.6:1
  projection: '#0b5394',
  axis: '#6b7785', // 4.6:1
  grid: '#d5dbe1',
  ink: '#1a1f24',
} as const;

type SvgAttrs = Record<string, string | number | undefined>;

function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: SvgAttrs = {}, ...children: (SVGElement | string | null | undefined | false)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, typeof v === 'number' ? fix(v) : v);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/**
 * Where the projection's label goes (its baseline): under the line's end, or above it when
 * the text would cross the target's line, always inside the plot. (The target's own label
 * stands at the left edge, the projection's at the right.)
 */
export function projectionLabelY(L: ChartLayout): number {
  const p = L.projection!;
  const marks = L.target?.kind === 'line' ? [L.target.y] : L.target?.kind === 'band' ? [L.target.yTop, L.target.yBottom] : [];
  const clear = (y: number) => marks.every((m) => m < y - 14 || m > y + 4) && y <= L.plot.bottom - 4 && y - 12 >= L.plot.top;
  for (const y of [p.y2 + 18, p.y2 - 8, p.y2 + 32, p.y2 - 22]) if (clear(y)) return y;
  return Math.min(L.plot.bottom - 4, Math.max(L.plot.top + 12, p.y2 + 18));
}

/** The sentence that describes a chart for screen readers (its desc). */
export function describeChart(input: ChartInput): string {
  const parts: string[] = [];
  const pts = [...input.series].sort((a, b) => a.year - b.year);
  if (pts.length > 0) {
    parts.push(t('chart.desc.values', { list: pts.map((p) => `${p.year}: ${formatValue(p.value, input.unit)}`).join('; ') }));
  } else {
    parts.push(t('chart.desc.noValues'));
  }
  if (input.baseline) parts.push(t('chart.desc.baseline', { year: String(input.baseline.year), value: formatValue(input.baseline.value, input.unit) }));
  if (input.target !== undefined) {
    const target =
      input.direction === 'range' && input.targetUpper !== undefined
        ? t('chart.desc.range', { lower: formatValue(input.target, input.unit), upper: formatValue(input.targetUpper, input.unit) })
        : t('chart.desc.target', { value: formatValue(input.target, input.unit) });
    parts.push(input.targetYear ? `${target} ${t('chart.desc.targetYear', { year: String(input.targetYear) })}` : target);
  }
  const p = projectionOf(input);
  if (p && input.targetYear && p.toYear === input.targetYear) {
    parts.push(t('chart.desc.projection', { year: String(p.toYear), value: formatValue(p.value, input.unit) }));
  }
  return parts.join(' ');
}

export interface ChartOptions {
  /** Prefix of the ids of title and desc (unique in the page). */
  id: string;
  title: string;
  width?: number;
  height?: number;
}

/** The series chart as an accessible SVG image. */
export function seriesChart(input: ChartInput, options: ChartOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const height = options.height ?? 300;
  const L = layoutChart(input, { width, height });
  const titleId = `${options.id}-title`;
  const descId = `${options.id}-desc`;
  const { plot } = L;
  const unit = input.unit;
  const tickLabel = (v: number) => formatDecimal(v, L.yDigits);

  const grid = s('g', { class: 'chart-grid' });
  for (const v of L.yTicks) {
    const y = L.y(v);
    grid.append(
      s('line', { x1: plot.left, x2: plot.right, y1: y, y2: y, stroke: chartColours.grid, 'stroke-width': 1 }),
      s('text', { x: plot.left - 6, y: y + 4, 'text-anchor': 'end', fill: chartColours.ink, 'font-size': 12 }, tickLabel(v)),
    );
  }
  const xAxis = s('g', { class: 'chart-x' }, s('line', { x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, stroke: chartColours.axis, 'stroke-width': 1 }));
  for (const yr of L.xTicks) {
    const x = L.x(yr);
    xAxis.append(
      s('line', { x1: x, x2: x, y1: plot.bottom, y2: plot.bottom + 4, stroke: chartColours.axis }),
      s('text', { x, y: plot.bottom + 18, 'text-anchor': 'middle', fill: chartColours.ink, 'font-size': 12 }, String(yr)),
    );
  }
  const unitLabel = unit ? s('text', { x: 4, y: plot.top - 4, fill: chartColours.ink, 'font-size': 12 }, unit) : null;

  const target = s('g', { class: 'chart-target' });
  if (L.target?.kind === 'line') {
    target.append(
      s('line', { x1: L.target.x1, x2: L.target.x2, y1: L.target.y, y2: L.target.y, stroke: chartColours.target, 'stroke-width': 2, 'stroke-dasharray': '8 4' }),
      s('text', { x: plot.left + 4, y: L.target.y - 6, fill: chartColours.target, 'font-size': 12, 'font-weight': 600 }, t('chart.target', { value: formatValue(L.target.value, unit) })),
    );
  } else if (L.target?.kind === 'band') {
    target.append(
      s('rect', { x: L.target.x1, y: L.target.yTop, width: L.target.x2 - L.target.x1, height: Math.max(1, L.target.yBottom - L.target.yTop), fill: chartColours.band, 'fill-opacity': 0.1 }),
      s('line', { x1: L.target.x1, x2: L.target.x2, y1: L.target.yTop, y2: L.target.yTop, stroke: chartColours.band, 'stroke-width': 2, 'stroke-dasharray': '8 4' }),
      s('line', { x1: L.target.x1, x2: L.target.x2, y1: L.target.yBottom, y2: L.target.yBottom, stroke: chartColours.band, 'stroke-width': 2, 'stroke-dasharray': '8 4' }),
      s(
        'text',
        { x: plot.left + 4, y: L.target.yTop - 6, fill: chartColours.target, 'font-size': 12, 'font-weight': 600 },
        t('chart.range', { lower: formatDecimal(L.target.lower, 2), upper: formatValue(L.target.upper, unit) }),
      ),
    );
  }
  if (L.targetYear) {
    target.append(
      s('line', { x1: L.targetYear.x, x2: L.targetYear.x, y1: plot.top, y2: plot.bottom, stroke: chartColours.target, 'stroke-width': 1, 'stroke-dasharray': '2 3' }),
    );
  }

  const projection = L.projection
    ? s(
        'g',
        { class: 'chart-projection' },
        s('line', { x1: L.projection.x1, y1: L.projection.y1, x2: L.projection.x2, y2: L.projection.y2, stroke: chartColours.projection, 'stroke-width': 2, 'stroke-dasharray': '3 4' }),
        input.targetYear && L.projection.toYear === input.targetYear
          ? s(
              'text',
              { x: Math.min(L.projection.x2, plot.right) - 4, y: projectionLabelY(L), 'text-anchor': 'end', fill: chartColours.projection, 'font-size': 12 },
              t('chart.projection', { year: String(L.projection.toYear), value: formatValue(L.projection.value, unit) }),
            )
          : null,
      )
    : null;

  const series = s('g', { class: 'chart-series' });
  if (L.line) series.append(s('path', { d: L.line, fill: 'none', stroke: chartColours.series, 'stroke-width': 2.5 }));
  for (const p of L.points) series.append(s('circle', { cx: p.x, cy: p.y, r: 4, fill: chartColours.series }));

  const baseline = L.baseline
    ? s(
        'g',
        { class: 'chart-baseline' },
        s('path', { d: `M${fix(L.baseline.x)},${fix(L.baseline.y - 7)} l7,7 l-7,7 l-7,-7 z`, fill: '#ffffff', stroke: chartColours.baseline, 'stroke-width': 2 }),
        s('text', { x: L.baseline.x + 10, y: L.baseline.y + 18, fill: chartColours.baseline, 'font-size': 12 }, t('chart.baseline')),
      )
    : null;

  return s(
    'svg',
    {
      class: 'series-chart',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      'font-family': 'inherit',
    },
    s('title', { id: titleId }, options.title),
    s('desc', { id: descId }, describeChart(input)),
    grid,
    xAxis,
    unitLabel,
    target,
    projection,
    series,
    baseline,
  );
}

/** The legend under a series chart: what each mark means (words, not colours alone). */
export function chartLegend(input: ChartInput): HTMLElement {
  const item = (cls: string, text: string) => h('li', {}, h('span', { class: `legend-mark ${cls}`, 'aria-hidden': 'true' }), text);
  return h(
    'ul',
    { class: 'inline-legend chart-legend' },
    item('mark-series', t('chart.legend.values')),
    input.baseline && item('mark-baseline', t('chart.baseline')),
    input.target !== undefined && item('mark-target', input.direction === 'range' ? t('chart.legend.range') : t('chart.legend.target')),
    input.trend && item('mark-projection', t('chart.legend.trend')),
  );
}

/** The chart's figures as a table: the values by year, then baseline, target and projection. */
export function valueTable(input: ChartInput, caption: string): HTMLTableElement {
  const rows = [...input.series].sort((a, b) => a.year - b.year).map((p) => h('tr', {}, h('th', { scope: 'row' }, String(p.year)), h('td', { class: 'num' }, formatValue(p.value, input.unit))));
  return h(
    'table',
    { class: 'value-table' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('chart.year')), h('th', { scope: 'col', class: 'num' }, t('chart.value')))),
    h('tbody', {}, ...(rows.length > 0 ? rows : [h('tr', {}, h('td', { colspan: 2 }, t('chart.desc.noValues')))])),
  );
}

/** A small line of the values for the cockpit, with the target as a dashed line; an image with a label. */
export function sparkline(input: ChartInput, label: string): SVGSVGElement {
  const width = 96;
  const height = 28;
  const pts = [...input.series].sort((a, b) => a.year - b.year);
  const values = pts.map((p) => p.value);
  if (input.target !== undefined) values.push(input.target);
  if (input.targetUpper !== undefined) values.push(input.targetUpper);
  if (input.baseline) values.push(input.baseline.value);
  const years = pts.map((p) => p.year);
  if (input.baseline) years.push(input.baseline.year);
  const lo = values.length ? Math.min(...values) : 0;
  const hi = values.length ? Math.max(...values) : 1;
  const x = linearScale(years.length ? Math.min(...years) : 0, years.length ? Math.max(...years) : 1, 4, width - 4);
  const y = linearScale(lo, hi === lo ? lo + 1 : hi, height - 4, 4);
  const svg = s('svg', { class: 'sparkline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': label });
  if (input.target !== undefined) {
    svg.append(s('line', { x1: 0, x2: width, y1: y(input.target), y2: y(input.target), stroke: chartColours.target, 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }));
  }
  if (input.targetUpper !== undefined) {
    svg.append(s('line', { x1: 0, x2: width, y1: y(input.targetUpper), y2: y(input.targetUpper), stroke: chartColours.target, 'stroke-width': 1.5, 'stroke-dasharray': '4 3' }));
  }
  if (input.baseline) svg.append(s('circle', { cx: x(input.baseline.year), cy: y(input.baseline.value), r: 2.5, fill: '#ffffff', stroke: chartColours.baseline, 'stroke-width': 1.5 }));
  if (pts.length > 1) svg.append(s('path', { d: pts.map((p, i) => `${i ? 'L' : 'M'}${fix(x(p.year))},${fix(y(p.value))}`).join(' '), fill: 'none', stroke: chartColours.series, 'stroke-width': 2 }));
  const last = pts[pts.length - 1];
  if (last) svg.append(s('circle', { cx: x(last.year), cy: y(last.value), r: 2.5, fill: chartColours.series }));
  return svg;
}

/** The sparkline's label: the values by year and the target. */
export function sparklineLabel(name: string, input: ChartInput): string {
  const pts = [...input.series].sort((a, b) => a.year - b.year);
  const values = pts.map((p) => `${p.year}: ${formatValue(p.value, input.unit)}`).join(', ');
  return t('chart.sparkline', { name, values: values || t('chart.desc.noValues') }) + (input.target !== undefined ? ` ${t('chart.desc.target', { value: formatValue(input.target, input.unit) })}` : '');
}
