import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { endpoints } from '../api/endpoints';
import { formatDate, formatMoney, isAmount, normaliseAmount } from '../api/format';
import type { LedgerEntry, Registrar } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Column, DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';
import { ProblemAlert, Success } from '../components/ProblemAlert';
import { checkEmail, checkPassword, checkRegistrarId } from '../components/validate';
import { RegistrarAccount } from './RegistrarAccount';

const columns: Column<Registrar>[] = [
  { key: 'id', label: 'Id', sortable: true, render: (r) => <Link to={`/registrars/${encodeURIComponent(r.id)}`}>{r.id}</Link> },
  { key: 'name', label: 'Name', sortable: true },
  { key: 'ianaId', label: 'IANA id', sortable: true },
  { key: 'status', label: 'Status', sortable: true },
  { key: 'balance', label: 'Balance', sortable: true, value: (r) => r.balance?.minor, render: (r) => formatMoney(r.balance) },
  { key: 'available', label: 'Available', sortable: true, value: (r) => r.available?.minor, render: (r) => formatMoney(r.available) },
];

export function Registrars() {
  const { me } = useAuth();
  const load = useCallback(() => endpoints.registrars(), []);
  return (
    <>
      <div className="page-head">
        <h1>Registrars</h1>
        {me?.user.role === 'ADMIN' && <Link className="button" to="/registrars/new">Create registrar</Link>}
      </div>
      <DataTable caption="Registrars" columns={columns} load={load} rowKey={(r) => r.id} initialSort={{ key: 'id', order: 'asc' }} />
    </>
  );
}

/** Creates a registrar and, optionally, its first panel user (two API calls). */
export function RegistrarNew() {
  const navigate = useNavigate();
  const f = useForm({ id: '', name: '', ianaId: '', email: '', abuseEmail: '', currency: 'USD', password: '', username: '', userPassword: '' });
  const onSubmit = f.submit(
    (v) => ({
      id: checkRegistrarId(v.id.trim()),
      name: v.name.trim() ? undefined : 'Enter the registrar’s name.',
      ianaId: v.ianaId && !/^\d{1,9}$/.test(v.ianaId.trim()) ? 'The IANA id is a number.' : undefined,
      email: checkEmail(v.email),
      abuseEmail: checkEmail(v.abuseEmail, 'abuse email address'),
      currency: /^[A-Z]{3}$/.test(v.currency.trim()) ? undefined : 'Use a 3-letter ISO 4217 code, e.g. USD.',
      password: checkPassword(v.password, 8),
      username: v.username && !/^[a-z0-9._-]{3,32}$/.test(v.username.trim()) ? 'Use 3–32 lower-case letters, digits, dots, hyphens or underscores.' : undefined,
      userPassword: v.username ? checkPassword(v.userPassword, 10) : undefined,
    }),
    async (v) => {
      const r = await endpoints.createRegistrar({
        id: v.id.trim(), name: v.name.trim(), ianaId: v.ianaId ? Number(v.ianaId) : undefined,
        email: v.email.trim(), abuseEmail: v.abuseEmail.trim(), currency: v.currency.trim(), password: v.password,
      });
      let flash = `Registrar ${r.id} created.`;
      if (v.username) {
        try {
          await endpoints.createUser({ username: v.username.trim(), password: v.userPassword, role: 'REGISTRAR', registrarId: r.id });
          flash += ` User ${v.username.trim()} can sign in.`;
        } catch (e) {
          flash += ` The user could not be created: ${(e as Error).message}`;
        }
      }
      navigate(`/registrars/${encodeURIComponent(r.id)}`, { state: { flash } });
    },
  );
  return (
    <div className="narrow">
      <h1>Create registrar</h1>
      <FormShell title="Registrar" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Create registrar">
        <Field label="Registrar id" hint="3–16 lower-case letters, digits or hyphens" autoFocus {...f.bind('id')} />
        <Field label="Name" {...f.bind('name')} />
        <Field label="IANA id (optional)" inputMode="numeric" {...f.bind('ianaId')} />
        <Field label="Email" type="email" {...f.bind('email')} />
        <Field label="Abuse email" type="email" {...f.bind('abuseEmail')} />
        <Field label="Currency" maxLength={3} {...f.bind('currency')} />
        <Field label="EPP password" type="password" autoComplete="new-password" hint="At least 8 characters" {...f.bind('password')} />
        <fieldset>
          <legend>First panel user (optional)</legend>
          <Field label="Username" autoComplete="off" {...f.bind('username')} />
          <Field label="User password" type="password" autoComplete="new-password" hint="At least 10 characters" {...f.bind('userPassword')} />
        </fieldset>
      </FormShell>
    </div>
  );
}

