import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from './fetchMock';
import { me, renderApp } from './render';

afterEach(() => vi.unstubAllGlobals());

const transfer = { name: 'hello.test', status: 'pending', requestedBy: 'reg-b', requestedAt: '2026-01-10T10:00:00Z', actionBy: '2026-01-15T10:00:00Z', losingRegistrar: 'reg-a' };
const domain = { name: 'hello.test', registrarId: 'reg-a', statuses: ['pendingTransfer'], expiresAt: '2027-01-15T10:00:00Z', nameservers: [], transfer };

describe('transfer actions on the domain page', () => {
  it('lets the losing registrar approve, with the CSRF header', async () => {
    let answered = false;
    const calls = mockFetch({
      'GET /api/domains/hello.test': () => ({ body: { domain: answered ? { ...domain, registrarId: 'reg-b', statuses: ['ok'], transfer: { ...transfer, status: 'clientApproved' } } : domain, history: [] } }),
      'POST /api/domains/hello.test/transfer/approve': () => {
        answered = true;
        return { body: { ...transfer, status: 'clientApproved' } };
      },
    });
    renderApp('/domains/hello.test', me('REGISTRAR'));
    const u = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'Transfer pending' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel transfer' })).toBeNull();
    await u.click(screen.getByRole('button', { name: 'Approve transfer' }));
    expect(await screen.findByText('Transfer approved (clientApproved).')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Transfer clientApproved' })).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers['X-CSRF-Token']).toBe('csrf-123');
    expect(post.body).toEqual({});
  });

  it('shows a refused rejection as a problem', async () => {
    mockFetch({
      'GET /api/domains/hello.test': () => ({ body: { domain, history: [] } }),
      'POST /api/domains/hello.test/transfer/reject': () => problem(409, 'conflict', 'Conflict', 'no transfer is pending', { code: 2301 }),
    });
    renderApp('/domains/hello.test', me('ADMIN'));
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Reject transfer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Conflict: no transfer is pending');
    expect(screen.getByRole('button', { name: 'Cancel transfer' })).toBeInTheDocument();
  });

  it('offers no transfer actions to auditors', async () => {
    mockFetch({ 'GET /api/domains/hello.test': () => ({ body: { domain, history: [] } }) });
    renderApp('/domains/hello.test', me('AUDITOR'));
    expect(await screen.findByRole('heading', { name: 'Transfer pending' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /transfer/ })).toBeNull();
  });
});

describe('poll messages', () => {
  it('acknowledges a message and reloads the queue', async () => {
    let acked = false;
    const calls = mockFetch({
      'GET /api/poll': () => ({ body: { items: acked ? [] : [{ id: 'm1', queuedAt: '2026-01-10T10:00:00Z', kind: 'TRANSFER', message: 'Transfer requested.', objectName: 'hello.test' }], count: acked ? 0 : 1 } }),
      'DELETE /api/poll/m1': () => {
        acked = true;
        return { body: { ackedId: 'm1', count: 0, nextId: null } };
      },
    });
    renderApp('/poll', me('REGISTRAR'));
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Acknowledge message m1' }));
    expect(await screen.findByText('Message m1 acknowledged; 0 left in the queue.')).toBeInTheDocument();
    expect(await screen.findByText('Nothing here.')).toBeInTheDocument();
    const del = calls.find((c) => c.method === 'DELETE')!;
    expect(del.url).toBe('/api/poll/m1');
    expect(del.headers['X-CSRF-Token']).toBe('csrf-123');
  });

  it('sends the chosen registrar when an admin acknowledges; auditors get no button', async () => {
    const calls = mockFetch({
      'GET /api/poll': () => ({ body: { items: [{ id: 'm2', queuedAt: '2026-01-10T10:00:00Z', message: 'x' }] } }),
      'DELETE /api/poll/m2': () => ({ body: { ackedId: 'm2', count: 0 } }),
    });
    const { unmount } = renderApp('/poll', me('ADMIN'));
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Registrar id'), 'reg-a');
    await u.click(screen.getByRole('button', { name: 'Show' }));
    await u.click(await screen.findByRole('button', { name: 'Acknowledge message m2' }));
    await screen.findByText(/Message m2 acknowledged/);
    expect(calls.find((c) => c.method === 'DELETE')!.url).toBe('/api/poll/m2?registrar=reg-a');
    unmount();
    renderApp('/poll', me('AUDITOR'));
    await u.type(screen.getByLabelText('Registrar id'), 'reg-a');
    await u.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByText('x')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Acknowledge/ })).toBeNull();
  });
});

describe('lookup', () => {
  it('requires a query, then shows a domain', async () => {
    const calls = mockFetch({
      'GET /api/lookup': () => ({ body: { kind: 'domain', domain: { name: 'hello.test', registrarId: 'reg-a', registrar: 'Registrar A', statuses: ['ok'], nameservers: ['ns1.hello.test'], dnssec: false } } }),
    });
    renderApp('/lookup', me('REGISTRAR'));
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Look up' }));
    expect(screen.getByLabelText('Name or id')).toHaveAccessibleDescription(/Enter a domain name, host name/);
    expect(calls).toHaveLength(0);
    await u.type(screen.getByLabelText('Name or id'), 'Hello.test');
    await u.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Domain hello.test' })).toBeInTheDocument();
    expect(screen.getByText('Registrar A (reg-a)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open hello.test' })).toBeInTheDocument();
    expect(calls[0].url).toBe('/api/lookup?q=hello.test');
  });

  it('says when nothing matched, and lists a prefix search', async () => {
    mockFetch({
      'GET /api/lookup': (c) => c.url.includes('nope')
        ? problem(404, 'not-found', 'Not Found', 'nothing matches nope.test')
        : { body: { kind: 'search', domains: [{ name: 'hello.test', registrarId: 'reg-a' }], hosts: [] } },
    });
    renderApp('/lookup', me('AUDITOR'));
    const u = userEvent.setup();
    await u.type(await screen.findByLabelText('Name or id'), 'nope.test');
    await u.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText('Nothing found for nope.test.')).toBeInTheDocument();
    await u.clear(screen.getByLabelText('Name or id'));
    await u.type(screen.getByLabelText('Name or id'), 'hel*');
    await u.click(screen.getByRole('button', { name: 'Look up' }));
    const table = await screen.findByRole('table', { name: 'Domains (at most 50)' });
    expect(within(table).getByText('hello.test')).toBeInTheDocument();
  });
});
