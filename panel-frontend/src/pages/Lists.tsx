import { useCallback, useState } from 'react';
import { endpoints } from '../api/endpoints';
import { formatDate } from '../api/format';
import type { Contact, History, Host, List, PollMessage, User } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Column, DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';
import { ProblemAlert, Success } from '../components/ProblemAlert';
import { checkHostName, checkPassword, checkRegistrarId } from '../components/validate';
import { LedgerTable } from './Registrars';

/** Registrar users work on their own registrar; admins and auditors pick one. */
function useRegistrarScope(): [string, (id: string) => void, boolean] {
  const { me } = useAuth();
  const own = me?.user.role === 'REGISTRAR' ? me.user.registrarId ?? '' : '';
  const [picked, setPicked] = useState(own);
  return [picked, setPicked, !own];
}

function RegistrarPicker({ value, onPick }: { value: string; onPick: (id: string) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <form className="filters" role="search" aria-label="Registrar" onSubmit={(e) => { e.preventDefault(); onPick(draft.trim()); }}>
      <Field label="Registrar id" value={draft} onChange={(e) => setDraft(e.target.value)} />
      <button type="submit">Show</button>
    </form>
  );
}

const contactColumns: Column<Contact>[] = [
  { key: 'id', label: 'Id', sortable: true },
  { key: 'name', label: 'Name', sortable: true, value: (c) => c.postalInfo?.[0]?.name ?? '' },
  { key: 'email', label: 'Email', sortable: true },
  { key: 'registrarId', label: 'Registrar', sortable: true },
  { key: 'linked', label: 'Linked', value: (c) => (c.linked ? 'yes' : 'no') },
  { key: 'createdAt', label: 'Created', sortable: true, render: (c) => formatDate(c.createdAt) },
];

export function Contacts() {
  const [registrar, setRegistrar, pick] = useRegistrarScope();
  const load = useCallback(() => endpoints.contacts({ registrar: registrar || undefined }), [registrar]);
  return (
    <>
      <h1>Contacts</h1>
      {pick && <RegistrarPicker value={registrar} onPick={setRegistrar} />}
      <DataTable caption="Contacts" columns={contactColumns} load={load} rowKey={(c) => c.id} initialSort={{ key: 'id', order: 'asc' }} />
    </>
  );
}

const hostColumns: Column<Host>[] = [
  { key: 'name', label: 'Name', sortable: true },
  { key: 'addresses', label: 'Addresses', value: (h) => (h.addresses ?? []).join(', ') },
  { key: 'registrarId', label: 'Registrar', sortable: true },
  { key: 'linked', label: 'Linked', value: (h) => (h.linked ? 'yes' : 'no') },
  { key: 'createdAt', label: 'Created', sortable: true, render: (h) => formatDate(h.createdAt) },
];

export function Hosts() {
  const { me } = useAuth();
  const [registrar, setRegistrar, pick] = useRegistrarScope();
  const [tick, setTick] = useState(0);
  const load = useCallback(
    (): Promise<List<Host>> => {
      void tick; // a new tick reloads the list after a create
      return registrar ? endpoints.hosts({ registrar }) : Promise.resolve({ items: [] });
    },
    [registrar, tick],
  );
  const [done, setDone] = useState<string>();
  const f = useForm({ name: '', addresses: '' });
  const onSubmit = f.submit(
    (v) => ({ name: checkHostName(v.name, 'host name') }),
    async (v) => {
      const h = await endpoints.createHost({ name: v.name.trim().toLowerCase(), addresses: v.addresses.split(/[\s,]+/).filter(Boolean) });
      setDone(`Host ${h.name} created.`);
      setTick((t) => t + 1);
    },
  );
  return (
    <>
      <h1>Hosts</h1>
      {pick && <RegistrarPicker value={registrar} onPick={setRegistrar} />}
      <DataTable caption="Hosts" columns={hostColumns} load={load} rowKey={(h) => h.name} initialSort={{ key: 'name', order: 'asc' }} />
      {me?.user.role === 'REGISTRAR' && (
        <div className="narrow">
          {done && <Success>{done}</Success>}
          <FormShell title="Create host" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Create host">
            <Field label="Host name" hint="e.g. ns1.example.test" {...f.bind('name')} />
            <Field label="IP addresses" hint="Needed for hosts inside this registry's TLDs; separated by spaces" {...f.bind('addresses')} />
          </FormShell>
        </div>
      )}
    </>
  );
}

export function Ledger() {
  const [registrar, setRegistrar, pick] = useRegistrarScope();
  return (
    <>
      <h1>Ledger</h1>
      {pick && <RegistrarPicker value={registrar} onPick={setRegistrar} />}
      {registrar ? <LedgerTable registrarId={registrar} /> : <p className="hint">Choose a registrar.</p>}
    </>
  );
}

const pollColumns: Column<PollMessage>[] = [
  { key: 'queuedAt', label: 'Queued', sortable: true, render: (p) => formatDate(p.queuedAt) },
  { key: 'kind', label: 'Kind', sortable: true },
  { key: 'objectName', label: 'Object', sortable: true },
  { key: 'message', label: 'Message' },
];

