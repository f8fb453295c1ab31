// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { setLanguage } from '../i18n';
import type { ImportReport, Region, User } from '../types';
import { createImporter, type Importer } from './importer';

type Fetch = typeof globalThis.fetch;

const regions = [{ id: '05562', name: 'Kreis Recklinghausen', kind: 'county' }] as Region[];
const admin: User = { username: 'admin', admin: true, roles: {} };

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    dry_run: true, ok: true, written: false, rows: 1, created: 1, updated: 0, unchanged: 0, skipped: 0,
    files: [{ file: 'massnahmen.csv', format: 'csv', encoding: 'UTF-8', delimiter: ';', sheets: [{ sheet: 'Maßnahmen', kind: 'measures', rows: 1, created: 1, updated: 0, unchanged: 0, skipped: 0 }] }],
    relations: { added: 3, updated: 0, removed: 0, unchanged: 0 }, errors: [], error_count: 0, warnings: [],
    ...overrides,
  };
}

const problems = report({
  ok: false, created: 0,
  errors: [{ file: 'massnahmen.csv', row: 3, column: 'Gemeinden', value: 'Marll', message: 'no municipality of region 05562 is called "Marll"', code: 'unknown_name', suggestions: ['Marl'] }],
  error_count: 1,
});

function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/** Puts files into the file input as the browser does, and fires change. */
function choose(importer: Importer, ...files: File[]): void {
  const input = importer.element.querySelector<HTMLInputElement>('#import-files')!;
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  input.dispatchEvent(new Event('change'));
}

