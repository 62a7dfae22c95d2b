import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken } from '../api/client';
import { mockFetch, problem } from './fetchMock';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(undefined);
  document.cookie = '__Host-csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('API client', () => {
  it('sends the CSRF token on every non-GET and never on GET', async () => {
    const calls = mockFetch({ 'GET /api/x': () => ({ body: {} }), 'POST /api/x': () => ({ body: {} }), 'DELETE /api/x': () => ({ status: 204 }) });
    setCsrfToken('t1');
    await api.get('/x');
    await api.post('/x', { a: 1 });
    await api.del('/x');
    expect(calls.map((c) => [c.method, c.headers['X-CSRF-Token']])).toEqual([['GET', undefined], ['POST', 't1'], ['DELETE', 't1']]);
  });

  it('falls back to the csrf cookie', async () => {
    const calls = mockFetch({ 'PATCH /api/x': () => ({ body: {} }) });
    document.cookie = 'csrf=from-cookie';
    await api.patch('/x', {});
    expect(calls[0].headers['X-CSRF-Token']).toBe('from-cookie');
  });

  it('turns problem+json into an ApiError with its code and detail', async () => {
    mockFetch({ 'POST /api/domains': () => problem(409, 'conflict', 'Conflict', 'domain hello.test exists', { code: 2302 }) });
    const e = (await api.post('/domains', {}).catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(409);
    expect(e.code).toBe(2302);
    expect(e.type).toBe('urn:opentld:problem:conflict');
    expect(e.userMessage).toBe('Conflict: domain hello.test exists');
  });
});
