// A small typed client for the JSON API under /api/v1. Every failed request becomes a
// Problem (RFC 9457), whether the server sent application/problem+json or not, so views
// handle one error type. Network failures and aborts are passed through unchanged.
// Unsafe requests echo the CSRF cookie that sign-in sets (double submit), and edits send the
// version they started from in If-Match, so that a concurrent change becomes a 412 Problem
// with the current version instead of a silent overwrite. Every request says the page's
// language in Accept-Language, so that the sentences the service writes (explanations, audit
// summaries, problems) are in the language of the page around them.

import { getLanguage, t } from './i18n';
import type {
  AttainmentResult,
  AuditEntry,
  Collection,
  Comparison,
  Coverage,
  DuplicateModelChoice,
  Duplicates,
  EgoNetwork,
  Gaps,
  GoalMonitoring,
  ImportJob,
  ImportReport,
  IndicatorAttainment,
  LoginResult,
  MapCollection,
  NetworkAnalysis,
  Node,
  Partners,
  Region,
  Relation,
  SearchHit,
  Snapshot,
  SnapshotInfo,
  Structures,
  User,
  Verdict,
  VerdictResult,
  OfferVerdict,
  CoordinationList,
  SnapshotTrend,
} from './types';

export type { Region } from './types';

/** One entry of a validation problem: which field is wrong and why. */
export interface FieldError {
  field: string;
  message: string;
}

/** The members of an RFC 9457 problem details object that the app understands. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  /** With 412: the version the resource has now. */
  current_version?: number;
  /** Members beyond the standard ones (RFC 9457 extension members), such as an import's report. */
  extensions?: Record<string, unknown>;
}

/** An error answer of the API, as RFC 9457 problem details. */
export class Problem extends Error implements ProblemDetails {
  override readonly name = 'Problem';
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly errors?: FieldError[];
  /** With 412 Precondition Failed: the version the resource has now. */
  readonly currentVersion?: number;
  /** The problem's extension members (RFC 9457), e.g. `report` of a refused import. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(details: ProblemDetails) {
    super(details.detail || details.title);
    this.type = details.type;
    this.title = details.title;
    this.status = details.status;
    this.detail = details.detail;
    if (details.instance !== undefined) this.instance = details.instance;
    if (details.errors !== undefined) this.errors = details.errors;
    if (details.current_version !== undefined) this.currentVersion = details.current_version;
    this.extensions = details.extensions ?? {};
  }

  /** True for 412: someone else changed the resource since it was read. */
  get isConflict(): boolean {
    return this.status === 412;
  }
}

/** The envelope of every list endpoint. */
export interface Page<T> {
  items: T[];
  /** Opaque cursor of the next page; empty on the last page. */
  next_cursor: string;
  /** Number of items in all pages together. */
  total: number;
}

export interface ListOptions {
  limit?: number;
  cursor?: string;
  signal?: AbortSignal;
}

/** The list filters of GET /api/v1/{collection} and /search. */
export interface Filters {
  region?: string;
  municipality?: string;
  field?: string;
  target_group?: string;
  organisation?: string;
  network?: string;
  kind?: string;
  status?: string;
  language?: string;
  visibility?: string;
}

export interface ApiClientOptions {
  /** Prefix of every path; default "/api/v1". */
  baseUrl?: string;
  /** The fetch to use; default the browser's. Tests pass a mock. */
  fetch?: typeof fetch;
  /** Returns the CSRF token to echo on unsafe requests; default: the nwa_csrf cookie. */
  csrfToken?: () => string | undefined;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data (the browser sets the boundary); instead of body. */
  form?: FormData;
  /** Content type of the body; default application/json. */
  contentType?: string;
  /** The version the change is based on; sent as If-Match: "<version>". */
  ifMatch?: number;
  signal?: AbortSignal;
}

/** A successful answer: its JSON body, its ETag version (when it had one) and status. */
export interface Answer<T> {
  data: T;
  version?: number;
  status: number;
}

/** One relationship of a change set; "self" stands for the entry. */
export interface ChangeRelation {
  type: string;
  from: string;
  to: string;
  props?: Record<string, string>;
}

/** The body of POST /changes. */
export interface ChangeRequest {
  kind: string;
  id?: string;
  version?: number;
  node?: Record<string, unknown>;
  relate?: ChangeRelation[];
  unrelate?: ChangeRelation[];
}

