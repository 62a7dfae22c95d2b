import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from './fetchMock';
import { me, renderApp } from './render';

afterEach(() => vi.unstubAllGlobals());

const domain = { name: 'hello.test', registrarId: 'reg-a', statuses: ['ok'], expiresAt: '2027-01-15T10:00:00Z', nameservers: [] };

describe('register a domain', () => {
  it('shows each invalid field’s message next to it and sends nothing', async () => {
    const calls = mockFetch({});
    renderApp('/domains/new', me('REGISTRAR'));
    const u = userEvent.setup();
    await u.type(await screen.findByLabelText('Domain name'), 'bad_name');
    await u.clear(screen.getByLabelText('Period (years)'));
    await u.type(screen.getByLabelText('Period (years)'), '11');
    await u.type(screen.getByLabelText('Auth code'), 'short');
    await u.click(screen.getByRole('button', { name: 'Register' }));
    expect(screen.getByLabelText('Domain name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Domain name')).toHaveAccessibleDescription(/full domain name with its TLD/);
    expect(screen.getByLabelText('Period (years)')).toHaveAccessibleDescription('Choose a period of 1 to 10 years.');
    expect(screen.getByLabelText('Auth code')).toHaveAccessibleDescription(/at least 8 characters/);
    expect(screen.getByLabelText('Domain name')).toHaveFocus();
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
  });

  it('posts the domain with the CSRF header and opens it', async () => {
    const calls = mockFetch({
      'POST /api/domains': () => ({ status: 201, body: { domain, fee: { minor: 1000, amount: '10.00', currency: 'USD' } } }),
      'GET /api/domains/hello.test': () => ({ body: { domain, history: [{ id: 'h1', at: '2026-01-15T10:00:00Z', action: 'CREATE', registrarId: 'reg-a', actor: 'alice' }] } }),
    });
    renderApp('/domains/new', me('REGISTRAR'));
    const u = userEvent.setup();
    await u.type(await screen.findByLabelText('Domain name'), 'Hello.test');
    await u.type(screen.getByLabelText('Auth code'), 'secret-auth-1');
    await u.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByRole('heading', { name: 'hello.test' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Registered hello.test for 10.00 USD.');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers['X-CSRF-Token']).toBe('csrf-123');
    expect(post.body).toEqual({ name: 'hello.test', years: 1, nameservers: [], authInfo: 'secret-auth-1' });
  });

  it('shows the problem detail when the API refuses', async () => {
    mockFetch({ 'POST /api/domains': () => problem(402, 'billing', 'Payment Required', 'balance plus credit does not cover 10.00 USD', { code: 2104 }) });
    renderApp('/domains/new', me('REGISTRAR'));
    const u = userEvent.setup();
    await u.type(await screen.findByLabelText('Domain name'), 'hello.test');
    await u.type(screen.getByLabelText('Auth code'), 'secret-auth-1');
    await u.click(screen.getByRole('button', { name: 'Register' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Payment Required: balance plus credit does not cover 10.00 USD');
  });
});

describe('sign in', () => {
  it('asks for the TOTP code after the password, then signs in', async () => {
    let signIns = 0;
    const calls = mockFetch({
      'POST /api/session': (c) => {
        signIns++;
        return (c.body as { totp?: string }).totp === '123456'
          ? { body: { user: me('ADMIN').user, csrfToken: 'tok' } }
          : problem(401, 'totp-required', 'Unauthorized', 'a TOTP code is required');
      },
      'GET /api/me': () => ({ body: me('ADMIN') }),
      'GET /api/dashboard': () => ({ body: { domainsByTld: [], activity: [], topRegistrars: [], balances: [] } }),
    });
    renderApp('/signin', null);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Username'), 'admin');
    await u.type(screen.getByLabelText('Password'), 'pw');
    await u.click(screen.getByRole('button', { name: 'Sign in' }));
    const code = await screen.findByLabelText('Authentication code');
    await waitFor(() => expect(code).toHaveFocus(), { timeout: 5000 });
    await u.type(code, '12345');
    await u.click(screen.getByRole('button', { name: 'Verify' }));
    expect(code).toHaveAccessibleDescription('Enter the 6-digit code from your authenticator app.');
    await u.type(code, '6');
    await u.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(signIns).toBe(2);
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ username: 'admin', password: 'pw' });
  });

  it('shows a lockout', async () => {
    mockFetch({ 'POST /api/session': () => problem(423, 'account-locked', 'Locked', 'too many failed sign-ins; try again at 10:15 UTC') });
    renderApp('/signin', null);
    const u = userEvent.setup();
    await u.type(screen.getByLabelText('Username'), 'admin');
    await u.type(screen.getByLabelText('Password'), 'pw');
    await u.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('too many failed sign-ins');
  });
});

describe('deposit', () => {
  it('validates the amount, then posts it as a decimal string', async () => {
    const reg = { id: 'reg-b', name: 'Reg B', status: 'ACTIVE', balance: { minor: 0, amount: '0.00', currency: 'USD' } };
    const calls = mockFetch({
      'GET /api/registrars/reg-b': () => ({ body: reg }),
      'GET /api/registrars/reg-b/ledger': () => ({ body: { items: [] } }),
      'POST /api/registrars/reg-b/deposits': () => ({ status: 201, body: { id: 'l1', at: '2026-01-01T00:00:00Z', kind: 'DEPOSIT', amount: { minor: 25050, amount: '250.50', currency: 'USD' } } }),
    });
    renderApp('/registrars/reg-b', me('ADMIN'));
    const u = userEvent.setup();
    await u.type(await screen.findByLabelText('Amount (USD)'), '-5');
    await u.click(screen.getByRole('button', { name: 'Deposit' }));
    expect(screen.getByLabelText('Amount (USD)')).toHaveAccessibleDescription(/positive amount/);
    expect(screen.getByLabelText('Reference')).toHaveAccessibleDescription(/Enter a reference/);
    await u.clear(screen.getByLabelText('Amount (USD)'));
    await u.type(screen.getByLabelText('Amount (USD)'), '250.5');
    await u.type(screen.getByLabelText('Reference'), 'wire 42');
    await u.click(screen.getByRole('button', { name: 'Deposit' }));
    expect(await screen.findByText('Deposited 250.50 USD.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ amount: '250.50', note: 'wire 42' });
  });
});
