import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (c: Call) => { status?: number; body?: unknown; type?: string } | undefined;

/** Replaces fetch with a router over `handlers` and records every call. */
export function mockFetch(handlers: Record<string, Handler>) {
  const calls: Call[] = [];
  const fn = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const c: Call = {
      method,
      url,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: init.body ? parse(String(init.body)) : undefined,
    };
    calls.push(c);
    const path = url.split('?')[0];
    const h = handlers[`${method} ${path}`];
    const r = h?.(c) ?? { status: 404, body: { type: 'urn:opentld:problem:not-found', title: 'Not Found', status: 404 }, type: 'application/problem+json' };
    const status = r.status ?? 200;
    return new Response(r.body === undefined ? null : JSON.stringify(r.body), {
      status,
      headers: { 'content-type': r.type ?? (status >= 400 ? 'application/problem+json' : 'application/json') },
    });
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

export const problem = (status: number, slug: string, title: string, detail?: string, extra: Record<string, unknown> = {}) => ({
  status,
  type: 'application/problem+json',
  body: { type: `urn:opentld:problem:${slug}`, title, status, detail, ...extra },
});

/** JSON bodies are parsed; others (a CSV import) are kept as text. */
function parse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