/** The body of POST /merges. */
export interface MergeRequest {
  kind: string;
  survivor: string;
  retired: string;
  survivor_version: number;
  retired_version: number;
  fields: Record<string, 'survivor' | 'retired'>;
}

/** A merge record as the service keeps it. */
export interface MergeRecord {
  id: string;
  kind: string;
  region: string;
  survivor: string;
  retired: string;
  at: string;
  by: string;
  fields: string[];
  moved: Relation[];
  undone: boolean;
  undone_at?: string;
  undone_by?: string;
}

/** The name of the cookie sign-in sets for the double-submit CSRF check. */
export const CSRF_COOKIE = 'nwa_csrf';

/** Reads one cookie from a document.cookie string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Parses an ETag such as "3" or W/"3" into a version number. */
export function versionFromETag(etag: string | null): number | undefined {
  if (!etag) return undefined;
  const m = /^(?:W\/)?"(\d+)"$/.exec(etag.trim());
  return m ? Number(m[1]) : undefined;
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly csrf: () => string | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/+$/, '');
    // Looked up at call time so a fetch stubbed after construction is used, and called
    // unbound-safe: the browser's fetch throws "Illegal invocation" on a foreign `this`.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.csrf =
      options.csrfToken ??
      (() => (typeof document === 'undefined' ? undefined : readCookie(document.cookie, CSRF_COOKIE)));
  }

  /** GET /regions: one page of regions. */
  listRegions(options: ListOptions = {}): Promise<Page<Region>> {
    return this.list<Region>('/regions', options);
  }

  /** GETs a list endpoint and checks the envelope. */
  async list<T>(path: string, { limit, cursor, signal }: ListOptions = {}, filters: Filters = {}): Promise<Page<T>> {
    const body = await this.get(path, { ...filters, limit, cursor: cursor || undefined }, signal);
    if (!isPage(body)) throw new Error(`GET ${path}: response is not a list envelope`);
    return body as Page<T>;
  }

  /** One page of a collection with filters. */
  listNodes<T extends Node>(collection: Collection, filters: Filters = {}, options: ListOptions = {}): Promise<Page<T>> {
    return this.list<T>(`/${collection}`, options, filters);
  }

  /** Every item of a collection, page by page (limit 500 each). */
  async listAll<T extends Node>(collection: Collection, filters: Filters = {}, signal?: AbortSignal): Promise<T[]> {
    const items: T[] = [];
    let cursor = '';
    for (;;) {
      const page = await this.listNodes<T>(collection, filters, { limit: 500, cursor, signal });
      items.push(...page.items);
      if (!page.next_cursor || page.items.length === 0) return items;
      cursor = page.next_cursor;
    }
  }

  /** One node with its version (from the ETag). */
  async getNode<T extends Node>(collection: Collection, id: string, signal?: AbortSignal): Promise<T> {
    const { data } = await this.request<T>('GET', `/${collection}/${encodeURIComponent(id)}`, { signal });
    return data;
  }

  /** The relationships of a node. */
  async relations(collection: Collection, id: string, signal?: AbortSignal): Promise<Relation[]> {
    const page = await this.list<Relation>(`/${collection}/${encodeURIComponent(id)}/relations`, { signal });
    return page.items;
  }

  /** Changes some fields of a node (JSON merge patch) based on the given version. */
  async patchNode<T extends Node>(collection: Collection, id: string, version: number, changes: Record<string, unknown>): Promise<T> {
    const { data } = await this.request<T>('PATCH', `/${collection}/${encodeURIComponent(id)}`, {
      body: changes,
      contentType: 'application/merge-patch+json',
      ifMatch: version,
    });
    return data;
  }

  /** Creates a node (POST /{collection}); 201 with the stored node and its version. */
  async createNode<T extends Node>(collection: Collection, body: Record<string, unknown>): Promise<T> {
    const { data } = await this.request<T>('POST', `/${collection}`, { body });
    return data;
  }

  /** Deletes a node; with version, only when it is still that version (If-Match). */
  async deleteNode(collection: Collection, id: string, version?: number): Promise<void> {
    await this.request<unknown>('DELETE', `/${collection}/${encodeURIComponent(id)}`, version !== undefined ? { ifMatch: version } : {});
  }

  /** Creates a relationship or replaces its properties (POST /relations). */
  async relate(rel: { type: string; from: string; to: string; props?: Record<string, string> }): Promise<Relation> {
    const { data } = await this.request<Relation>('POST', '/relations', { body: rel });
    return data;
  }

  /**
   * Creates an entry (no id) or changes one (id and the version it was opened with) together
   * with the relationships it gains and loses, all or nothing (POST /changes). "self" names
   * the entry at one end of a relationship. 412 when the entry changed since version.
   */
  async change<T extends Node>(body: ChangeRequest): Promise<{ node: T; relations: Relation[] }> {
    const { data } = await this.request<{ node: T; relations: Relation[] }>('POST', '/changes', { body });
    return data;
  }

  /**
   * Merges a data duplicate (POST /merges): the survivor keeps the chosen values and gains the
   * retired entry's relationships. 409 when either entry changed since its version was read.
   */
  async merge(body: MergeRequest): Promise<MergeRecord> {
    const { data } = await this.request<MergeRecord>('POST', '/merges', { body });
    return data;
  }

  /** Takes a merge back (POST /merges/{id}/undo); 409 when the survivor changed since. */
  async undoMerge(id: string): Promise<MergeRecord> {
    const { data } = await this.request<MergeRecord>('POST', `/merges/${encodeURIComponent(id)}/undo`);
    return data;
  }

  /** Removes a relationship (DELETE /relations). */
  async unrelate(rel: { type: string; from: string; to: string }): Promise<void> {
    await this.request<unknown>('DELETE', '/relations', { body: rel });
  }

  /** The monitoring of the integration concept: every indicator and goal judged as of year (0 or none: the latest). */
  monitoring(region: string, options: { year?: number; lang?: string } = {}, signal?: AbortSignal): Promise<AttainmentResult> {
    return this.getJSON<AttainmentResult>('/analysis/monitoring', { region, year: options.year || undefined, lang: options.lang }, signal);
  }

  /** One indicator's series and judgement as of year. */
  monitoringIndicator(id: string, options: { year?: number; lang?: string } = {}, signal?: AbortSignal): Promise<IndicatorAttainment> {
    return this.getJSON<IndicatorAttainment>(`/analysis/monitoring/indicators/${encodeURIComponent(id)}`, { year: options.year || undefined, lang: options.lang }, signal);
  }

  /** One goal's judgement with its indicators, sub-goals and measures (with their lead bodies). */
  monitoringGoal(id: string, options: { year?: number; lang?: string } = {}, signal?: AbortSignal): Promise<GoalMonitoring> {
    return this.getJSON<GoalMonitoring>(`/analysis/monitoring/goals/${encodeURIComponent(id)}`, { year: options.year || undefined, lang: options.lang }, signal);
  }

  /**
   * The address of the Sachstandsbericht (status report) of a region for a period: from and
   * to are saved snapshot ids or dates (YYYY-MM-DD); none means the service's default.
   */
  statusReportHref(region: string, format: 'html' | 'pdf' | 'docx' | 'xlsx', options: { from?: string; to?: string; lang?: string } = {}): string {
    return this.url('/reports/status', { region, from: options.from, to: options.to, format, lang: options.lang });
  }

  /** The review list of a region's duplicate offers as a download (German, one row per pair). */
  duplicatesHref(region: string, format: 'csv' | 'xlsx', options: { model?: DuplicateModelChoice } = {}): string {
    return this.url('/analysis/duplicates', { region, format, model: options.model === 'built_in' ? 'built_in' : undefined });
  }

  /** Full-text search with the list filters; types is a comma-separated list of kinds. */
  search(q: string, filters: Filters & { types?: string }, options: ListOptions = {}): Promise<Page<SearchHit>> {
    return this.list<SearchHit>('/search', options, { ...filters, q } as Filters);
  }

  mapMunicipalities(region: string, field?: string, targetGroup?: string, signal?: AbortSignal): Promise<MapCollection> {
    return this.getJSON<MapCollection>('/map/municipalities.geojson', { region, field, target_group: targetGroup }, signal);
  }

  coverage(region: string, targetGroup?: string, signal?: AbortSignal): Promise<Coverage> {
    return this.getJSON<Coverage>('/analysis/coverage', { region, target_group: targetGroup }, signal);
  }

  gaps(region: string, signal?: AbortSignal): Promise<Gaps> {
    return this.getJSON<Gaps>('/analysis/gaps', { region }, signal);
  }

  /**
   * The possible duplicate offers of a region with the review queue. model built_in scores
   * without the region's verdicts (the built-in weights), to see what the verdicts changed.
   */
  duplicates(region: string, signal?: AbortSignal, options: { model?: DuplicateModelChoice } = {}): Promise<Duplicates> {
    return this.getJSON<Duplicates>('/analysis/duplicates', { region, model: options.model === 'built_in' ? 'built_in' : undefined }, signal);
  }

  /** Records a verdict on a pair of offers; coordinating needs due (YYYY-MM-DD). */
  async recordVerdict(a: string, b: string, verdict: OfferVerdict, note?: string, due?: string): Promise<VerdictResult<OfferVerdict>> {
    const { data } = await this.request<VerdictResult<OfferVerdict>>('POST', '/analysis/duplicates/verdicts', {
      body: { a, b, verdict, ...(note ? { note } : {}), ...(due ? { due } : {}) },
    });
    return data;
  }

  /** The region's parallel offers under coordination, the earliest due date first. */
  coordinations(region: string, signal?: AbortSignal): Promise<CoordinationList> {
    return this.getJSON<CoordinationList>('/analysis/duplicates/coordinations', { region }, signal);
  }

  /** Overlapping structures of a region (bodies and concepts), explained in lang (de or en). */
  structures(region: string, lang?: string, signal?: AbortSignal): Promise<Structures> {
    return this.getJSON<Structures>('/analysis/structures', { region, lang }, signal);
  }

  /** A coordinator's verdict on a pair of networks or of concepts. */
  async recordStructureVerdict(a: string, b: string, verdict: Verdict, note?: string): Promise<VerdictResult> {
    const { data } = await this.request<VerdictResult>('POST', '/analysis/structures/verdicts', {
      body: { a, b, verdict, ...(note ? { note } : {}) },
    });
    return data;
  }

  partners(organisation: string, limit = 10, signal?: AbortSignal): Promise<Partners> {
    return this.getJSON<Partners>(`/analysis/partners/${encodeURIComponent(organisation)}`, { limit }, signal);
  }

  network(region: string, filters: { field?: string; municipality?: string } = {}, signal?: AbortSignal): Promise<NetworkAnalysis> {
    return this.getJSON<NetworkAnalysis>('/analysis/network', { region, ...filters }, signal);
  }

  ego(organisation: string, depth: number, signal?: AbortSignal): Promise<EgoNetwork> {
    return this.getJSON<EgoNetwork>(`/analysis/network/ego/${encodeURIComponent(organisation)}`, { depth }, signal);
  }

  async snapshots(region: string, signal?: AbortSignal): Promise<SnapshotInfo[]> {
    const page = await this.list<SnapshotInfo>('/snapshots', { signal }, { region });
    return page.items;
  }

  snapshot(id: string, signal?: AbortSignal): Promise<Snapshot> {
    return this.getJSON<Snapshot>(`/snapshots/${encodeURIComponent(id)}`, {}, signal);
  }

  async saveSnapshot(region: string, label: string): Promise<SnapshotInfo> {
    const { data } = await this.request<SnapshotInfo>('POST', '/snapshots', { body: { region, label } });
    return data;
  }

  /** Gives a saved snapshot another label (coordinators of its region and admins). */
  async relabelSnapshot(id: string, label: string): Promise<SnapshotInfo> {
    const { data } = await this.request<SnapshotInfo>('PATCH', `/snapshots/${encodeURIComponent(id)}`, { body: { label } });
    return data;
  }

  /** Deletes a saved snapshot (coordinators of its region and admins). */
  async deleteSnapshot(id: string): Promise<void> {
    await this.request<unknown>('DELETE', `/snapshots/${encodeURIComponent(id)}`, {});
  }

  compareSnapshots(from: string, to: string, signal?: AbortSignal): Promise<Comparison> {
    return this.getJSON<Comparison>('/snapshots/compare', { from, to }, signal);
  }

  /** The headline figures of the region's snapshots (all, or the ones named), oldest first. */
  snapshotTrend(region: string, ids?: readonly string[], signal?: AbortSignal): Promise<SnapshotTrend> {
    return this.getJSON<SnapshotTrend>('/snapshots/trend', { region, snapshots: ids?.length ? ids.join(',') : undefined }, signal);
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const { data } = await this.request<LoginResult>('POST', '/auth/login', { body: { username, password } });
    return data;
  }

  /**
   * Changes the signed-in user's password. The service ends every other session and API token
   * of the user and replaces this browser's session (new cookies), so the user stays signed in.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<User> {
    const { data } = await this.request<{ user: User }>('PUT', '/auth/me/password', {
      body: { current_password: currentPassword, new_password: newPassword },
    });
    return data.user;
  }

  async logout(): Promise<void> {
    await this.request<unknown>('POST', '/auth/logout', {});
  }

  /** The signed-in user, or null when nobody is signed in (401). */
  async me(signal?: AbortSignal): Promise<User | null> {
    try {
      return await this.getJSON<User>('/auth/me', {}, signal);
    } catch (error) {
      if (error instanceof Problem && error.status === 401) return null;
      throw error;
    }
  }

  audit(filters: { region?: string; entity?: string }, options: ListOptions = {}): Promise<{ items: AuditEntry[]; next_cursor: string }> {
    return this.getJSON('/audit', { ...filters, limit: options.limit, cursor: options.cursor || undefined }, options.signal);
  }

  async users(signal?: AbortSignal): Promise<User[]> {
    const page = await this.list<User>('/users', { signal });
    return page.items;
  }

  /** Creates a user; without a password the service generates one and returns it once. */
  async createUser(user: { username: string; admin?: boolean; roles: Record<string, string>; password?: string }): Promise<{ user: User; password?: string }> {
    const { data } = await this.request<{ user: User; password?: string }>('POST', '/users', { body: user });
    return data;
  }

  async updateUser(username: string, version: number | undefined, changes: Partial<User> & { password?: string }): Promise<User> {
    const { data } = await this.request<User>('PATCH', `/users/${encodeURIComponent(username)}`, {
      body: changes,
      contentType: 'application/merge-patch+json',
      ...(version !== undefined ? { ifMatch: version } : {}),
    });
    return data;
  }

  async deleteUser(username: string): Promise<void> {
    await this.request<unknown>('DELETE', `/users/${encodeURIComponent(username)}`, {});
  }

  /** GETs path and returns the parsed JSON body. */
  async getJSON<T>(path: string, query: Query = {}, signal?: AbortSignal): Promise<T> {
    return (await this.get(path, query, signal)) as T;
  }

  /** GETs path below the base URL and returns the parsed JSON body; throws Problem on errors. */
  async get(path: string, query: Query = {}, signal?: AbortSignal): Promise<unknown> {
    const { data } = await this.request<unknown>('GET', path, { query, ...(signal ? { signal } : {}) });
    return data;
  }

  /** Sends one request; throws Problem on an error answer. */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Answer<T>> {
    const url = this.url(path, options.query ?? {});
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': getLanguage() };
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (options.form !== undefined) {
      init.body = options.form;
    } else if (options.body !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
    if (method !== 'GET' && method !== 'HEAD') {
      const token = this.csrf();
      if (token) headers['X-CSRF-Token'] = token;
    }
    if (options.signal) init.signal = options.signal;
    const response = await this.fetchImpl(url, init);
    if (!response.ok) throw await problemFrom(response);
    const version = versionFromETag(response.headers.get('ETag'));
    if (response.status === 204) return { data: undefined as T, status: 204, ...(version !== undefined ? { version } : {}) };
    let data: T;
    try {
      data = (await response.json()) as T;
    } catch {
      throw new Error(`${method} ${path}: response is not JSON`);
    }
    return { data, status: response.status, ...(version !== undefined ? { version } : {}) };
  }

  /**
   * POST /import: sends the files as multipart/form-data (one part "file" each, with its
   * name). dryRun only validates. Returns the report; a real run refused because of its rows
   * throws a Problem whose extensions hold the report (see importReportOf in exchange.ts).
   * Files from 1 MiB run as a job on the service (202): the job is followed until it ends,
   * onProgress hears each step, and aborting the signal cancels the job (nothing is written).
   */
  async importFiles(
    files: readonly File[],
    options: { dryRun: boolean; region?: string; onProgress?: (job: ImportJob) => void },
    signal?: AbortSignal,
  ): Promise<ImportReport> {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    const answer = await this.request<ImportReport | ImportJob>('POST', '/import', {
      query: { dry_run: options.dryRun, region: options.region },
      form,
      ...(signal ? { signal } : {}),
    });
    if (answer.status !== 202) return answer.data as ImportReport;
    let job = answer.data as ImportJob;
    try {
      for (;;) {
        options.onProgress?.(job);
        if (job.state !== 'queued' && job.state !== 'running') break;
        await pause(importPollMs, signal);
        job = (await this.request<ImportJob>('GET', `/import/jobs/${encodeURIComponent(job.id)}`, signal ? { signal } : {})).data;
      }
    } catch (error) {
      // Leaving the page or choosing again cancels the job; the service writes nothing.
      if (isAbort(error)) void this.request('POST', `/import/jobs/${encodeURIComponent(job.id)}/cancel`).catch(() => undefined);
      throw error;
    }
    return importJobResult(job);
  }

  /**
   * POST /import/jobs/{id}/cancel: asks the service to stop an import job. The job's own
   * answer (followed by importFiles) then says whether it stopped in time: cancelled, or
   * ended before the request arrived.
   */
  async cancelImportJob(id: string): Promise<void> {
    await this.request<ImportJob>('POST', `/import/jobs/${encodeURIComponent(id)}/cancel`);
  }

  /** The address of an import template: xlsx (all sheets) or csv (one sheet, or a zip of all). */
  templateHref(format: 'xlsx' | 'csv', options: { sheet?: string; region?: string } = {}): string {
    return this.url('/import/template', { format, sheet: options.sheet, region: options.region });
  }

  /** The address of an export download of what the caller may read. */
  exportHref(format: string, options: { region?: string } = {}): string {
    return this.url('/export', { format, region: options.region });
  }

  private url(path: string, query: Query): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params.set(name, String(value));
    }
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }
}

