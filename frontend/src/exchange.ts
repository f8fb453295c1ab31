// The logic behind the import and the downloads of the Verwaltung view, kept apart from the
// DOM so it can be tested: which files the import accepts, how a chosen set of files
// changes, how the service's report is grouped by file and sheet, and how a problem's place
// is written.

import { Problem } from './api';
import { formatBytes, formatInt } from './format';
import { t, type MessageKey } from './i18n';
import type { ImportCounts, ImportJob, ImportReport, ImportRowError, Role, User } from './types';

/** The formats the import reads, by file name ending. */
export const importFormats = ['csv', 'xlsx', 'json', 'geojson'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** What the file input offers: the endings and their media types. */
export const importAccept = [
  '.csv',
  '.xlsx',
  '.json',
  '.geojson',
  'text/csv',
  'application/json',
  'application/geo+json',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
].join(',');

/** The service refuses requests over 256 MiB (all files together). */
export const maxImportBytes = 256 * 1024 * 1024;

/** The sheets of the templates, in the order an import processes them. */
export const sheetKinds = ['municipalities', 'organisations', 'actors', 'networks', 'memberships', 'cooperations', 'measures'] as const;
export type SheetKind = (typeof sheetKinds)[number];

/** The export formats and who uses them, in the order the view lists them. */
export const exportFormats = ['xlsx', 'csv', 'geojson', 'graphml', 'hsds', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The import format of a file name, or undefined when the import does not read it. */
export function importFormat(name: string): ImportFormat | undefined {
  const m = /\.([a-z]+)$/i.exec(name.trim());
  const ext = m?.[1]?.toLowerCase();
  return importFormats.find((f) => f === ext);
}

/**
 * Adds files to a selection. A file with the name of one already chosen replaces it (the
 * corrected file takes the place of the faulty one); files the import cannot read are
 * returned by name in rejected.
 */
export function addFiles<T extends { name: string }>(current: readonly T[], added: Iterable<T>): { files: T[]; rejected: string[] } {
  const files = [...current];
  const rejected: string[] = [];
  for (const file of added) {
    if (!importFormat(file.name)) {
      rejected.push(file.name);
      continue;
    }
    const i = files.findIndex((f) => f.name === file.name);
    if (i >= 0) files[i] = file;
    else files.push(file);
  }
  return { files, rejected };
}

/** The bytes of all files together. */
export function totalBytes(files: readonly { size: number }[]): number {
  return files.reduce((sum, f) => sum + f.size, 0);
}

/** The regions in which user may import (coordinator or admin); all regions for admins. */
export function importRegions<R extends { id: string }>(user: User | null, regions: readonly R[]): R[] {
  if (!user) return [];
  if (user.admin) return [...regions];
  const may: Role[] = ['coordinator', 'admin'];
  return regions.filter((r) => may.includes(user.roles[r.id] as Role));
}

/** The report of a real run that the service refused because of its rows (400/403 with report). */
export function importReportOf(error: unknown): ImportReport | undefined {
  if (!(error instanceof Problem)) return undefined;
  const report = error.extensions.report;
  return isImportReport(report) ? report : undefined;
}

function isImportReport(value: unknown): value is ImportReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.ok === 'boolean' && typeof r.error_count === 'number' && (Array.isArray(r.errors) || r.errors === null);
}

/** One line of the per-file overview: a sheet of a file with its counts and problems. */
export interface SheetLine {
  file: string;
  format: string;
  /** The sheet's name; '' for problems of the file as a whole. */
  sheet: string;
  kind: string;
  /** Undefined when the sheet was not read (a line for its problems only). */
  counts: ImportCounts | undefined;
  problems: number;
}

/**
 * The report's files and sheets as lines, each with the number of problems listed in it.
 * CSV problems name no sheet: they belong to the file's only sheet. Problems of a sheet that
 * was not read, or of the file as a whole, get a line of their own after the file's sheets.
 */
export function sheetLines(report: ImportReport): SheetLine[] {
  const lines: SheetLine[] = [];
  const files = report.files ?? [];
  for (const f of files) {
    for (const s of f.sheets ?? []) {
      lines.push({
        file: f.file,
        format: f.format,
        sheet: s.sheet,
        kind: s.kind,
        counts: { rows: s.rows, created: s.created, updated: s.updated, unchanged: s.unchanged, skipped: s.skipped },
        problems: 0,
      });
    }
  }
  for (const e of report.errors ?? []) {
    const sheet = problemSheet(report, e);
    let line = lines.find((l) => l.file === e.file && l.sheet === sheet);
    if (!line) {
      line = { file: e.file, format: files.find((f) => f.file === e.file)?.format ?? '', sheet, kind: '', counts: undefined, problems: 0 };
      const after = lines.map((l) => l.file).lastIndexOf(e.file);
      lines.splice(after < 0 ? lines.length : after + 1, 0, line);
    }
    line.problems++;
  }
  return lines;
}

/** The sheet a problem is in: its own, or the only sheet of its file (CSV). */
export function problemSheet(report: ImportReport, e: ImportRowError): string {
  if (e.sheet) return e.sheet;
  const sheets = (report.files ?? []).find((f) => f.file === e.file)?.sheets ?? [];
  return sheets.length === 1 ? (sheets[0]?.sheet ?? '') : '';
}

/** Where a problem is, in words: "massnahmen.csv, Maßnahmen, Zeile 3, Gemeinden". */
export function problemPlace(report: ImportReport, e: ImportRowError): string {
  const parts = [e.file];
  const sheet = problemSheet(report, e);
  if (sheet) parts.push(sheet);
  parts.push(e.row > 0 ? t('import.place.row', { row: e.row }) : t('import.place.file'));
  if (e.column) parts.push(e.column);
  return parts.join(', ');
}

const problemCodes = ['invalid', 'unknown_name', 'ambiguous_name', 'duplicate_row', 'unknown_column', 'missing_column', 'forbidden', 'conflict'];

/** The kind of problem in words; codes the catalogue does not know are shown as they are. */
export function problemLabel(code: string): string {
  return problemCodes.includes(code) ? t(`import.code.${code}` as MessageKey) : code;
}

/** True when the report changes nothing: no row created or updated, no relationship touched. */
export function changesNothing(report: ImportReport): boolean {
  const r = report.relations;
  return report.created === 0 && report.updated === 0 && r.added === 0 && r.updated === 0 && r.removed === 0;
}

/** The state of the import form. */
export type ImportStep =
  | { step: 'idle' }
  /** job: how far the service is, when the files run as a job (from 1 MiB). */
  | { step: 'checking'; job?: ImportJob }
  | { step: 'checked'; report: ImportReport }
  | { step: 'importing'; report: ImportReport; job?: ImportJob }
  /** The user cancelled the check or the import; nothing was written. */
  | { step: 'cancelled' }
  | { step: 'done'; report: ImportReport }
  /** The real run was refused because of its rows; nothing was written. */
  | { step: 'refused'; report: ImportReport; error: Problem }
  | { step: 'failed'; error: unknown; during: 'check' | 'import' };

/** Importieren is possible only right after a dry run of the chosen files found no problem. */
export function mayImport(state: ImportStep, files: number): boolean {
  return state.step === 'checked' && files > 0 && state.report.ok && state.report.error_count === 0;
}

/** The words under an import job's progress bar. */
export function jobProgressText(job: ImportJob): string {
  const p = job.progress;
  if (job.state === 'queued') return t('import.job.queued');
  switch (p.phase) {
    case 'validating':
      return t('import.job.validating', { rows: p.rows_read });
    case 'writing':
      return t('import.job.writing', { rows: p.rows_read });
    case 'done':
      return t('import.job.finishing', { rows: p.rows_read });
    default:
      return t('import.job.reading', { read: formatBytes(p.bytes_read), total: formatBytes(p.bytes_total), rows: p.rows_read, valid: formatInt(p.rows_valid) });
  }
}
