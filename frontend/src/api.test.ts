import { describe, expect, it, vi } from 'vitest';
import { setLanguage } from './i18n';
import { ApiClient, Problem, isAbort } from './api';

function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

const regions = {
  items: [{ id: '05562', name: 'Kreis Recklinghausen', kind: 'county', population: 610000 }],
  next_cursor: '',
  total: 1,
};

describe('ApiClient.listRegions', () => {
  it('GETs /api/v1/regions asking for JSON and returns the page', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(regions));
    const page = await new ApiClient({ fetch }).listRegions();

    expect(page).toEqual(regions);
    expect(page.items[0]?.name).toBe('Kreis Recklinghausen');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/v1/regions');
    expect(init?.method).toBe('GET');
    expect(new Headers(init?.headers).get('Accept')).toContain('application/problem+json');
    expect(new Headers(init?.headers).get('Accept-Language')).toBe('de');
  });

  it('asks for the sentences of the service in the language of the page', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(regions));
    setLanguage('en');
    try {
      await new ApiClient({ fetch }).listRegions();
    } finally {
      setLanguage('de');
    }
    expect(new Headers(fetch.mock.calls[0]![1]?.headers).get('Accept-Language')).toBe('en');
  });

  it('sends limit and cursor as query parameters', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(regions));
    await new ApiClient({ fetch, baseUrl: '/api/v1/' }).listRegions({ limit: 50, cursor: 'abc/=' });
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/regions?limit=50&cursor=abc%2F%3D');
  });

  it('uses the global fetch when none is given', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(regions));
    vi.stubGlobal('fetch', fetch);
    await new ApiClient().listRegions();
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('throws a Problem with the members of a problem+json body', async () => {
    const body = {
      type: 'https://netzwerkatlas.example/problems/invalid',
      title: 'Invalid request',
      status: 400,
      detail: 'limit must be between 1 and 500',
      instance: '/api/v1/regions',
      errors: [{ field: 'limit', message: 'must be between 1 and 500' }, { bogus: true }],
    };
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(body, 400, 'application/problem+json'));

    const error = await new ApiClient({ fetch }).listRegions({ limit: 9999 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(Problem);
    expect(error).toBeInstanceOf(Error);
    const problem = error as Problem;
    expect(problem.status).toBe(400);
    expect(problem.title).toBe('Invalid request');
    expect(problem.detail).toBe('limit must be between 1 and 500');
    expect(problem.message).toBe('limit must be between 1 and 500');
    expect(problem.type).toBe(body.type);
    expect(problem.instance).toBe('/api/v1/regions');
    expect(problem.errors).toEqual([{ field: 'limit', message: 'must be between 1 and 500' }]);
  });

  it('turns an error without problem body into an about:blank Problem', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValue(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));

    const problem = (await new ApiClient({ fetch }).listRegions().catch((e: unknown) => e)) as Problem;

    expect(problem).toBeInstanceOf(Problem);
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: '' });
  });

  it('survives a problem+json body that is not JSON', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValue(new Response('oops', { status: 500, headers: { 'Content-Type': 'application/problem+json' } }));
    const problem = (await new ApiClient({ fetch }).listRegions().catch((e: unknown) => e)) as Problem;
    expect(problem).toMatchObject({ status: 500, detail: '' });
  });

  it('rejects a success answer that is not a list envelope', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json({ id: '05562' }));
    await expect(new ApiClient({ fetch }).listRegions()).rejects.toThrow(/not a list envelope/);
  });

  it('rejects a success answer that is not JSON', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(new Response('<!doctype html>', { status: 200 }));
    const error = await new ApiClient({ fetch }).listRegions().catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(Problem);
    expect(String(error)).toMatch(/not JSON/);
  });

  it('passes network failures through unchanged', async () => {
    const failure = new TypeError('Failed to fetch');
    const fetch = vi.fn<typeof globalThis.fetch>().mockRejectedValue(failure);
    await expect(new ApiClient({ fetch }).listRegions()).rejects.toBe(failure);
  });

  it('passes the abort signal on, and an abort is recognisable', async () => {
    const controller = new AbortController();
    const fetch = vi.fn<typeof globalThis.fetch>((_url, init) => {
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    });
    const pending = new ApiClient({ fetch }).listRegions({ signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
    expect(isAbort(new Error('x'))).toBe(false);
  });
});