function isPage(body: unknown): body is Page<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const page = body as Record<string, unknown>;
  return Array.isArray(page.items) && typeof page.total === 'number';
}

/**
 * Turns an error response into a Problem. A problem+json (or plain JSON) body supplies the
 * members it has; anything missing falls back to the HTTP status, as RFC 9457 does for
 * "about:blank".
 */
export async function problemFrom(response: Response): Promise<Problem> {
  const fallback: ProblemDetails = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: '',
  };
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!/^application\/(problem\+)?json\b/i.test(contentType)) return new Problem(fallback);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return new Problem(fallback);
  }
  if (typeof body !== 'object' || body === null) return new Problem(fallback);
  const b = body as Record<string, unknown>;
  const details: ProblemDetails = {
    type: typeof b.type === 'string' ? b.type : fallback.type,
    title: typeof b.title === 'string' ? b.title : fallback.title,
    status: typeof b.status === 'number' ? b.status : fallback.status,
    detail: typeof b.detail === 'string' ? b.detail : '',
  };
  if (typeof b.instance === 'string') details.instance = b.instance;
  if (typeof b.current_version === 'number') details.current_version = b.current_version;
  const standard = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors', 'current_version']);
  const extensions = Object.fromEntries(Object.entries(b).filter(([name]) => !standard.has(name)));
  if (Object.keys(extensions).length > 0) details.extensions = extensions;
  if (Array.isArray(b.errors)) {
    details.errors = b.errors.filter(
      (e): e is FieldError =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as FieldError).field === 'string' &&
        typeof (e as FieldError).message === 'string',
    );
  }
  return new Problem(details);
}

/** True for the error a fetch throws when its AbortSignal fires. */
/** How often a running import job is asked how far it is. */
export const importPollMs = 500;

/** Waits ms, or throws an AbortError when the signal aborts first. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * The answer of an ended import job as the direct answer would have been: the report, or a
 * Problem (with the report in its extensions when rows were wrong).
 */
export function importJobResult(job: ImportJob): ImportReport {
  if (job.state === 'succeeded' && job.report && (job.status ?? 200) < 300) return job.report;
  const p = job.problem;
  const extensions: Record<string, unknown> = job.report ? { report: job.report } : {};
  if (p) throw new Problem({ type: p.type, title: p.title, status: p.status, detail: p.detail, ...(p.errors ? { errors: p.errors } : {}), extensions });
  if (job.state === 'cancelled') {
    const detail = t('import.job.cancelled');
    throw new Problem({ type: cancelledProblem, title: detail, status: 409, detail, extensions });
  }
  const detail = t('import.job.failed');
  throw new Problem({ type: 'about:blank', title: detail, status: job.status ?? 500, detail, extensions });
}

/** The problem type of an import job that was cancelled (nothing was written). */
export const cancelledProblem = 'https://netzwerkatlas.example/problems/cancelled';

export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Error).name === 'AbortError';
}
