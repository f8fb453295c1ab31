// The import of the Verwaltung view: choose files (file input or drag and drop), optionally
// a county, "Prüfen" runs the service's dry run and shows its report — counts per file and
// sheet, every problem with its place, value and suggestions — and "Importieren" runs the
// real import, which is possible only right after a clean check of the chosen files.
//
// The form's controls are built once and only updated, so focus and choices survive every
// re-render (the report arriving, the language changing, the session answering).

import type { ApiClient } from '../api';
import { cancelledProblem, Problem } from '../api';
import { h, replaceChildren } from '../dom';
import {
  addFiles,
  changesNothing,
  importAccept,
  importRegions,
  importReportOf,
  jobProgressText,
  mayImport,
  maxImportBytes,
  problemLabel,
  problemPlace,
  problemSheet,
  sheetLines,
  totalBytes,
  type ImportStep,
} from '../exchange';
import { formatBytes, formatInt } from '../format';
import { t } from '../i18n';
import type { ImportJob, ImportReport, ImportRowError, Region, User } from '../types';
import { dash, errorBox, Loader, loadingBox } from '../ui';

export interface Importer {
  /** The section; placed by the view. */
  element: HTMLElement;
  /** Renders for the signed-in user (or nobody) and the known regions. */
  render(user: User | null, regions: readonly Region[]): void;
  /** Stops a running request. */
  stop(): void;
}

