import { afterEach, describe, expect, it } from 'vitest';
import { Problem } from './api';
import {
  addFiles,
  changesNothing,
  importFormat,
  importRegions,
  importReportOf,
  mayImport,
  problemLabel,
  problemPlace,
  problemSheet,
  sheetLines,
  totalBytes,
} from './exchange';
import { setLanguage } from './i18n';
import type { ImportReport, User } from './types';

/** A report like the service's for two files: a CSV of measures and a workbook with two sheets. */
function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    dry_run: true,
    ok: false,
    written: false,
    files: [
      {
        file: 'massnahmen.csv',
        format: 'csv',
        encoding: 'Windows-1252',
        delimiter: ';',
        sheets: [{ sheet: 'Maßnahmen', kind: 'measures', rows: 3, created: 1, updated: 0, unchanged: 1, skipped: 0 }],
      },
      {
        file: 'kreis.xlsx',
        format: 'xlsx',
        sheets: [
          { sheet: 'Organisationen', kind: 'organisations', rows: 5, created: 0, updated: 2, unchanged: 3, skipped: 0 },
          { sheet: 'Netzwerke', kind: 'networks', rows: 2, created: 0, updated: 0, unchanged: 1, skipped: 0 },
        ],
      },
    ],
    rows: 10,
    created: 1,
    updated: 2,
    unchanged: 5,
    skipped: 0,
    relations: { added: 4, updated: 0, removed: 1, unchanged: 20 },
    errors: [
      { file: 'massnahmen.csv', row: 3, column: 'Gemeinden', value: 'Marll', message: 'no municipality …', code: 'unknown_name', suggestions: ['Marl'] },
      { file: 'kreis.xlsx', sheet: 'Netzwerke', row: 4, column: 'Ebene', value: 'bundesweit', message: 'not allowed', code: 'invalid' },
      { file: 'kreis.xlsx', sheet: 'Hinweise', row: 0, message: 'sheet not read', code: 'invalid' },
      { file: 'massnahmen.csv', row: 5, message: 'same as row 3', code: 'duplicate_row' },
    ],
    error_count: 4,
    warnings: [],
    ...overrides,
  };
}

const file = (name: string, size = 10) => ({ name, size });

describe('choosing files', () => {
  it('knows the formats the import reads by their ending', () => {
    expect(importFormat('massnahmen.csv')).toBe('csv');
    expect(importFormat('Vorlage.XLSX')).toBe('xlsx');
    expect(importFormat('vg250.geojson')).toBe('geojson');
    expect(importFormat('export.json')).toBe('json');
    expect(importFormat('liste.xls')).toBeUndefined();
    expect(importFormat('csv')).toBeUndefined();
  });

  it('adds files, replaces one of the same name and rejects what it cannot read', () => {
    const first = file('massnahmen.csv', 100);
    const { files, rejected } = addFiles([first], [file('kreis.xlsx'), file('bild.png'), file('massnahmen.csv', 120)]);
    expect(files.map((f) => [f.name, f.size])).toEqual([
      ['massnahmen.csv', 120],
      ['kreis.xlsx', 10],
    ]);
    expect(rejected).toEqual(['bild.png']);
    expect(totalBytes(files)).toBe(130);
  });

  it('offers the county choice for the regions the user coordinates', () => {
    const regions = [{ id: '05562' }, { id: '08119' }, { id: '09162' }];
    const coordinator: User = { username: 'erika', admin: false, roles: { '05562': 'coordinator', '08119': 'member' } };
    expect(importRegions(coordinator, regions)).toEqual([{ id: '05562' }]);
    expect(importRegions({ username: 'admin', admin: true, roles: {} }, regions)).toHaveLength(3);
    expect(importRegions(null, regions)).toEqual([]);
  });
});

