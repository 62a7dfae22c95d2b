import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from './AuthContext';
import type { Role } from '../api/types';

/**
 * Signed-in users only; others go to sign-in and come back afterwards. A user who must still
 * enrol TOTP is sent to enrolment (the API refuses everything else with 403 until then).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) return <p role="status">Checking your session…</p>;
  if (me === null) return <Navigate to="/signin" replace state={{ from: location.pathname }} />;
  if (me.mustEnrolTotp && location.pathname !== '/enrol') return <Navigate to="/enrol" replace />;
  return <>{children}</>;
}

/**
 * Role-restricted pages: hidden from the menu of other roles AND refused here, so a typed-in
 * URL shows a clear message (the API would answer 403 to every call anyway).
 */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me } = useAuth();
  if (!me || !roles.includes(me.user.role)) return <Forbidden />;
  return <>{children}</>;
}

export function RequireAdmin({ children }: { children: ReactNode }) {
  return <RequireRole roles={['ADMIN']}>{children}</RequireRole>;
}

export function Forbidden({ message }: { message?: string }) {
  return (
    <section aria-labelledby="forbidden-title" className="forbidden">
      <h1 id="forbidden-title">Not allowed</h1>
      <p role="alert">{message ?? 'This page is for registry administrators. Your account cannot open it.'}</p>
    </section>
  );
}
