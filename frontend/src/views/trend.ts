// The Steuerung's trend: a small chart per headline figure over every saved state of the
// region (the oldest on the left), and the same figures as a table with one column per chosen
// state, which is what screen readers, printers and the CSV download read. The arithmetic
// (the line's points, the rows) is plain functions here, so the unit tests check what the
// page draws; the charts are inline SVG with presentation attributes only (the service's
// Content-Security-Policy forbids inline styles).

import { chartColours } from '../chart';
import { h } from '../dom';
import { formatDate, formatDecimal, formatDelta, formatInt } from '../format';
import { t, type MessageKey } from '../i18n';
import { attainmentLabel } from '../attainment';
import type { CoordinationList, SnapshotTrend, TrendFigure } from '../types';

/** The figure groups in the order the page shows them. */
export const trendGroups = ['coverage', 'directory', 'network', 'attainment'] as const;

const figureKeys: Record<string, MessageKey> = {
  gaps: 'steuerung.trend.figure.gaps',
  thin: 'steuerung.trend.figure.thin',
  covered: 'steuerung.trend.figure.covered',
  organisations: 'steuerung.figure.organisations',
  measures: 'steuerung.figure.measures',
  measures_active: 'steuerung.trend.figure.measures_active',
  duplicates: 'steuerung.figure.duplicates',
  networks: 'steuerung.figure.networks',
  memberships: 'steuerung.figure.memberships',
  ties: 'steuerung.figure.ties',
  density: 'steuerung.figure.density',
  communities: 'steuerung.figure.communities',
  isolated: 'steuerung.figure.isolated',
};

/** The figure's name in the page's language: goals_on_track reads "Ziele: auf Kurs". */
export function figureName(key: string): string {
  const m = /^(goals|indicators)_(.+)$/.exec(key);
  if (m) return t(m[1] === 'goals' ? 'steuerung.trend.goals' : 'steuerung.trend.indicators', { class: attainmentLabel(m[2] ?? '') });
  const k = figureKeys[key];
  return k ? t(k) : t('steuerung.figure.other', { name: key });
}

/** A state's name in headers: its label, else its date. */
export function snapshotName(s: SnapshotTrend['snapshots'][number]): string {
  return s.label || formatDate(s.taken);
}

/** A figure's value as the page writes it ("–" where the state did not keep it). */
export function formatFigure(f: TrendFigure, v: number | null | undefined): string {
  if (v === null || v === undefined) return '–';
  return f.decimals > 0 ? formatDecimal(v, f.decimals) : formatInt(v);
}

/**
 * The table of the figures: a header row (figure, then one column per state), then a row per
 * figure with its values; raw numbers for the CSV (empty where a state did not keep one).
 */
export function trendRows(trend: SnapshotTrend, figureHeader: string): (string | number)[][] {
  return [[figureHeader, ...trend.snapshots.map(snapshotName)], ...trend.figures.map((f) => [figureName(f.key), ...f.values.map((v) => v ?? '')])];
}

/** A point of a small chart. */
export interface TrendPoint {
  index: number;
  value: number;
  x: number;
  y: number;
}

/**
 * Places a figure's values in a width × height box with pad around it: x by the state's
 * position, y from the smallest value (bottom) to the largest (top; a flat series sits in the
 * middle). path is the line through them, broken where a state did not keep the figure.
 */
export function trendLayout(values: readonly (number | null)[], width: number, height: number, pad = 4): { points: TrendPoint[]; path: string; min: number; max: number } {
  const known = values.filter((v): v is number => v !== null);
  const min = known.length ? Math.min(...known) : 0;
  const max = known.length ? Math.max(...known) : 0;
  const x = (i: number) => (values.length <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => (max === min ? height / 2 : height - pad - ((v - min) * (height - 2 * pad)) / (max - min));
  const points: TrendPoint[] = [];
  let path = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    const p = { index: i, value: v, x: Math.round(x(i) * 10) / 10, y: Math.round(y(v) * 10) / 10 };
    points.push(p);
    path += `${pen ? 'L' : 'M'}${p.x},${p.y} `;
    pen = true;
  });
  return { points, path: path.trim(), min, max };
}

/** The words of a small chart: its values by state, and the change from the first known to the last. */
export function trendLabel(trend: SnapshotTrend, f: TrendFigure): string {
  const values = trend.snapshots.map((s, i) => `${snapshotName(s)}: ${f.values[i] === null ? t('steuerung.trend.noValue') : formatFigure(f, f.values[i])}`).join('; ');
  return `${figureName(f.key)}. ${values}.${changeText(f) ? ` ${changeText(f)}` : ''}`;
}

