import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from './fetchMock';
import { me, renderApp } from './render';

afterEach(() => vi.unstubAllGlobals());

const escrow = {
  deposits: [{ tld: 'test', latestFull: { key: 'test_2026-01-14_full_S1_R0.ryde', date: '2026-01-14', size: 2048, lastModified: '2026-01-14T00:10:00Z' }, latestDiff: null }],
};

describe('reports and escrow', () => {
  it('lists a store’s files with download links and switches stores', async () => {
    const calls = mockFetch({
      'GET /api/escrow': () => ({ body: escrow }),
      'GET /api/reports/reports': () => ({ body: { items: [{ key: '2026-01/test-activity-202601.csv', size: 512, lastModified: '2026-02-01T00:00:00Z' }], truncated: false } }),
      'GET /api/reports/zones': () => ({ body: { items: [{ key: 'test.zone', size: 4096, lastModified: '2026-02-02T00:00:00Z' }] } }),
    });
    renderApp('/reports', me('AUDITOR'));
    const link = await screen.findByRole('link', { name: '2026-01/test-activity-202601.csv' });
    expect(link).toHaveAttribute('href', '/api/reports/reports/2026-01/test-activity-202601.csv');
    expect(link).toHaveAttribute('download', 'test-activity-202601.csv');
    const table = screen.getByRole('table', { name: 'Latest deposits per TLD' });
    expect(within(table).getByRole('link', { name: '2026-01-14' })).toHaveAttribute('href', '/api/reports/escrow/test_2026-01-14_full_S1_R0.ryde');
    expect(within(table).getByText('none')).toBeInTheDocument();
    const u = userEvent.setup();
    await u.selectOptions(screen.getByLabelText('Store'), 'zones');
    await u.type(screen.getByLabelText('Name starts with'), 'test');
    await u.click(screen.getByRole('button', { name: 'Show' }));
    expect(await screen.findByRole('link', { name: 'test.zone' })).toHaveAttribute('href', '/api/reports/zones/test.zone');
    expect(calls.some((c) => c.url.startsWith('/api/reports/zones?') && c.url.includes('prefix=test'))).toBe(true);
  });

  it('explains the API’s 503 when no storage is configured', async () => {
    const detail = 'no reports store is configured (PANEL_REPORTS_BUCKET or _DIR)';
    mockFetch({
      'GET /api/escrow': () => problem(503, 'not-configured', 'Service Unavailable', 'no escrow store is configured (PANEL_ESCROW_BUCKET or _DIR)'),
      'GET /api/reports/reports': () => problem(503, 'not-configured', 'Service Unavailable', detail),
    });
    renderApp('/reports', me('ADMIN'));
    expect(await screen.findByText(detail)).toBeInTheDocument();
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Escrow deposits are not available: storage is not configured.'),
        expect.stringContaining(`ICANN reports are not available: storage is not configured. ${detail}`),
      ]),
    );
  });

  it('is refused to registrar users, and not in their menu', async () => {
    const calls = mockFetch({});
    renderApp('/reports', me('REGISTRAR'));
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Reports and escrow' })).toBeNull();
    expect(calls.filter((c) => c.url.startsWith('/api/reports') || c.url.startsWith('/api/escrow'))).toHaveLength(0);
  });
});
