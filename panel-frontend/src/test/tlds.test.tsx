import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from './fetchMock';
import { me, renderApp } from './render';

afterEach(() => vi.unstubAllGlobals());

const usd = (minor: number) => ({ minor, amount: (minor / 100).toFixed(2), currency: 'USD' });
const tld = {
  name: 'test', currency: 'USD', version: 3, addGraceDays: 5, renewGraceDays: 5, autoRenewGraceDays: 45,
  transferGraceDays: 5, redemptionDays: 30, pendingDeleteDays: 5, restoreReportDays: 7, pendingTransferDays: 5,
  transferLockDays: 60, minPeriodYears: 1, maxPeriodYears: 10, maxExpiryYears: 10, maxCheckNames: 50,
  maxNameservers: 13, maxHostAddresses: 13, maxDsRecords: 8, idnTables: [], createdAt: '2026-01-01T00:00:00Z',
  prices: { CREATE: { '1': '10.00' }, RENEW: { '1': '9.00' }, TRANSFER: { '1': '8.00' }, RESTORE: { '1': '40.00' } },
};
const labels = [
  { label: 'gold', reservedReason: null, premiumPrices: { CREATE: usd(100000) } },
  { label: 'nic', reservedReason: 'registry use', premiumPrices: null },
];

function tldApi(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    'GET /api/tlds': () => ({ body: { items: [tld] } }),
    'GET /api/tlds/test': () => ({ body: tld }),
    'GET /api/tlds/test/labels': () => ({ body: { items: labels } }),
    ...extra,
  });
}

describe('TLDs', () => {
  it('lists TLDs with their one-year prices and links to each', async () => {
    tldApi();
    renderApp('/tlds', me('AUDITOR'));
    expect(await screen.findByRole('link', { name: '.test' })).toHaveAttribute('href', '/tlds/test');
    expect(screen.getByText('10.00 USD')).toBeInTheDocument();
  });

  it('shows the policy read-only to non-admins, with no forms', async () => {
    tldApi();
    renderApp('/tlds/test', me('REGISTRAR'));
    expect(await screen.findByRole('heading', { name: 'Policy' })).toBeInTheDocument();
    expect(await screen.findByText('gold')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save policy' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove gold' })).toBeNull();
  });

  it('validates the policy and sends only the changed fields with the version read', async () => {
    const calls = tldApi({ 'PATCH /api/tlds/test': () => ({ body: { ...tld, redemptionDays: 35, version: 4 } }) });
    renderApp('/tlds/test', me('ADMIN'));
    const u = userEvent.setup();
    const redemption = await screen.findByLabelText('Redemption (days)');
    await u.clear(redemption);
    await u.type(redemption, 'x');
    await u.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(redemption).toHaveAccessibleDescription('Enter a whole number, 0 or more.');
    expect(redemption).toHaveFocus();
    await u.clear(redemption);
    await u.type(redemption, '35');
    await u.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByText('Policy of .test saved (redemptionDays).')).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(patch.body).toEqual({ version: 3, redemptionDays: 35 });
    expect(patch.headers['X-CSRF-Token']).toBe('csrf-123');
    expect(screen.getByText('4')).toBeInTheDocument(); // the new version
  });

  it('shows a version conflict as the API words it', async () => {
    tldApi({ 'PATCH /api/tlds/test': () => problem(409, 'conflict', 'Conflict', 'the TLD was changed meanwhile (version 4)') });
    renderApp('/tlds/test', me('ADMIN'));
    const u = userEvent.setup();
    const f = await screen.findByLabelText('Maximum period (years)');
    await u.clear(f);
    await u.type(f, '5');
    await u.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Conflict: the TLD was changed meanwhile (version 4)');
  });

  it('checks price lists and puts the changed operations', async () => {
    const calls = tldApi({ 'PUT /api/tlds/test/prices': () => ({ body: { ...tld, version: 4 } }) });
    renderApp('/tlds/test', me('ADMIN'));
    const u = userEvent.setup();
    const create = await screen.findByLabelText('Create prices');
    await u.clear(create);
    await u.type(create, '2=19.00');
    await u.click(screen.getByRole('button', { name: 'Save prices' }));
    expect(create).toHaveAccessibleDescription('Give a one-year price (1=…).');
    await u.clear(create);
    await u.type(create, '1=12 2=22.5');
    await u.click(screen.getByRole('button', { name: 'Save prices' }));
    await screen.findByText('Prices of .test saved (CREATE).');
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ version: 3, prices: { CREATE: { '1': '12.00', '2': '22.50' } } });
  });

  it('adds a premium label and removes one after confirming', async () => {
    const calls = tldApi({
      'PUT /api/tlds/test/labels/silver': () => ({ body: { label: 'silver', premiumPrices: { CREATE: usd(50000) } } }),
      'DELETE /api/tlds/test/labels/nic': () => ({ status: 204 }),
    });
    renderApp('/tlds/test', me('ADMIN'));
    const u = userEvent.setup();
    await u.type(await screen.findByLabelText('Label'), 'silver.test');
    await u.click(screen.getByRole('button', { name: 'Save label' }));
    expect(screen.getByLabelText('Label')).toHaveAccessibleDescription(/Enter one label/);
    expect(screen.getByLabelText('Reserved because (optional)')).toHaveAccessibleDescription(/reason to reserve it, a premium price/);
    await u.clear(screen.getByLabelText('Label'));
    await u.type(screen.getByLabelText('Label'), 'silver');
    await u.type(screen.getByLabelText('Premium create'), '500');
    await u.click(screen.getByRole('button', { name: 'Save label' }));
    expect(await screen.findByText('Label silver saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ premiumPrices: { CREATE: '500.00' } });

    await u.click(screen.getByRole('button', { name: 'Remove nic' }));
    await u.click(screen.getByRole('button', { name: 'Yes, remove nic' }));
    expect(await screen.findByText('Label nic removed.')).toBeInTheDocument();
    const del = calls.find((c) => c.method === 'DELETE')!;
    expect(del.headers['X-CSRF-Token']).toBe('csrf-123');
  });

  it('imports labels as text/csv with the CSRF header and lists the skipped lines', async () => {
    const calls = tldApi({
      'POST /api/tlds/test/labels.csv': () => ({ body: { imported: 2, errors: [{ line: 4, detail: 'bad label "-x"' }] } }),
    });
    renderApp('/tlds/test', me('ADMIN'));
    const u = userEvent.setup();
    const csv = await screen.findByLabelText('CSV lines');
    await u.type(csv, 'name,reason');
    await u.click(screen.getByRole('button', { name: 'Import CSV' }));
    expect(csv).toHaveAccessibleDescription(/The first line must be the header label,reserved_reason/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await u.clear(csv);
    const text = 'label,reserved_reason,create,renew,transfer,restore\nbank,,5000.00,,,\nnic,registry,,,,\n-x,,,,,';
    await u.click(csv);
    await u.paste(text);
    await u.click(screen.getByRole('button', { name: 'Import CSV' }));
    expect(await screen.findByText('Imported 2 labels; 1 line skipped.')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Lines skipped' });
    expect(within(table).getByText('bad label "-x"')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.headers['Content-Type']).toBe('text/csv');
    expect(post.headers['X-CSRF-Token']).toBe('csrf-123');
    expect(post.body).toBe(text);
    await waitFor(() => expect(calls.filter((c) => c.url.startsWith('/api/tlds/test/labels') && c.method === 'GET').length).toBeGreaterThan(1));
  });
});
