import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from './fetchMock';
import { me, renderApp } from './render';

afterEach(() => vi.unstubAllGlobals());

const usd = (minor: number) => ({ minor, amount: (minor / 100).toFixed(2), currency: 'USD' });
const reg = {
  id: 'reg-b', name: 'Reg B', status: 'ACTIVE', ipAllowlist: ['192.0.2.0/24'], certFingerprints: [],
  balance: usd(0), creditLimit: usd(0), available: usd(0), version: 1,
};
const users = { items: [{ username: 'bob', role: 'REGISTRAR', registrarId: 'reg-b', totpEnabled: true }, { username: 'carol', role: 'REGISTRAR', registrarId: 'reg-b', totpEnabled: false }] };

function accountApi(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/registrars/reg-b': () => ({ body: reg }),
    'GET /api/registrars/reg-b/ledger': () => ({ body: { items: [] } }),
    'GET /api/registrars/reg-b/users': () => ({ body: users }),
    ...extra,
  });
}

describe('registrar account management', () => {
  it('suspends after confirming, then offers to reactivate', async () => {
    const calls = accountApi({
      'POST /api/registrars/reg-b/suspend': () => ({ body: { ...reg, status: 'SUSPENDED', version: 2 } }),
      'POST /api/registrars/reg-b/reactivate': () => ({ body: { ...reg, status: 'ACTIVE', version: 3 } }),
    });
    renderApp('/registrars/reg-b', me('ADMIN'));
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Suspend reg-b…' }));
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await u.click(screen.getByRole('button', { name: 'Yes, suspend' }));
    expect(await screen.findByText('reg-b is suspended.')).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Reactivate reg-b' }));
    expect(await screen.findByText('reg-b is active again.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.url, c.headers['X-CSRF-Token']])).toEqual([
      ['/api/registrars/reg-b/suspend', 'csrf-123'],
      ['/api/registrars/reg-b/reactivate', 'csrf-123'],
    ]);
  });

  it('validates the IP allowlist and puts it as a list', async () => {
    const calls = accountApi({ 'PUT /api/registrars/reg-b/ip-allowlist': (c) => ({ body: { ...reg, ...(c.body as object), version: 2 } }) });
    renderApp('/registrars/reg-b', me('ADMIN'));
    const u = userEvent.setup();
    const box = await screen.findByLabelText('Addresses and ranges');
    expect(box).toHaveValue('192.0.2.0/24');
    await u.type(box, '\n300.1.2.3');
    await u.click(screen.getByRole('button', { name: 'Save IP allowlist' }));
    expect(box).toHaveAccessibleDescription(/“300.1.2.3” is not an IPv4 or IPv6 address./);
    expect(box).toHaveFocus();
    await u.clear(box);
    await u.type(box, '192.0.2.0/24\n2001:db8::/32');
    await u.click(screen.getByRole('button', { name: 'Save IP allowlist' }));
    expect(await screen.findByText('IP allowlist saved (2 entries).')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ ipAllowlist: ['192.0.2.0/24', '2001:db8::/32'] });
  });

  it('checks certificate fingerprints', async () => {
    const fp = 'AB:'.repeat(31) + 'AB';
    const calls = accountApi({ 'PUT /api/registrars/reg-b/certificates': (c) => ({ body: { ...reg, ...(c.body as object), version: 2 } }) });
    renderApp('/registrars/reg-b', me('ADMIN'));
    const u = userEvent.setup();
    const box = await screen.findByLabelText('SHA-256 fingerprints');
    await u.type(box, 'abc');
    await u.click(screen.getByRole('button', { name: 'Save fingerprints' }));
    expect(box).toHaveAccessibleDescription(/not a SHA-256 fingerprint/);
    await u.clear(box);
    await u.type(box, fp);
    await u.click(screen.getByRole('button', { name: 'Save fingerprints' }));
    expect(await screen.findByText('Certificate fingerprints saved (1).')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ certFingerprints: [fp] });
  });

  it('sets the credit limit and shows a refusal', async () => {
    let n = 0;
    const calls = accountApi({
      'PUT /api/registrars/reg-b/credit-limit': () =>
        ++n === 1 ? problem(422, 'policy', 'Unprocessable Content', 'credit limit too high') : { body: { ...reg, creditLimit: usd(50000), version: 2 } },
    });
    renderApp('/registrars/reg-b', me('ADMIN'));
    const u = userEvent.setup();
    const f = await screen.findByLabelText('Credit limit (USD)');
    await u.clear(f);
    await u.type(f, 'lots');
    await u.click(screen.getByRole('button', { name: 'Set credit limit' }));
    expect(f).toHaveAccessibleDescription(/amount of 0 or more/);
    await u.clear(f);
    await u.type(f, '500');
    await u.click(screen.getByRole('button', { name: 'Set credit limit' }));
    expect(await screen.findByText(/credit limit too high/)).toBeInTheDocument();
    await u.click(screen.getByRole('button', { name: 'Set credit limit' }));
    expect(await screen.findByText('Credit limit set to 500.00 USD.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT').map((c) => c.body)).toEqual([{ creditLimit: '500.00' }, { creditLimit: '500.00' }]);
  });

  it('resets the EPP password and shows the generated one once', async () => {
    const calls = accountApi({ 'POST /api/registrars/reg-b/password': () => ({ body: { password: 'Gen3rated-pw' } }) });
    renderApp('/registrars/reg-b', me('ADMIN'));
    const u = userEvent.setup();
    const f = await screen.findByLabelText('New EPP password (optional)');
    await u.type(f, 'short');
    await u.click(screen.getByRole('button', { name: 'Reset EPP password' }));
    expect(f).toHaveAccessibleDescription(/at least 8 characters/);
    await u.clear(f);
    await u.click(screen.getByRole('button', { name: 'Reset EPP password' }));
    expect(await screen.findByTestId('epp-password')).toHaveTextContent('Gen3rated-pw');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({});
  });

  it('resets a user’s two-step verification after confirming', async () => {
    const calls = accountApi({ 'DELETE /api/registrars/reg-b/users/bob/totp': () => ({ body: { ...users.items[0], totpEnabled: false } }) });
    renderApp('/registrars/reg-b', me('ADMIN'));
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Reset two-step verification of bob' }));
    await u.click(screen.getByRole('button', { name: 'Yes, reset two-step of bob' }));
    expect(await screen.findByText(/Two-step verification of bob was reset/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reset two-step verification of carol' })).toBeNull();
    expect(calls.find((c) => c.method === 'DELETE')!.headers['X-CSRF-Token']).toBe('csrf-123');
  });

  it('shows auditors the account without any management controls', async () => {
    accountApi();
    renderApp('/registrars/reg-b', me('AUDITOR'));
    expect(await screen.findByRole('heading', { name: /Reg B/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Account management' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Suspend/ })).toBeNull();
  });
});