describe('ApiClient import and downloads', () => {
  const report = { dry_run: true, ok: true, written: false, files: [], rows: 0, created: 0, updated: 0, unchanged: 0, skipped: 0,
    relations: { added: 0, updated: 0, removed: 0, unchanged: 0 }, errors: [], error_count: 0, warnings: [] };

  it('POSTs the files as multipart/form-data with the CSRF header and the dry run flag', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => json(report));
    const api = new ApiClient({ fetch, csrfToken: () => 'tok' });
    const files = [new File(['Titel;Kreis\n'], 'massnahmen.csv', { type: 'text/csv' }), new File(['{}'], 'export.json')];

    expect(await api.importFiles(files, { dryRun: true, region: '05562' })).toEqual(report);

    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/v1/import?dry_run=true&region=05562');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('X-CSRF-Token')).toBe('tok');
    // The browser writes the multipart Content-Type with its boundary itself.
    expect(headers.get('Content-Type')).toBeNull();
    const form = init?.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.getAll('file').map((f) => (f as File).name)).toEqual(['massnahmen.csv', 'export.json']);

    await api.importFiles(files.slice(0, 1), { dryRun: false });
    expect(fetch.mock.calls[1]![0]).toBe('/api/v1/import?dry_run=false');
  });

  it('keeps the report of a refused import as an extension member of the Problem', async () => {
    const refused = { type: 'https://netzwerkatlas.example/problems/invalid', title: 'Bad Request', status: 400,
      detail: '1 problems in the import; nothing was written', errors: [{ field: 'massnahmen.csv, row 3, Gemeinden', message: 'unknown' }],
      request_id: 'abc', report: { ...report, ok: false, error_count: 1 } };
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(json(refused, 400, 'application/problem+json'));
    const problem = (await new ApiClient({ fetch }).importFiles([new File(['x'], 'massnahmen.csv')], { dryRun: false }).catch((e: unknown) => e)) as Problem;
    expect(problem).toBeInstanceOf(Problem);
    expect(problem.detail).toBe(refused.detail);
    expect(problem.errors).toEqual(refused.errors);
    expect(problem.extensions).toEqual({ request_id: 'abc', report: refused.report });
  });

  it('follows an import that runs as a job until it ends, reporting each step', async () => {
    vi.useFakeTimers();
    try {
      const progress = { phase: 'reading', bytes_read: 0, bytes_total: 2000000, rows_read: 0, rows_valid: 0, rows_written: 0 };
      const base = { id: 'job_01', kind: 'import', cancel_requested: false, created_at: '', updated_at: '' };
      const fetch = vi
        .fn<typeof globalThis.fetch>()
        .mockResolvedValueOnce(json({ ...base, state: 'queued', progress }, 202))
        .mockResolvedValueOnce(json({ ...base, state: 'running', progress: { ...progress, bytes_read: 1000000, rows_read: 7000, rows_valid: 6990 } }))
        .mockResolvedValueOnce(json({ ...base, state: 'succeeded', status: 200, report, progress: { ...progress, phase: 'done', rows_read: 14000 } }));
      const seen: string[] = [];
      const answer = new ApiClient({ fetch }).importFiles([new File(['x'], 'massnahmen.csv')], { dryRun: true, onProgress: (j) => seen.push(`${j.state}:${j.progress.rows_read}`) });
      await vi.runAllTimersAsync();
      expect(await answer).toEqual(report);
      expect(seen).toEqual(['queued:0', 'running:7000', 'succeeded:14000']);
      expect(fetch.mock.calls.map((c) => `${c[1]?.method} ${String(c[0])}`)).toEqual([
        'POST /api/v1/import?dry_run=true',
        'GET /api/v1/import/jobs/job_01',
        'GET /api/v1/import/jobs/job_01',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('throws the problem of a job whose rows were wrong, with the report, and cancels a job when aborted', async () => {
    const progress = { phase: 'done', bytes_read: 5, bytes_total: 5, rows_read: 2, rows_valid: 1, rows_written: 0 };
    const base = { id: 'job_02', kind: 'import', cancel_requested: false, created_at: '', updated_at: '', progress };
    const problemDoc = { type: 'https://netzwerkatlas.example/problems/invalid', title: 'Bad Request', status: 400, detail: '1 Problem beim Import; es wurde nichts geschrieben' };
    const bad = { ...report, ok: false, error_count: 1 };
    let fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValueOnce(json({ ...base, state: 'succeeded', status: 400, report: bad, problem: problemDoc }, 202));
    const problem = (await new ApiClient({ fetch }).importFiles([new File(['x'], 'm.csv')], { dryRun: false }).catch((e: unknown) => e)) as Problem;
    expect(problem).toBeInstanceOf(Problem);
    expect(problem.status).toBe(400);
    expect(problem.detail).toBe(problemDoc.detail);
    expect(problem.extensions).toEqual({ report: bad });

    fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(json({ ...base, id: 'job_03', state: 'running', progress: { ...progress, phase: 'reading' } }, 202))
      .mockResolvedValue(json({ ...base, id: 'job_03', state: 'running', cancel_requested: true }, 202));
    const controller = new AbortController();
    const running = new ApiClient({ fetch }).importFiles([new File(['x'], 'm.csv')], { dryRun: false }, controller.signal).catch((e: unknown) => e);
    await Promise.resolve();
    controller.abort();
    expect(isAbort(await running)).toBe(true);
    await vi.waitFor(() => expect(fetch.mock.calls.map((c) => `${c[1]?.method} ${String(c[0])}`)).toContain('POST /api/v1/import/jobs/job_03/cancel'));
  });

  it('builds the addresses of templates and exports', () => {
    const api = new ApiClient();
    expect(api.templateHref('xlsx')).toBe('/api/v1/import/template?format=xlsx');
    expect(api.templateHref('csv', { sheet: 'measures', region: '05562' })).toBe('/api/v1/import/template?format=csv&sheet=measures&region=05562');
    expect(api.exportHref('geojson', { region: '05562' })).toBe('/api/v1/export?format=geojson&region=05562');
    expect(api.exportHref('json')).toBe('/api/v1/export?format=json');
  });
});
