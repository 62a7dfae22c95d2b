import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, problem } from './fetchMock';
import { me, renderApp } from './render';

afterEach(() => vi.unstubAllGlobals());

describe('route guards', () => {
  it('sends a signed-out visitor to sign-in', async () => {
    mockFetch({});
    renderApp('/domains', null);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('refuses admin pages to a registrar user without calling the API, and hides them in the menu', async () => {
    const calls = mockFetch({});
    renderApp('/registrars/new', me('REGISTRAR'));
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('registry administrators');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Registrars' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Users' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Audit log' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Domains' })).toBeInTheDocument();
    expect(calls.filter((c) => c.url.startsWith('/api/registrars'))).toHaveLength(0);
  });

  it('shows admins the admin menu and the page', async () => {
    mockFetch({ 'GET /api/registrars': () => ({ body: { items: [] } }) });
    renderApp('/registrars', me('ADMIN'));
    expect(await screen.findByRole('heading', { name: 'Registrars' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Users' })).toBeInTheDocument();
  });

  it('shows the API’s 403 as a clear message', async () => {
    mockFetch({ 'GET /api/registrars': () => problem(403, 'forbidden', 'Forbidden', 'registrar users may not list other registrars') });
    renderApp('/registrars', me('AUDITOR'));
    expect(await screen.findByRole('alert')).toHaveTextContent('registrar users may not list other registrars');
  });

  it('sends a user who must enrol TOTP to enrolment', async () => {
    mockFetch({});
    renderApp('/', me('REGISTRAR', { mustEnrolTotp: true }));
    expect(await screen.findByRole('heading', { name: 'Set up two-step verification' })).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });
});