const csv = (text = 'Titel;Kreis\n') => new File([text], 'massnahmen.csv', { type: 'text/csv' });
const q = <T extends Element>(importer: Importer, css: string) => importer.element.querySelector<T>(css);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the import section', () => {
  let fetch: ReturnType<typeof vi.fn<Fetch>>;
  let answers: Response[];
  let imported: ReturnType<typeof vi.fn<() => void>>;
  let importer: Importer;

  beforeEach(() => {
    setLanguage('de');
    answers = [];
    fetch = vi.fn<Fetch>(async () => answers.shift() ?? json({}, 500));
    imported = vi.fn<() => void>();
    importer = createImporter(new ApiClient({ fetch, csrfToken: () => 'tok' }), imported);
    document.body.replaceChildren(importer.element);
  });
  afterEach(() => importer.stop());

  it('asks to sign in, and to have the right role', () => {
    importer.render(null, regions);
    expect(q(importer, '[data-state="signin"]')?.textContent).toContain('melden Sie sich');
    importer.render({ username: 'mia', admin: false, roles: { '05562': 'member' } }, regions);
    expect(q(importer, '[data-state="forbidden"]')).not.toBeNull();
    expect(q(importer, '#import-files')).toBeNull();
  });

  it('checks, lists the problems with suggestions, and keeps Importieren disabled', async () => {
    importer.render(admin, regions);
    const check = q<HTMLButtonElement>(importer, '#import-check')!;
    const run = q<HTMLButtonElement>(importer, '#import-run')!;
    expect(check.disabled).toBe(true);
    choose(importer, csv(), new File(['x'], 'notizen.docx'));
    expect(q(importer, '#import-chosen [data-file="massnahmen.csv"]')).not.toBeNull();
    expect(q(importer, '#import-rejected')?.textContent).toContain('notizen.docx');
    expect(check.disabled).toBe(false);
    expect(run.disabled).toBe(true);

    answers.push(json(problems));
    q<HTMLFormElement>(importer, '#import-form')!.requestSubmit();
    expect(q(importer, '#import-result')?.getAttribute('data-state')).toBe('checking');
    await settle();

    expect(String(fetch.mock.calls[0]![0])).toBe('/api/v1/import?dry_run=true');
    expect(q(importer, '#import-result')?.getAttribute('data-state')).toBe('problems');
    const row = q(importer, '#import-problems tr[data-row="3"][data-column="Gemeinden"]')!;
    expect(row.textContent).toContain('Marll');
    expect(row.textContent).toContain('Unbekannter Name');
    expect(row.querySelector('.suggestions')?.textContent).toBe('Meinten Sie: Marl?');
    expect(q(importer, '#import-summary [data-sheet="Maßnahmen"]')?.textContent).toContain('Maßnahmen');
    expect(run.disabled).toBe(true);
    expect(q(importer, '#import-status')?.textContent).toBe('Prüfung abgeschlossen: 1 Problem.');
  });

  it('imports after a clean check, shows the counts and forgets the files', async () => {
    importer.render(admin, regions);
    choose(importer, csv());
    answers.push(json(report()));
    q<HTMLButtonElement>(importer, '#import-check')!.click();
    await settle();
    const run = q<HTMLButtonElement>(importer, '#import-run')!;
    expect(q(importer, '#import-result')?.getAttribute('data-state')).toBe('clean');
    expect(q(importer, '#import-result')?.textContent).toContain('Beim Import würden 1 Eintrag neu angelegt');
    expect(run.disabled).toBe(false);

    answers.push(json(report({ dry_run: false, written: true })));
    run.click();
    await settle();
    expect(String(fetch.mock.calls[1]![0])).toBe('/api/v1/import?dry_run=false');
    expect(new Headers(fetch.mock.calls[1]![1]?.headers).get('X-CSRF-Token')).toBe('tok');
    expect(q(importer, '#import-result')?.getAttribute('data-state')).toBe('done');
    expect(q(importer, '#import-result')?.textContent).toContain('1 Eintrag neu angelegt, 0 geändert, 0 unverändert.');
    expect(q(importer, '#import-chosen')?.textContent).toContain('Noch keine Datei ausgewählt.');
    expect(run.disabled).toBe(true);
    expect(imported).toHaveBeenCalledOnce();
  });

  it('forgets a clean check when the files change', async () => {
    importer.render(admin, regions);
    choose(importer, csv());
    answers.push(json(report()));
    q<HTMLButtonElement>(importer, '#import-check')!.click();
    await settle();
    expect(q<HTMLButtonElement>(importer, '#import-run')!.disabled).toBe(false);
    choose(importer, new File(['{}'], 'export.json'));
    expect(q<HTMLButtonElement>(importer, '#import-run')!.disabled).toBe(true);
    expect(q(importer, '#import-result')?.getAttribute('data-state')).toBe('idle');
  });

  it('shows the detail of an API error, and the report of a refused import', async () => {
    importer.render(admin, regions);
    choose(importer, csv());
    answers.push(json({ type: 'x', title: 'Bad Request', status: 400, detail: 'massnahmen.csv, row 1: its columns match none of the sheets' }, 400, 'application/problem+json'));
    q<HTMLButtonElement>(importer, '#import-check')!.click();
    await settle();
    expect(q(importer, '#import-result')?.getAttribute('data-state')).toBe('failed');
    expect(q(importer, '#import-result [role="alert"]')?.textContent).toContain('its columns match none of the sheets');

    answers.push(json(report()));
    q<HTMLButtonElement>(importer, '#import-check')!.click();
    await settle();
    answers.push(json({ type: 'x', title: 'Bad Request', status: 400, detail: '1 problems in the import; nothing was written', report: { ...problems, dry_run: false } }, 400, 'application/problem+json'));
    q<HTMLButtonElement>(importer, '#import-run')!.click();
    await settle();
    expect(q(importer, '#import-result')?.getAttribute('data-state')).toBe('refused');
    expect(q(importer, '#import-result')?.textContent).toContain('1 problems in the import; nothing was written');
    expect(q(importer, '#import-problems tr[data-row="3"]')).not.toBeNull();
    expect(imported).not.toHaveBeenCalled();
  });
});
