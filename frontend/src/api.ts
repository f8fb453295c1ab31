// A small typed client for the JSON API under /api/v1. Every failed request becomes a
// Problem (RFC 9457), whether the server sent application/problem+json or not, so views
// handle one error type. Network failures and aborts are passed through unchanged.

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

  constructor(details: ProblemDetails) {
    super(details.detail || details.title);
    this.type = details.type;
    this.title = details.title;
    this.status = details.status;
    this.detail = details.detail;
    if (details.instance !== undefined) this.instance = details.instance;
    if (details.errors !== undefined) this.errors = details.errors;
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

/** A region (Kreis or kreisfreie Stadt), keyed by its 5-digit Kreisschlüssel. */
export interface Region {
  id: string;
  name: string;
  /** e.g. "county"; unknown kinds are shown as they are. */
  kind: string;
  [property: string]: unknown;
}

export interface ListOptions {
  limit?: number;
  cursor?: string;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  /** Prefix of every path; default "/api/v1". */
  baseUrl?: string;
  /** The fetch to use; default the browser's. Tests pass a mock. */
  fetch?: typeof fetch;
}

type Query = Record<string, string | number | undefined>;

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '/api/v1').replace(/\/+$/, '');
    // Looked up at call time so a fetch stubbed after construction is used, and called
    // unbound-safe: the browser's fetch throws "Illegal invocation" on a foreign `this`.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** GET /regions: one page of regions. */
  listRegions(options: ListOptions = {}): Promise<Page<Region>> {
    return this.list<Region>('/regions', options);
  }

  /** GETs a list endpoint and checks the envelope. */
  async list<T>(path: string, { limit, cursor, signal }: ListOptions = {}): Promise<Page<T>> {
    const body = await this.get(path, { limit, cursor: cursor || undefined }, signal);
    if (!isPage(body)) throw new Error(`GET ${path}: response is not a list envelope`);
    return body as Page<T>;
  }

  /** GETs path below the base URL and returns the parsed JSON body; throws Problem on errors. */
  async get(path: string, query: Query = {}, signal?: AbortSignal): Promise<unknown> {
    const url = this.url(path, query);
    const init: RequestInit = {
      method: 'GET',
      headers: { Accept: 'application/json, application/problem+json' },
      credentials: 'same-origin',
    };
    if (signal) init.signal = signal;
    const response = await this.fetchImpl(url, init);
    if (!response.ok) throw await problemFrom(response);
    try {
      return await response.json();
    } catch {
      throw new Error(`GET ${path}: response is not JSON`);
    }
  }

  private url(path: string, query: Query): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) params.set(name, String(value));
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
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Error).name === 'AbortError';
}