/** "von 5 auf 1 (−4)": the change from the first known value to the last, or '' with fewer than two. */
export function changeText(f: TrendFigure): string {
  const known = f.values.filter((v): v is number => v !== null);
  if (known.length < 2) return '';
  const first = known[0] as number;
  const last = known[known.length - 1] as number;
  return t('steuerung.trend.change', { first: formatFigure(f, first), last: formatFigure(f, last), delta: formatDelta(last - first, f.decimals) });
}

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A figure's small chart: the line with a dot per state, the last one larger; an image with its values in words. */
export function trendChart(trend: SnapshotTrend, f: TrendFigure): SVGSVGElement {
  const width = 160;
  const height = 44;
  const L = trendLayout(f.values, width, height, 5);
  const chart = svg('svg', { class: 'trend-chart', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': trendLabel(trend, f) });
  chart.append(svg('line', { x1: 0, x2: width, y1: height - 1, y2: height - 1, stroke: chartColours.axis, 'stroke-width': 1 }));
  if (L.path.includes('L')) chart.append(svg('path', { d: L.path, fill: 'none', stroke: chartColours.series, 'stroke-width': 2 }));
  L.points.forEach((p, i) => chart.append(svg('circle', { cx: p.x, cy: p.y, r: i === L.points.length - 1 ? 3.5 : 2.5, fill: chartColours.series })));
  return chart;
}

/** The charts grouped as the page shows them, each with its name and its change in words. */
export function trendCharts(trend: SnapshotTrend): HTMLElement {
  return h(
    'div',
    { class: 'trend-groups' },
    ...trendGroups.map((g) => {
      const figures = trend.figures.filter((f) => f.group === g);
      if (figures.length === 0) return false;
      return h(
        'div',
        { class: 'trend-group', 'data-group': g },
        h('h3', {}, t(`steuerung.trend.group.${g}` as MessageKey)),
        h(
          'ul',
          { class: 'trend-charts' },
          ...figures.map((f) => {
            const last = [...f.values].reverse().find((v) => v !== null);
            return h(
              'li',
              { 'data-figure': f.key },
              h('span', { class: 'trend-name' }, figureName(f.key)),
              trendChart(trend, f),
              h('span', { class: 'trend-value', 'aria-hidden': 'true' }, formatFigure(f, last ?? null), changeText(f) ? ` · ${changeText(f)}` : ''),
            );
          }),
        ),
      );
    }),
  );
}

/** The figures of the chosen states as a table: one column per state, then the change from the first to the last. */
export function trendTable(trend: SnapshotTrend, caption: string): HTMLTableElement {
  const delta = (f: TrendFigure) => {
    const a = f.values[0];
    const b = f.values[f.values.length - 1];
    return a === null || a === undefined || b === null || b === undefined || f.values.length < 2 ? '–' : formatDelta(b - a, f.decimals);
  };
  return h(
    'table',
    { class: 'trend-table', id: 'trend-table' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('steuerung.figure')),
        ...trend.snapshots.map((s) => h('th', { scope: 'col', class: 'num', 'data-snapshot': s.id ?? '' }, snapshotName(s), h('br', {}), h('span', { class: 'muted' }, formatDate(s.taken)))),
        h('th', { scope: 'col', class: 'num' }, t('steuerung.trend.sinceFirst')),
      ),
    ),
    h(
      'tbody',
      {},
      ...trend.figures.map((f) =>
        h('tr', { 'data-figure': f.key }, h('th', { scope: 'row' }, figureName(f.key)), ...f.values.map((v) => h('td', { class: 'num' }, formatFigure(f, v))), h('td', { class: 'num' }, delta(f))),
      ),
    ),
  );
}

/** The states a comparison starts with: the three newest (of a list newest first), shown oldest first. */
export function defaultPick(ids: readonly string[], n = 3): string[] {
  return ids.slice(0, n);
}

/** The running coordinations as CSV rows: offers, providers, shared municipalities, due date, state in words. */
export function coordinationRows(list: CoordinationList, headers: readonly string[]): string[][] {
  const names = (xs: { name: string }[]) => xs.map((x) => x.name).join(', ');
  return [
    [...headers],
    ...list.items.map((c) => [
      `${c.a.title} / ${c.b.title}`,
      `${names(c.a.providers) || '–'} / ${names(c.b.providers) || '–'}`,
      names(c.municipalities) || `${names(c.a.municipalities)} / ${names(c.b.municipalities)}`,
      c.due,
      c.overdue ? t('steuerung.coord.overdue') : t('steuerung.coord.running'),
    ]),
  ];
}