export function createImporter(api: ApiClient, onImported: () => void): Importer {
  let files: File[] = [];
  let rejected: string[] = [];
  let state: ImportStep = { step: 'idle' };
  let user: User | null = null;
  let regions: readonly Region[] = [];
  let regionKey = '';
  const loader = new Loader();

  const element = h('section', { class: 'admin-section', 'aria-labelledby': 'import-title', id: 'import' });
  const title = h('h2', { id: 'import-title' });
  const intro = h('p', { class: 'muted' });
  const body = h('div', {});
  element.append(title, intro, body);

  // --- The form, built once ---------------------------------------------------------------

  // The native file input stays focusable (Tab, then Enter or Space opens the file dialog) but
  // is drawn as its label, a button, so that it does not say "no file chosen" beside the list.
  const fileInput = h('input', { type: 'file', id: 'import-files', name: 'import-files', class: 'file-input', multiple: true, accept: importAccept, 'aria-describedby': 'import-drop-hint' });
  const chooseLabel = h('label', { for: 'import-files', class: 'file-button' });
  const dropHint = h('p', { id: 'import-drop-hint', class: 'hint' });
  const fileList = h('div', { id: 'import-chosen', class: 'file-chosen', 'aria-live': 'polite' });
  const dropzone = h('div', { class: 'dropzone', id: 'import-dropzone' }, fileInput, chooseLabel, dropHint, fileList);
  const regionLabel = h('label', { for: 'import-region' });
  const regionSelect = h('select', { id: 'import-region', name: 'import-region', 'aria-describedby': 'import-region-hint' });
  const regionHint = h('p', { id: 'import-region-hint', class: 'hint' });
  const checkButton = h('button', { type: 'submit', id: 'import-check' });
  const runButton = h('button', { type: 'button', id: 'import-run', 'aria-describedby': 'import-run-hint' });
  const runHint = h('p', { id: 'import-run-hint', class: 'hint' });
  const status = h('p', { role: 'status', class: 'status visually-hidden', id: 'import-status' });
  const result = h('div', { id: 'import-result' });
  const form = h(
    'form',
    { id: 'import-form', class: 'import-form', 'data-state': 'ready' },
    dropzone,
    h('div', { class: 'controls' }, h('div', { class: 'control' }, regionLabel, regionSelect, regionHint)),
    h('div', { class: 'actions' }, checkButton, runButton),
    runHint,
  );
  const note = h('p', { class: 'note' });
  // The progress of a job, built once so that the focus stays on Abbrechen while it updates.
  const progressBar = h('progress', { id: 'import-progress-bar', 'aria-describedby': 'import-progress-text' });
  const progressText = h('p', { class: 'muted', id: 'import-progress-text' });
  const progressLabel = h('label', { for: 'import-progress-bar' });
  const cancelButton = h('button', { type: 'button', class: 'secondary', id: 'import-cancel' });
  const progressBox = h('div', { class: 'import-progress', id: 'import-progress' }, progressLabel, progressBar, progressText, cancelButton);
  cancelButton.addEventListener('click', () => cancel());

  function choose(added: Iterable<File>): void {
    const next = addFiles(files, added);
    files = next.files;
    rejected = next.rejected;
    invalidate();
  }

  /** The chosen files or the county changed: an earlier check no longer counts. */
  function invalidate(): void {
    loader.abort();
    if (state.step !== 'done' || files.length > 0) state = { step: 'idle' };
    draw();
  }

  fileInput.addEventListener('change', () => {
    choose(fileInput.files ? [...fileInput.files] : []);
    // Choosing the same file again (after correcting it) must fire change again.
    fileInput.value = '';
  });
  let depth = 0;
  const dragging = (on: boolean) => {
    dropzone.classList.toggle('dragging', on);
    dropHint.textContent = on ? t('import.dropActive') : t('import.drop');
  };
  dropzone.addEventListener('dragenter', (event) => {
    event.preventDefault();
    depth++;
    dragging(true);
  });
  dropzone.addEventListener('dragover', (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  dropzone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) dragging(false);
  });
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    dragging(false);
    choose(event.dataTransfer ? [...event.dataTransfer.files] : []);
  });
  regionSelect.addEventListener('change', () => {
    regionKey = regionSelect.value;
    invalidate();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
  runButton.addEventListener('click', () => run());

  function busy(): boolean {
    return state.step === 'checking' || state.step === 'importing';
  }

  function check(): void {
    if (busy() || files.length === 0 || totalBytes(files) > maxImportBytes) return;
    const sent = files;
    state = { step: 'checking' };
    draw();
    loader.run(
      (signal) => api.importFiles(sent, { dryRun: true, region: regionKey || undefined, onProgress: followJob }, signal),
      (report) => {
        state = { step: 'checked', report };
        status.textContent = t('import.status.checked', { count: report.error_count });
        draw();
        // A clean check leaves the focus on Prüfen (Importieren is the next stop; the status
        // line announces the result); problems take the focus to their list.
        if (!mayImport(state, files.length)) focusResult();
      },
      (error) => {
        state = wasCancelled(error) ? { step: 'cancelled' } : { step: 'failed', error, during: 'check' };
        if (state.step === 'cancelled') status.textContent = t('import.job.cancelled');
        draw();
        focusResult();
      },
    );
  }

  function run(): void {
    if (busy() || !mayImport(state, files.length) || state.step !== 'checked') return;
    const checked = state.report;
    const sent = files;
    state = { step: 'importing', report: checked };
    draw();
    loader.run(
      (signal) => api.importFiles(sent, { dryRun: false, region: regionKey || undefined, onProgress: followJob }, signal),
      (report) => {
        state = { step: 'done', report };
        files = [];
        rejected = [];
        status.textContent = t('import.status.done');
        draw();
        focusResult();
        onImported();
      },
      (error) => {
        const report = importReportOf(error);
        if (wasCancelled(error)) {
          state = { step: 'cancelled' };
          status.textContent = t('import.job.cancelled');
        } else state = report && error instanceof Problem ? { step: 'refused', report, error } : { step: 'failed', error, during: 'import' };
        draw();
        focusResult();
      },
    );
  }

  /** A job's progress arrived: show it (the rest of the form stays as it is). */
  function followJob(job: ImportJob): void {
    if (state.step !== 'checking' && state.step !== 'importing') return;
    if (state.job?.id !== job.id) cancelButton.disabled = false;
    state = { ...state, job };
    drawResult();
  }

  /**
   * Abbrechen: the service is asked to stop the job; the job's own answer then says whether
   * it stopped (nothing written) or had ended already, and the view shows that.
   */
  function cancel(): void {
    if ((state.step !== 'checking' && state.step !== 'importing') || !state.job) return;
    cancelButton.disabled = true;
    cancelButton.textContent = t('import.job.cancelling');
    api.cancelImportJob(state.job.id).catch(() => undefined);
  }

  /** Whether an error says that the job was cancelled. */
  function wasCancelled(error: unknown): boolean {
    return error instanceof Problem && error.type === cancelledProblem;
  }

  function focusResult(): void {
    result.querySelector<HTMLElement>('[data-focus="import-result"]')?.focus();
  }

  // --- Drawing -----------------------------------------------------------------------------

  function drawFiles(): void {
    const size = totalBytes(files);
    replaceChildren(
      fileList,
      rejected.length > 0 && h('p', { class: 'error', role: 'alert', id: 'import-rejected' }, t('import.rejected', { names: rejected.join(', ') })),
      size > maxImportBytes && h('p', { class: 'error', role: 'alert' }, t('import.tooLarge', { size: formatBytes(size) })),
      files.length === 0
        ? h('p', { class: 'muted' }, t('import.none'))
        : h(
            'div',
            {},
            h('h3', { class: 'import-subtitle' }, t('import.chosen')),
            h(
              'ul',
              { class: 'file-list' },
              ...files.map((f, i) =>
                h(
                  'li',
                  { 'data-file': f.name },
                  h('span', { class: 'file-name' }, f.name),
                  ' ',
                  h('span', { class: 'muted' }, formatBytes(f.size)),
                  ' ',
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary small',
                      'aria-label': t('import.removeFile', { name: f.name }),
                      'data-focus': `import-remove-${i}`,
                      onclick: () => {
                        files = files.filter((x) => x !== f);
                        rejected = [];
                        invalidate();
                        (fileList.querySelector<HTMLElement>('button') ?? fileInput).focus();
                      },
                    },
                    t('import.remove'),
                  ),
                ),
              ),
            ),
            files.length > 1 &&
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary small',
                  onclick: () => {
                    files = [];
                    rejected = [];
                    invalidate();
                    fileInput.focus();
                  },
                },
                t('import.clear'),
              ),
          ),
    );
  }

  function drawRegions(): void {
    const allowed = importRegions(user, regions);
    const key = allowed.map((r) => `${r.id}:${r.name}`).join('|') + t('import.regionFromFile');
    if (regionSelect.dataset.key !== key) {
      regionSelect.dataset.key = key;
      replaceChildren(regionSelect, h('option', { value: '' }, t('import.regionFromFile')), ...allowed.map((r) => h('option', { value: r.id }, r.name)));
    }
    if (!allowed.some((r) => r.id === regionKey)) regionKey = '';
    regionSelect.value = regionKey;
  }

  function drawButtons(): void {
    checkButton.textContent = state.step === 'checking' ? t('import.checking') : t('import.check');
    const canCheck = files.length > 0 && totalBytes(files) <= maxImportBytes;
    checkButton.disabled = !canCheck && !busy();
    if (busy()) checkButton.setAttribute('aria-disabled', 'true');
    else checkButton.removeAttribute('aria-disabled');
    runButton.textContent = state.step === 'importing' ? t('import.running') : t('import.run');
    const importing = state.step === 'importing';
    runButton.disabled = !mayImport(state, files.length) && !importing;
    if (importing) runButton.setAttribute('aria-disabled', 'true');
    else runButton.removeAttribute('aria-disabled');
    runHint.textContent = t('import.runHint');
    runHint.hidden = files.length === 0 || mayImport(state, files.length) || importing;
  }

  function draw(): void {
    const permitted = !!user && (user.admin || importRegions(user, regions).length > 0);
    title.textContent = t('import.title');
    intro.textContent = t('import.intro');
    if (!user || !permitted) {
      note.textContent = user ? t('import.noRights') : t('import.signIn');
      note.dataset.state = user ? 'forbidden' : 'signin';
      replaceChildren(body, note);
      return;
    }
    chooseLabel.textContent = `${t('import.choose')} …`;
    if (!dropzone.classList.contains('dragging')) dropHint.textContent = t('import.drop');
    regionLabel.textContent = t('import.region');
    regionHint.textContent = t('import.regionHint');
    drawFiles();
    drawRegions();
    drawButtons();
    drawResult();
    if (body.firstChild !== form) replaceChildren(body, form, status, result);
  }

  // --- The report ----------------------------------------------------------------------------

  function drawResult(): void {
    switch (state.step) {
      case 'idle':
        replaceChildren(result);
        result.dataset.state = 'idle';
        return;
      case 'checking':
      case 'importing': {
        const job = state.job;
        const label = state.step === 'checking' ? t('import.checking') : t('import.running');
        result.dataset.state = state.step;
        if (!job) {
          replaceChildren(result, loadingBox(label));
          return;
        }
        const p = job.progress;
        progressLabel.textContent = `${t('import.job.progress')}: ${label}`;
        progressBar.max = Math.max(1, p.bytes_total);
        // Reading has a measure; the service's final check and the write have none.
        if (p.phase === 'reading' && job.state === 'running') progressBar.value = p.bytes_read;
        else progressBar.removeAttribute('value');
        progressText.textContent = jobProgressText(job);
        if (!cancelButton.disabled) cancelButton.textContent = t('import.job.cancel');
        progressBox.dataset.phase = p.phase;
        progressBox.dataset.state = job.state;
        if (result.firstChild !== progressBox) replaceChildren(result, progressBox);
        return;
      }
      case 'cancelled':
        replaceChildren(result, h('div', { class: 'note', tabindex: -1, 'data-focus': 'import-result' }, h('p', {}, t('import.job.cancelled'))));
        result.dataset.state = 'cancelled';
        return;
      case 'failed': {
        const box = errorBox(state.during === 'check' ? t('import.checkFailed') : t('import.runFailed'), state.error);
        box.tabIndex = -1;
        box.dataset.focus = 'import-result';
        replaceChildren(result, box);
        result.dataset.state = 'failed';
        return;
      }
      case 'refused': {
        const box = errorBox(t('import.refused'), state.error);
        box.tabIndex = -1;
        box.dataset.focus = 'import-result';
        replaceChildren(result, box, reportView(state.report));
        result.dataset.state = 'refused';
        return;
      }
      case 'checked': {
        const r = state.report;
        const ok = r.ok && r.error_count === 0;
        replaceChildren(
          result,
          h(
            'div',
            { class: ok ? 'note import-ok' : 'error', role: ok ? null : 'alert', tabindex: -1, 'data-focus': 'import-result' },
            h('p', { class: ok ? 'import-verdict' : 'error-title' }, ok ? t('import.checkedOk') : t('import.checkedProblems', { count: r.error_count })),
            h(
              'p',
              { class: ok ? '' : 'error-detail' },
              ok ? (changesNothing(r) ? t('import.checkedNothing') : t('import.checkedOkText', countParams(r))) : t('import.checkedProblemsText'),
            ),
          ),
          reportView(r),
        );
        result.dataset.state = ok ? 'clean' : 'problems';
        return;
      }
      case 'done': {
        const r = state.report;
        replaceChildren(
          result,
          h(
            'div',
            { class: 'note import-ok', tabindex: -1, 'data-focus': 'import-result' },
            h('p', { class: 'import-verdict' }, t('import.done')),
            h('p', {}, changesNothing(r) ? t('import.doneNothing') : t('import.doneText', countParams(r))),
          ),
          reportView(r),
        );
        result.dataset.state = 'done';
        return;
      }
    }
  }

  function countParams(r: ImportReport): Record<string, number> {
    return { created: r.created, updated: r.updated, unchanged: r.unchanged };
  }

  function reportView(r: ImportReport): HTMLElement {
    const lines = sheetLines(r);
    const num = (n: number | undefined) => h('td', { class: 'num' }, n === undefined ? dash : formatInt(n));
    const fileInfo = (name: string) => {
      const f = (r.files ?? []).find((x) => x.file === name);
      if (!f || f.format !== 'csv' || !f.encoding) return null;
      return h('span', { class: 'muted file-info' }, t('import.fileInfo', { format: 'CSV', encoding: f.encoding, delimiter: f.delimiter === '\t' ? 'Tab' : (f.delimiter ?? '') }));
    };
    const errors = r.errors ?? [];
    const warnings = r.warnings ?? [];
    const rel = r.relations;
    return h(
      'div',
      { class: 'import-report' },
      // What is wrong comes first; the counts say where the rest stands.
      errors.length > 0 && problemsTable(r, errors),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { id: 'import-summary' },
          h('caption', {}, t('import.summary')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t('import.col.file')),
              h('th', { scope: 'col' }, t('import.col.sheet')),
              ...(['rows', 'created', 'updated', 'unchanged', 'skipped', 'problems'] as const).map((c) => h('th', { scope: 'col', class: 'num' }, t(`import.col.${c}`))),
            ),
          ),
          h(
            'tbody',
            {},
            ...lines.map((l) =>
              h(
                'tr',
                { 'data-file': l.file, 'data-sheet': l.sheet, class: l.problems > 0 ? 'has-problems' : null },
                h('th', { scope: 'row' }, l.file, ' ', fileInfo(l.file)),
                h('td', {}, l.sheet || t('import.wholeFile')),
                num(l.counts?.rows),
                num(l.counts?.created),
                num(l.counts?.updated),
                num(l.counts?.unchanged),
                num(l.counts?.skipped),
                num(l.problems),
              ),
            ),
          ),
        ),
      ),
      r.rows > 0 && h('p', { class: 'muted' }, t('import.relations', { added: rel.added, updated: rel.updated, removed: rel.removed, unchanged: rel.unchanged })),
      warnings.length > 0 && h('div', { class: 'import-warnings' }, h('h3', { class: 'import-subtitle' }, t('import.warnings')), h('ul', {}, ...warnings.map((w) => h('li', {}, w)))),
    );
  }

  function problemsTable(r: ImportReport, errors: ImportRowError[]): HTMLElement {
    return h(
      'div',
      { class: 'import-problems' },
      h('h3', { class: 'import-subtitle', id: 'import-problems-title' }, t('import.problems')),
      r.error_count > errors.length && h('p', { class: 'muted' }, t('import.problemsMore', { shown: errors.length, count: r.error_count })),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { id: 'import-problems', class: 'stack-table', 'aria-labelledby': 'import-problems-title' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...(['file', 'sheet', 'row', 'column', 'value', 'message'] as const).map((c) => h('th', { scope: 'col', class: c === 'row' ? 'num' : null }, t(`import.col.${c}`))),
            ),
          ),
          h(
            'tbody',
            {},
            ...errors.map((e) =>
              h(
                'tr',
                { 'data-row': e.row, 'data-column': e.column ?? '', 'data-code': e.code, title: problemPlace(r, e) },
                // data-label names the column where a narrow screen stacks the cells.
                h('td', { 'data-label': t('import.col.file') }, e.file),
                h('td', { 'data-label': t('import.col.sheet') }, problemSheet(r, e) || dash),
                h('td', { class: 'num', 'data-label': t('import.col.row') }, e.row > 0 ? formatInt(e.row) : t('import.wholeFile')),
                h('td', { 'data-label': t('import.col.column') }, e.column || t('import.wholeRow')),
                h('td', { 'data-label': t('import.col.value') }, e.value ? h('code', { class: 'cell-value' }, e.value) : dash),
                h(
                  'td',
                  { 'data-label': t('import.col.message') },
                  h(
                    'div',
                    {},
                    h('strong', { class: 'problem-kind' }, problemLabel(e.code)),
                    ' ',
                    h('span', { class: 'problem-message' }, e.message),
                    e.suggestions && e.suggestions.length > 0 && h('p', { class: 'suggestions' }, t('import.suggestions', { names: e.suggestions.join(', ') })),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }

  return {
    element,
    render(u, r) {
      if (u?.username !== user?.username) {
        loader.abort();
        files = [];
        rejected = [];
        state = { step: 'idle' };
      }
      user = u;
      regions = r;
      draw();
    },
    stop: () => loader.stop(),
  };
}