const ledgerColumns: Column<LedgerEntry>[] = [
  { key: 'at', label: 'When', sortable: true, render: (l) => formatDate(l.at) },
  { key: 'kind', label: 'Kind', sortable: true },
  { key: 'objectName', label: 'Object', sortable: true },
  { key: 'amount', label: 'Amount', sortable: true, value: (l) => l.amount.minor, render: (l) => formatMoney(l.amount) },
  { key: 'description', label: 'Description' },
  { key: 'reference', label: 'Reference' },
];

export function LedgerTable({ registrarId, reloadKey }: { registrarId: string; reloadKey?: number }) {
  const load = useCallback(() => {
    void reloadKey; // a new key reloads the ledger after a deposit
    return endpoints.ledger(registrarId);
  }, [registrarId, reloadKey]);
  return <DataTable caption={`Ledger of ${registrarId}, newest first`} columns={ledgerColumns} load={load} rowKey={(l) => l.id} initialSort={{ key: 'at', order: 'desc' }} />;
}

export function RegistrarDetail() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const location = useLocation().state as { flash?: string } | null;
  const [r, setR] = useState<Registrar>();
  const [error, setError] = useState<unknown>();
  const [flash, setFlash] = useState(location?.flash);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    endpoints.registrar(id).then(setR, setError);
  }, [id, tick]);
  const f = useForm({ amount: '', note: '' });
  const onSubmit = f.submit(
    (v) => ({
      amount: isAmount(v.amount) ? undefined : 'Enter a positive amount with at most two decimals, e.g. 250.00.',
      note: v.note.trim() ? undefined : 'Enter a reference (e.g. the wire transfer number).',
    }),
    async (v) => {
      const e = await endpoints.deposit(id, { amount: normaliseAmount(v.amount), note: v.note.trim() });
      setFlash(`Deposited ${formatMoney(e.amount)}.`);
      f.setValues({ amount: '', note: '' });
      setTick((t) => t + 1);
    },
  );
  if (error) return (<><h1>Registrar {id}</h1><ProblemAlert error={error} /></>);
  if (!r) return <p role="status">Loading…</p>;
  return (
    <>
      <p><Link to="/registrars">← Registrars</Link></p>
      <h1>{r.name} <small>({r.id})</small></h1>
      {flash && <Success>{flash}</Success>}
      <dl className="facts">
        <dt>Status</dt><dd>{r.status}</dd>
        <dt>IANA id</dt><dd>{r.ianaId ?? '—'}</dd>
        <dt>Email</dt><dd>{r.email}</dd>
        <dt>Balance</dt><dd data-testid="balance">{formatMoney(r.balance)}</dd>
        <dt>Credit limit</dt><dd>{formatMoney(r.creditLimit)}</dd>
        <dt>Available</dt><dd>{formatMoney(r.available)}</dd>
        <dt>IP allowlist</dt><dd>{r.ipAllowlist?.length ? r.ipAllowlist.join(', ') : 'none'}</dd>
        <dt>Certificates</dt><dd>{r.certFingerprints?.length ? `${r.certFingerprints.length} fingerprint${r.certFingerprints.length === 1 ? '' : 's'}` : 'none'}</dd>
      </dl>
      {me?.user.role === 'ADMIN' && (
        <div className="narrow">
          <FormShell title="Deposit funds" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Deposit">
            <Field label={`Amount (${r.balance?.currency ?? ''})`} inputMode="decimal" {...f.bind('amount')} />
            <Field label="Reference" {...f.bind('note')} />
          </FormShell>
        </div>
      )}
      <LedgerTable registrarId={r.id} reloadKey={tick} />
      {me?.user.role === 'ADMIN' && (
        <RegistrarAccount
          key={r.version}
          registrar={r}
          onDone={(next, msg) => {
            if (next) setR(next);
            setFlash(msg);
          }}
        />
      )}
    </>
  );
}