describe('the report', () => {
  afterEach(() => setLanguage('de'));

  it('gives each sheet its problems; CSV problems belong to the file’s only sheet', () => {
    const lines = sheetLines(report());
    expect(lines.map((l) => [l.file, l.sheet, l.counts?.rows, l.problems])).toEqual([
      ['massnahmen.csv', 'Maßnahmen', 3, 2],
      ['kreis.xlsx', 'Organisationen', 5, 0],
      ['kreis.xlsx', 'Netzwerke', 2, 1],
      // a problem in a sheet that was not read gets a line of its own after the file's sheets
      ['kreis.xlsx', 'Hinweise', undefined, 1],
    ]);
  });

  it('lists a file that could not be read at all by its problems alone', () => {
    const r = report({
      files: [],
      errors: [
        { file: 'alt.csv', row: 1, column: 'Bemerkung', message: 'unknown column', code: 'unknown_column' },
        { file: 'alt.csv', row: 1, column: 'Titel', message: 'missing', code: 'missing_column' },
      ],
      error_count: 2,
    });
    expect(sheetLines(r)).toEqual([{ file: 'alt.csv', format: '', sheet: '', kind: '', counts: undefined, problems: 2 }]);
    expect(sheetLines(report({ files: null, errors: null, error_count: 0 }))).toEqual([]);
  });

  it('writes where a problem is', () => {
    const r = report();
    const [marll, level, sheet] = r.errors!;
    expect(problemSheet(r, marll!)).toBe('Maßnahmen');
    expect(problemPlace(r, marll!)).toBe('massnahmen.csv, Maßnahmen, Zeile 3, Gemeinden');
    expect(problemPlace(r, level!)).toBe('kreis.xlsx, Netzwerke, Zeile 4, Ebene');
    expect(problemPlace(r, sheet!)).toBe('kreis.xlsx, Hinweise, ganze Datei');
    setLanguage('en');
    expect(problemPlace(r, marll!)).toBe('massnahmen.csv, Maßnahmen, row 3, Gemeinden');
  });

  it('names the kinds of problems, and shows unknown codes as they are', () => {
    expect(problemLabel('unknown_name')).toBe('Unbekannter Name');
    expect(problemLabel('missing_column')).toBe('Fehlende Spalte');
    expect(problemLabel('new_code')).toBe('new_code');
    setLanguage('en');
    expect(problemLabel('forbidden')).toBe('Not permitted');
  });

  it('says whether an import would change anything', () => {
    expect(changesNothing(report())).toBe(false);
    const same = report({ created: 0, updated: 0, relations: { added: 0, updated: 0, removed: 0, unchanged: 20 } });
    expect(changesNothing(same)).toBe(true);
    expect(changesNothing({ ...same, relations: { ...same.relations, removed: 1 } })).toBe(false);
  });

  it('finds the report in the problem of a refused import', () => {
    const r = report({ dry_run: false });
    const refused = new Problem({ type: 'x', title: 'Bad Request', status: 400, detail: '4 problems', extensions: { report: r, request_id: 'abc' } });
    expect(importReportOf(refused)).toBe(r);
    expect(importReportOf(new Problem({ type: 'x', title: 'Bad Request', status: 400, detail: 'x.csv: unreadable' }))).toBeUndefined();
    expect(importReportOf(new Problem({ type: 'x', title: 'Bad Request', status: 400, detail: '', extensions: { report: 'no' } }))).toBeUndefined();
    expect(importReportOf(new Error('network'))).toBeUndefined();
  });
});

describe('Importieren', () => {
  const clean = report({ ok: true, errors: [], error_count: 0 });

  it('is possible only right after a clean check of chosen files', () => {
    expect(mayImport({ step: 'checked', report: clean }, 1)).toBe(true);
    expect(mayImport({ step: 'checked', report: clean }, 0)).toBe(false);
    expect(mayImport({ step: 'checked', report: report() }, 1)).toBe(false);
    expect(mayImport({ step: 'idle' }, 1)).toBe(false);
    expect(mayImport({ step: 'checking' }, 1)).toBe(false);
    expect(mayImport({ step: 'importing', report: clean }, 1)).toBe(false);
    expect(mayImport({ step: 'done', report: clean }, 1)).toBe(false);
  });
});