export function Poll() {
  const { me } = useAuth();
  const [registrar, setRegistrar, pick] = useRegistrarScope();
  const [tick, setTick] = useState(0);
  const [done, setDone] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const load = useCallback(
    (): Promise<List<PollMessage>> => {
      void tick; // a new tick reloads the queue after an acknowledgement
      return registrar ? endpoints.polls({ registrar }) : Promise.resolve({ items: [] });
    },
    [registrar, tick],
  );
  const canAck = me?.user.role === 'REGISTRAR' || me?.user.role === 'ADMIN';
  const ack = async (id: string) => {
    setProblem(undefined);
    try {
      const r = await endpoints.ackPoll(id, me?.user.role === 'ADMIN' ? registrar : undefined);
      setDone(`Message ${r.ackedId} acknowledged; ${r.count} left in the queue.`);
      setTick((t) => t + 1);
    } catch (e) {
      setProblem(e);
    }
  };
  const columns: Column<PollMessage>[] = canAck
    ? [...pollColumns, {
        key: 'actions', label: 'Actions',
        render: (p) => (
          <button type="button" className="link" aria-label={`Acknowledge message ${p.id}`} onClick={() => ack(p.id)}>Acknowledge</button>
        ),
      }]
    : pollColumns;
  return (
    <>
      <h1>Poll messages</h1>
      {pick && <RegistrarPicker value={registrar} onPick={setRegistrar} />}
      {done && <Success>{done}</Success>}
      <ProblemAlert error={problem} />
      <DataTable caption="Poll queue, oldest first" columns={columns} load={load} rowKey={(p) => p.id} initialSort={{ key: 'queuedAt', order: 'asc' }} />
    </>
  );
}

const auditColumns: Column<History>[] = [
  { key: 'at', label: 'When', sortable: true, render: (h) => formatDate(h.at) },
  { key: 'action', label: 'Action', sortable: true },
  { key: 'objectType', label: 'Type', sortable: true },
  { key: 'objectName', label: 'Object', sortable: true },
  { key: 'registrarId', label: 'Registrar', sortable: true },
  { key: 'actor', label: 'By', sortable: true },
];

export function Audit() {
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [draft, setDraft] = useState(month);
  const load = useCallback(() => endpoints.audit({ month }), [month]);
  return (
    <>
      <h1>Audit log</h1>
      <form className="filters" role="search" aria-label="Audit log" onSubmit={(e) => { e.preventDefault(); setMonth(draft); }}>
        <Field label="Month" type="month" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Show</button>
      </form>
      <DataTable caption={`Changes in ${month}, newest first`} columns={auditColumns} load={load} rowKey={(h) => h.id} initialSort={{ key: 'at', order: 'desc' }} />
    </>
  );
}

const userColumns: Column<User>[] = [
  { key: 'username', label: 'Username', sortable: true },
  { key: 'role', label: 'Role', sortable: true },
  { key: 'registrarId', label: 'Registrar', sortable: true },
  { key: 'totpEnabled', label: 'Two-step', value: (u) => (u.totpEnabled ? 'on' : 'off') },
  { key: 'disabled', label: 'State', value: (u) => (u.disabled ? 'disabled' : u.locked ? 'locked' : 'active') },
  { key: 'lastLoginAt', label: 'Last sign-in', sortable: true, render: (u) => formatDate(u.lastLoginAt) },
];

export function Users() {
  const { me } = useAuth();
  const [tick, setTick] = useState(0);
  const load = useCallback(() => {
    void tick; // a new tick reloads the list after a create
    return endpoints.users();
  }, [tick]);
  const [done, setDone] = useState<string>();
  const f = useForm({ username: '', password: '', role: 'REGISTRAR', registrarId: '' });
  const onSubmit = f.submit(
    (v) => ({
      username: /^[a-z0-9._-]{3,32}$/.test(v.username.trim()) ? undefined : 'Use 3–32 lower-case letters, digits, dots, hyphens or underscores.',
      password: checkPassword(v.password, 10),
      role: ['ADMIN', 'REGISTRAR', 'AUDITOR'].includes(v.role) ? undefined : 'Choose a role.',
      registrarId: v.role === 'REGISTRAR' ? checkRegistrarId(v.registrarId.trim()) : undefined,
    }),
    async (v) => {
      const u = await endpoints.createUser({ username: v.username.trim(), password: v.password, role: v.role, registrarId: v.role === 'REGISTRAR' ? v.registrarId.trim() : undefined });
      setDone(`User ${u.username} created.`);
      setTick((t) => t + 1);
    },
  );
  return (
    <>
      <h1>Users</h1>
      <DataTable caption="Panel users" columns={userColumns} load={load} rowKey={(u) => u.username} initialSort={{ key: 'username', order: 'asc' }} />
      {me?.user.role === 'ADMIN' && (
        <div className="narrow">
          {done && <Success>{done}</Success>}
          <FormShell title="Create user" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Create user">
            <Field label="Username" autoComplete="off" {...f.bind('username')} />
            <Field label="Password" type="password" autoComplete="new-password" hint="At least 10 characters" {...f.bind('password')} />
            <div className="field">
              <label htmlFor="new-user-role">Role</label>
              <select id="new-user-role" name="role" value={f.values.role} onChange={(e) => f.setValues((v) => ({ ...v, role: e.target.value }))}>
                <option value="REGISTRAR">Registrar user</option>
                <option value="AUDITOR">Auditor (read only)</option>
                <option value="ADMIN">Administrator</option>
              </select>
            </div>
            {f.values.role === 'REGISTRAR' && <Field label="Registrar id" {...f.bind('registrarId')} />}
          </FormShell>
        </div>
      )}
    </>
  );
}
