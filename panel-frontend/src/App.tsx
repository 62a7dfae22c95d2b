import type { JSX } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth, RequireRole } from './auth/Guards';
import { Layout } from './components/Layout';
import { Dashboard } from './pages/Dashboard';
import { DomainDetail } from './pages/DomainDetail';
import { DomainNew, TransferRequest } from './pages/DomainNew';
import { Domains } from './pages/Domains';
import { Enrol } from './pages/Enrol';
import { Audit, Contacts, Hosts, Ledger, Poll, Users } from './pages/Lists';
import { RegistrarDetail, RegistrarNew, Registrars } from './pages/Registrars';
import { Lookup } from './pages/Lookup';
import { Reports } from './pages/Reports';
import { SignIn } from './pages/SignIn';
import { TldDetail, Tlds } from './pages/Tlds';

/** Every page; role-restricted ones are wrapped in guards (the API refuses them as well). */
export function AppRoutes() {
  const auth = (el: JSX.Element) => <RequireAuth>{el}</RequireAuth>;
  const admin = (el: JSX.Element) => auth(<RequireRole roles={['ADMIN']}>{el}</RequireRole>);
  const staff = (el: JSX.Element) => auth(<RequireRole roles={['ADMIN', 'AUDITOR']}>{el}</RequireRole>);
  const writer = (el: JSX.Element) => auth(<RequireRole roles={['ADMIN', 'REGISTRAR']}>{el}</RequireRole>);
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/signin" element={<SignIn />} />
        <Route path="/enrol" element={auth(<Enrol />)} />
        <Route path="/" element={auth(<Dashboard />)} />
        <Route path="/domains" element={auth(<Domains />)} />
        <Route path="/domains/new" element={writer(<DomainNew />)} />
        <Route path="/domains/:name" element={auth(<DomainDetail />)} />
        <Route path="/transfer" element={writer(<TransferRequest />)} />
        <Route path="/contacts" element={auth(<Contacts />)} />
        <Route path="/hosts" element={auth(<Hosts />)} />
        <Route path="/ledger" element={auth(<Ledger />)} />
        <Route path="/poll" element={auth(<Poll />)} />
        <Route path="/registrars" element={staff(<Registrars />)} />
        <Route path="/registrars/new" element={admin(<RegistrarNew />)} />
        <Route path="/registrars/:id" element={staff(<RegistrarDetail />)} />
        <Route path="/audit" element={staff(<Audit />)} />
        <Route path="/users" element={staff(<Users />)} />
        <Route path="/tlds" element={auth(<Tlds />)} />
        <Route path="/tlds/:tld" element={auth(<TldDetail />)} />
        <Route path="/reports" element={staff(<Reports />)} />
        <Route path="/lookup" element={auth(<Lookup />)} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <a href="/">Go to the dashboard</a>.
      </p>
    </>
  );
}
