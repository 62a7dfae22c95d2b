import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { AppRoutes } from '../App';
import { AuthProvider } from '../auth/AuthContext';
import type { Me, Role } from '../api/types';

export function me(role: Role, extra: Partial<Me> = {}): Me {
  return {
    user: { username: role === 'ADMIN' ? 'admin' : 'alice', role, registrarId: role === 'REGISTRAR' ? 'reg-a' : null, totpEnabled: true },
    csrfToken: 'csrf-123',
    mustEnrolTotp: false,
    permissions: [],
    ...extra,
  };
}

/** The whole app at `path`, signed in as `who` (null: signed out; undefined: ask the API). */
export function renderApp(path: string, who?: Me | null) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider initial={who}>
        <AppRoutes />
      </AuthProvider>
    </MemoryRouter>,
  );
}
