// The one way the panel talks to the API: JSON under /api, the session cookie, a CSRF header
// on every request that is not a GET/HEAD, and RFC 9457 problem details turned into ApiError.

/** A field-level problem, as the API lists them in a problem's `errors` member. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem (`application/problem+json`) or any other failed response. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly type?: string;
  readonly code?: number | string;
  readonly errors: FieldError[];

  constructor(status: number, problem: Record<string, unknown>) {
    const title = str(problem.title) ?? str(problem.message) ?? `HTTP ${status}`;
    super(str(problem.detail) ?? title);
    this.status = status;
    this.title = title;
    this.detail = str(problem.detail);
    this.type = str(problem.type);
    this.code = (problem.code ?? problem.resultCode) as number | string | undefined;
    this.errors = toFieldErrors(problem.errors ?? problem['invalid-params']);
  }

  /** What to tell the user: the detail if any, else the title. */
  get userMessage(): string {
    if (this.status === 403) {
      return this.detail ?? 'You are not allowed to do this: this page is for registry administrators.';
    }
    if (this.status === 0) {
      return this.detail ?? 'The registry could not be reached. Check your connection and try again.';
    }
    return this.detail ? `${this.title}: ${this.detail}` : this.title;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function toFieldErrors(v: unknown): FieldError[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((e) => {
    if (e && typeof e === 'object') {
      const o = e as Record<string, unknown>;
      const field = str(o.field) ?? str(o.name) ?? str(o.pointer)?.replace(/^\/?/, '');
      const message = str(o.message) ?? str(o.reason) ?? str(o.detail);
      if (field && message) return [{ field, message }];
    }
    return [];
  });
}

let csrfToken: string | undefined;

/** Remembers the CSRF token the API handed out with the session. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export const CSRF_HEADER = 'X-CSRF-Token';
// __Host-csrf normally; csrf when the API runs with PANEL_COOKIE_SECURE=false
const CSRF_COOKIES = ['__Host-csrf', 'csrf'];

function currentCsrfToken(): string | undefined {
  if (csrfToken) return csrfToken;
  if (typeof document === 'undefined') return undefined;
  for (const name of CSRF_COOKIES) {
    const m = document.cookie.match(new RegExp(`(?:^|;\\s*)${name}=([^;]+)`));
    if (m) return decodeURIComponent(m[1]);
  }
  return undefined;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

/** Called when the API says the session is gone (401), so the app can go to sign-in. */
let onUnauthorized: (() => void) | undefined;
export function setUnauthorizedHandler(f: (() => void) | undefined): void {
  onUnauthorized = f;
}

/**
 * One API call. `body` is sent as JSON, unless `contentType` is given: then it is sent as it is
 * (a string, e.g. a CSV file with `text/csv`).
 */
export async function request<T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = contentType ?? 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const t = currentCsrfToken();
    // Always sent, so that a missing token is the server's clear 403, not a silent omission.
    headers[CSRF_HEADER] = t ?? '';
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : contentType ? String(body) : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { title: 'Network error' });
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
      if (res.status === 401 && onUnauthorized && !path.startsWith('/session')) onUnauthorized();
    const problem = json && typeof json === 'object' ? (json as Record<string, unknown>) : { title: res.statusText || `HTTP ${res.status}` };
    throw new ApiError(res.status, problem);
  }
  const newToken = res.headers.get(CSRF_HEADER);
  if (newToken) csrfToken = newToken;
  return json as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  del: <T>(path: string, body?: unknown) => request<T>('DELETE', path, body),
  /** POST of a text body (CSV imports), with the same CSRF header and problem handling. */
  postText: <T>(path: string, text: string, contentType: string) => request<T>('POST', path, text, contentType),
};
