import { useCallback, useState } from 'react';
import { endpoints } from '../api/endpoints';
import { formatDate, formatMoney } from '../api/format';
import type { Registrar, User } from '../api/types';
import { Column, DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';
import { ProblemAlert, Success } from '../components/ProblemAlert';
import { TextArea } from '../components/TextArea';
import { checkCidr, checkFingerprint, checkPassword, isPrice } from '../components/validate';

type Done = (r: Registrar | undefined, msg: string) => void;

const lines = (s: string) => [...new Set(s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean))];

/** Admin actions on a registrar account: status, credentials, credit limit, users' 2FA. */
export function RegistrarAccount({ registrar, onDone }: { registrar: Registrar; onDone: Done }) {
  return (
    <section aria-labelledby="account-title">
      <h2 id="account-title">Account management</h2>
      <div className="grid">
        <StatusAction registrar={registrar} onDone={onDone} />
        <CreditLimit registrar={registrar} onDone={onDone} />
        <EppPassword registrar={registrar} />
        <IpAllowlist registrar={registrar} onDone={onDone} />
        <Certificates registrar={registrar} onDone={onDone} />
      </div>
      <RegistrarUsers registrarId={registrar.id} />
    </section>
  );
}

function StatusAction({ registrar, onDone }: { registrar: Registrar; onDone: Done }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const suspended = registrar.status === 'SUSPENDED';
  const run = async (f: () => Promise<Registrar>, msg: string) => {
    setBusy(true);
    setProblem(undefined);
    try {
      onDone(await f(), msg);
      setConfirming(false);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="form" aria-labelledby="status-title">
      <h2 id="status-title">Status: {registrar.status ?? 'unknown'}</h2>
      {suspended ? (
        <button type="button" disabled={busy} onClick={() => run(() => endpoints.reactivateRegistrar(registrar.id), `${registrar.id} is active again.`)}>
          Reactivate {registrar.id}
        </button>
      ) : registrar.status === 'TERMINATED' ? (
        <p>A terminated registrar cannot be suspended or reactivated here.</p>
      ) : confirming ? (
        <>
          <p role="alert">Suspend {registrar.id}? Its EPP logins are refused until it is reactivated.</p>
          <button type="button" className="danger" disabled={busy} onClick={() => run(() => endpoints.suspendRegistrar(registrar.id), `${registrar.id} is suspended.`)}>
            Yes, suspend
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>Suspend {registrar.id}…</button>
      )}
      <ProblemAlert error={problem} />
    </section>
  );
}

function CreditLimit({ registrar, onDone }: { registrar: Registrar; onDone: Done }) {
  const f = useForm({ creditLimit: registrar.creditLimit?.amount ?? '' });
  const onSubmit = f.submit(
    (v) => ({ creditLimit: isPrice(v.creditLimit) ? undefined : 'Enter an amount of 0 or more with at most two decimals, e.g. 500.00.' }),
    async (v) => {
      const [u, c = ''] = v.creditLimit.trim().replace(/,/g, '').split('.');
      const r = await endpoints.setCreditLimit(registrar.id, `${Number(u)}.${c.padEnd(2, '0')}`);
      onDone(r, `Credit limit set to ${formatMoney(r.creditLimit)}.`);
    },
  );
  return (
    <FormShell title="Credit limit" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Set credit limit">
      <Field label={`Credit limit (${registrar.balance?.currency ?? ''})`} inputMode="decimal" {...f.bind('creditLimit')} />
    </FormShell>
  );
}

function EppPassword({ registrar }: { registrar: Registrar }) {
  const f = useForm({ password: '' });
  const [shown, setShown] = useState<string>();
  const onSubmit = f.submit(
    (v) => ({ password: v.password ? checkPassword(v.password, 8) : undefined }),
    async (v) => {
      setShown(undefined);
      const r = await endpoints.resetEppPassword(registrar.id, v.password || undefined);
      f.setValues({ password: '' });
      setShown(r.password);
    },
  );
  return (
    <FormShell title="EPP password" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Reset EPP password">
      <Field label="New EPP password (optional)" type="password" autoComplete="new-password" hint="At least 8 characters; leave empty to have one generated" {...f.bind('password')} />
      {shown && (
        <Success>
          New EPP password of {registrar.id}, shown only this once: <code data-testid="epp-password">{shown}</code>
        </Success>
      )}
    </FormShell>
  );
}

function IpAllowlist({ registrar, onDone }: { registrar: Registrar; onDone: Done }) {
  const f = useForm({ ipAllowlist: (registrar.ipAllowlist ?? []).join('\n') });
  const onSubmit = f.submit(
    (v) => ({ ipAllowlist: lines(v.ipAllowlist).map(checkCidr).find(Boolean) }),
    async (v) => {
      const r = await endpoints.setIpAllowlist(registrar.id, lines(v.ipAllowlist));
      onDone(r, `IP allowlist saved (${r.ipAllowlist?.length ?? 0} entries).`);
    },
  );
  return (
    <FormShell title="IP allowlist" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Save IP allowlist">
      <TextArea label="Addresses and ranges" hint="One per line, e.g. 192.0.2.0/24 or 2001:db8::/32; empty allows none" spellCheck={false} {...f.bind('ipAllowlist')} />
    </FormShell>
  );
}

function Certificates({ registrar, onDone }: { registrar: Registrar; onDone: Done }) {
  const f = useForm({ certFingerprints: (registrar.certFingerprints ?? []).join('\n') });
  const onSubmit = f.submit(
    (v) => ({ certFingerprints: lines(v.certFingerprints).map(checkFingerprint).find(Boolean) }),
    async (v) => {
      const r = await endpoints.setCertificates(registrar.id, lines(v.certFingerprints));
      onDone(r, `Certificate fingerprints saved (${r.certFingerprints?.length ?? 0}).`);
    },
  );
  return (
    <FormShell title="Certificate fingerprints" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Save fingerprints">
      <TextArea label="SHA-256 fingerprints" hint="One per line, 64 hex digits, colons allowed" spellCheck={false} {...f.bind('certFingerprints')} />
    </FormShell>
  );
}

function RegistrarUsers({ registrarId }: { registrarId: string }) {
  const [tick, setTick] = useState(0);
  const [confirming, setConfirming] = useState<string>();
  const [flash, setFlash] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const load = useCallback(() => {
    void tick; // a new tick reloads the list after a reset
    return endpoints.registrarUsers(registrarId);
  }, [registrarId, tick]);
  const reset = async (username: string) => {
    setProblem(undefined);
    try {
      await endpoints.resetUserTotp(registrarId, username);
      setConfirming(undefined);
      setFlash(`Two-step verification of ${username} was reset; they must enrol again at their next sign-in.`);
      setTick((t) => t + 1);
    } catch (e) {
      setProblem(e);
    }
  };
  const columns: Column<User>[] = [
    { key: 'username', label: 'Username', sortable: true },
    { key: 'totpEnabled', label: 'Two-step', value: (u) => (u.totpEnabled ? 'on' : 'off') },
    { key: 'disabled', label: 'State', value: (u) => (u.disabled ? 'disabled' : u.locked ? 'locked' : 'active') },
    { key: 'lastLoginAt', label: 'Last sign-in', sortable: true, render: (u) => formatDate(u.lastLoginAt) },
    {
      key: 'actions', label: 'Actions',
      render: (u) => !u.totpEnabled ? 'not enrolled' : confirming === u.username ? (
        <>
          <button type="button" className="danger" onClick={() => reset(u.username)}>Yes, reset two-step of {u.username}</button>{' '}
          <button type="button" onClick={() => setConfirming(undefined)}>Keep</button>
        </>
      ) : (
        <button type="button" className="link" aria-label={`Reset two-step verification of ${u.username}`} onClick={() => setConfirming(u.username)}>
          Reset two-step
        </button>
      ),
    },
  ];
  return (
    <>
      <h2>Users of {registrarId}</h2>
      {flash && <Success>{flash}</Success>}
      <ProblemAlert error={problem} />
      <DataTable caption={`Panel users of ${registrarId}`} columns={columns} load={load} rowKey={(u) => u.username} initialSort={{ key: 'username', order: 'asc' }} />
    </>
  );
}
