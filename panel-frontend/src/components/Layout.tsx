import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import type { Role } from '../api/types';

interface Item {
  to: string;
  label: string;
  roles?: Role[];
}

/** The menu: admin-only entries are not shown to other roles (and their routes refuse them). */
export const NAV: Item[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/domains', label: 'Domains' },
  { to: '/domains/new', label: 'Register a domain', roles: ['ADMIN', 'REGISTRAR'] },
  { to: '/contacts', label: 'Contacts' },
  { to: '/hosts', label: 'Hosts' },
  { to: '/ledger', label: 'Ledger' },
  { to: '/poll', label: 'Poll messages' },
  { to: '/lookup', label: 'Lookup' },
  { to: '/tlds', label: 'TLDs' },
  { to: '/registrars', label: 'Registrars', roles: ['ADMIN', 'AUDITOR'] },
  { to: '/audit', label: 'Audit log', roles: ['ADMIN', 'AUDITOR'] },
  { to: '/users', label: 'Users', roles: ['ADMIN', 'AUDITOR'] },
  { to: '/reports', label: 'Reports and escrow', roles: ['ADMIN', 'AUDITOR'] },
];

export function Layout() {
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const role = me?.user.role;
  return (
    <div className="app">
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">OpenTLD registry</span>
        {me && (
          <span className="who">
            {me.user.username} ({role === 'REGISTRAR' ? `registrar ${me.user.registrarId}` : role === 'ADMIN' ? 'administrator' : 'auditor'})
            <button
              type="button"
              className="link"
              onClick={async () => {
                await signOut();
                navigate('/signin');
              }}
            >
              Sign out
            </button>
          </span>
        )}
      </header>
      <div className="body">
        {me && !me.mustEnrolTotp && (
          <nav aria-label="Main" className="side">
            <ul>
              {NAV.filter((i) => !i.roles || (role && i.roles.includes(role))).map((i) => (
                <li key={i.to}>
                  <NavLink to={i.to} end>
                    {i.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
