// The Steuerung's tables as data: the rows of the heatmap, the gap list and the measures by
// status, written as CSV that German Excel opens directly (UTF-8 with BOM, `;` between
// cells, CRLF between rows), and the scrolling box every wide table sits in. Pure functions
// here, so the unit tests read the same rows the download gives.

import { h } from '../dom';
import { readQuery } from '../url';
import type { Coverage, Gaps } from '../types';

/** The keys of the Steuerung's own address state (the cockpit adds its own). */
export const steuerungKeys = ['region', 'group', 'from', 'to'] as const;

export type SteuerungState = Partial<Record<(typeof steuerungKeys)[number], string>>;

/** Reads the Steuerung's region, target group and compared states from a query string. */
export function readSteuerungState(search: string): SteuerungState {
  return readQuery(search, steuerungKeys);
}

/** The byte order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';

/**
 * One CSV cell: quoted when it holds the separator, a quote or a line break; text that a
 * spreadsheet would run as a formula (=, +, -, @ at the start, but not a plain number) gets a
 * leading apostrophe, so a name from the directory cannot become a formula.
 */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+([.,]\d+)?$/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as CSV for German Excel: BOM, `;` between cells, CRLF after every row. */
export function toCsv(rows: readonly (readonly (string | number | undefined | null)[])[]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(';') + '\r\n').join('');
}

/** The file name of a download: netzwerkatlas-<region>-<part>[-<group>]-<yyyy-mm-dd>.csv. */
export function csvFileName(region: string, part: string, date: Date, group?: string): string {
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '_');
  return ['netzwerkatlas', safe(region || 'region'), part, group && safe(group), day].filter(Boolean).join('-') + '.csv';
}

/** The heatmap as on screen: a row per municipality (by name), a column per field, the offers in each cell. */
export function heatmapRows(cov: Coverage, municipalityHeader: string): (string | number)[][] {
  const byCell = new Map(cov.cells.map((c) => [`${c.municipality}|${c.field}`, c]));
  const munis = [...cov.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return [
    [municipalityHeader, ...cov.fields.map((f) => f.name)],
    ...munis.map((m) => [m.name, ...cov.fields.map((f) => byCell.get(`${m.ags}|${f.id}`)?.offers ?? '')]),
  ];
}

/** A gap or thin cell of the ranked list. */
export interface GapRow {
  rank: number;
  municipality: string;
  field: string;
  kind: 'gap' | 'thin';
  demand: number;
  offers: number;
}

/** The ranked list: gaps first (by the people left without an offer, as the service sorts them), then thin cells. */
export function gapRows(g: Gaps, municipalityName: (ags: string) => string, fieldName: (id: string) => string): GapRow[] {
  return [...g.gaps.map((c) => ({ c, kind: 'gap' as const })), ...g.thin.map((c) => ({ c, kind: 'thin' as const }))].map(({ c, kind }, i) => ({
    rank: i + 1,
    municipality: municipalityName(c.municipality),
    field: fieldName(c.field),
    kind,
    demand: c.demand,
    offers: c.offers,
  }));
}

/** The gap list as CSV rows with the given headers (rank, municipality, field, class, unserved, offers). */
export function gapCsvRows(rows: readonly GapRow[], headers: readonly string[], kindLabel: (kind: 'gap' | 'thin') => string): (string | number)[][] {
  return [[...headers], ...rows.map((r) => [r.rank, r.municipality, r.field, kindLabel(r.kind), r.demand, r.offers])];
}

/** Measures by field and status as CSV rows: field, one column per status, the total. */
export function statusCsvRows(
  fields: readonly { id: string; name: string }[],
  counts: Map<string, Record<string, number>>,
  statuses: readonly string[],
  headers: { field: string; status: (s: string) => string; total: string },
): (string | number)[][] {
  return [
    [headers.field, ...statuses.map(headers.status), headers.total],
    ...fields.map((f) => {
      const row = counts.get(f.id) ?? {};
      return [f.name, ...statuses.map((s) => row[s] ?? 0), statuses.reduce((n, s) => n + (row[s] ?? 0), 0)];
    }),
  ];
}

/** Saves text as a file through a temporary link (no request: the table is already here). */
export function downloadText(name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

