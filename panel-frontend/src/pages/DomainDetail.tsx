import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { endpoints } from '../api/endpoints';
import { formatDate, formatDay, formatMoney } from '../api/format';
import type { DomainView, Transfer } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';
import { ProblemAlert, Success } from '../components/ProblemAlert';
import { checkHostName, checkYears, splitNames } from '../components/validate';

/** One domain: its data, its history, and the actions its sponsor (or an admin) may take. */
export function DomainDetail() {
  const { name = '' } = useParams();
  const { me } = useAuth();
  const location = useLocation();
  const [view, setView] = useState<DomainView>();
  const [error, setError] = useState<unknown>();
  const [flash, setFlash] = useState<string | undefined>((location.state as { flash?: string } | null)?.flash);
  const reload = useCallback(() => endpoints.domain(name).then(setView, setError), [name]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const canWrite = me?.user.role !== 'AUDITOR';
  const done = async (msg: string) => {
    setFlash(msg);
    await reload();
  };
  if (error) return (<><h1>{name}</h1><ProblemAlert error={error} /></>);
  if (!view) return <p role="status">Loading…</p>;
  const d = view.domain;
  const deleted = d.statuses.includes('pendingDelete');
  return (
    <>
      <p><Link to="/domains">← Domains</Link></p>
      <h1>{d.name}</h1>
      {flash && <Success>{flash}</Success>}
      <dl className="facts">
        <dt>ROID</dt><dd>{d.roid}</dd>
        <dt>Registrar</dt><dd>{d.registrarId}</dd>
        <dt>Statuses</dt><dd>{d.statuses.join(', ')}</dd>
        <dt>Created</dt><dd>{formatDate(d.createdAt)}</dd>
        <dt>Expires</dt><dd>{formatDate(d.expiresAt)}</dd>
        <dt>Name servers</dt><dd>{d.nameservers?.length ? d.nameservers.join(', ') : 'none'}</dd>
        {d.redemptionEndsAt && (<><dt>Redemption ends</dt><dd>{formatDate(d.redemptionEndsAt)}</dd></>)}
      </dl>
      {d.transfer && <TransferPanel name={d.name} transfer={d.transfer} sponsor={d.registrarId} onDone={done} />}
      {canWrite && (
        <div className="grid">
          {!deleted && <Renew name={d.name} expiresAt={d.expiresAt} onDone={done} />}
          {!deleted && <Nameservers name={d.name} current={d.nameservers ?? []} onDone={done} />}
          <DeleteRestore name={d.name} deleted={deleted} onDone={done} />
        </div>
      )}
      <h2>History</h2>
      <table>
        <caption>Changes to {d.name}, newest first</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Action</th><th scope="col">Registrar</th><th scope="col">By</th></tr></thead>
        <tbody>
          {view.history.map((h) => (
            <tr key={h.id}><td>{formatDate(h.at)}</td><td>{h.action}</td><td>{h.registrarId}</td><td>{h.actor}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Renew({ name, expiresAt, onDone }: { name: string; expiresAt?: string; onDone: (m: string) => Promise<void> }) {
  const f = useForm({ years: '1' });
  const onSubmit = f.submit(
    (v) => ({ years: checkYears(v.years) }),
    async (v) => {
      const r = await endpoints.renewDomain(name, { years: Number(v.years), currentExpiryDate: formatDay(expiresAt) });
      await onDone(`Renewed until ${formatDay(r.domain.expiresAt)}${r.fee ? ` for ${formatMoney(r.fee)}` : ''}.`);
    },
  );
  return (
    <FormShell title="Renew" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Renew">
      <Field label="Years to add" type="number" min={1} max={10} {...f.bind('years')} />
    </FormShell>
  );
}

function Nameservers({ name, current, onDone }: { name: string; current: string[]; onDone: (m: string) => Promise<void> }) {
  const f = useForm({ nameservers: current.join(' ') });
  const onSubmit = f.submit(
    (v) => ({ nameservers: splitNames(v.nameservers).map((n) => checkHostName(n, 'name server')).find(Boolean) }),
    async (v) => {
      const want = splitNames(v.nameservers);
      const addNameservers = want.filter((n) => !current.includes(n));
      const removeNameservers = current.filter((n) => !want.includes(n));
      if (!addNameservers.length && !removeNameservers.length) {
        f.setProblem(new Error('Nothing changed: edit the list first.'));
        return;
      }
      await endpoints.updateDomain(name, { addNameservers, removeNameservers });
      await onDone('Name servers updated.');
    },
  );
  return (
    <FormShell title="Name servers" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Save name servers">
      <Field label="Name servers" hint="Existing hosts, separated by spaces" {...f.bind('nameservers')} />
    </FormShell>
  );
}

function DeleteRestore({ name, deleted, onDone }: { name: string; deleted: boolean; onDone: (m: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (f: () => Promise<string>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onDone(await f());
      setConfirming(false);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="form" aria-labelledby="danger">
      <h2 id="danger">{deleted ? 'Restore' : 'Delete'}</h2>
      {deleted ? (
        <button type="button" disabled={busy} onClick={() => run(async () => {
          const r = await endpoints.restoreDomain(name);
          return `Restored${r.fee ? ` for ${formatMoney(r.fee)}` : ''}.`;
        })}>Restore {name}</button>
      ) : confirming ? (
        <>
          <p role="alert">Delete {name}? Within the add grace period the fee is refunded and the name is free at once; otherwise it enters redemption.</p>
          <button type="button" className="danger" disabled={busy} onClick={() => run(async () => {
            const r = await endpoints.deleteDomain(name);
            return r.deletedNow ? `${name} was deleted.` : `${name} is pending deletion and can be restored during redemption.`;
          })}>Yes, delete</button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>Delete {name}…</button>
      )}
      <ProblemAlert error={problem} />
    </section>
  );
}

/**
 * A transfer of this domain: its state, and while it is pending the losing registrar's
 * approve/reject and the gaining registrar's cancel (admins may do all three as the registry).
 */
function TransferPanel({ name, transfer, sponsor, onDone }: {
  name: string; transfer: Transfer; sponsor: string; onDone: (m: string) => Promise<void>;
}) {
  const { me } = useAuth();
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const role = me?.user.role;
  const own = me?.user.registrarId;
  const losing = transfer.losingRegistrar ?? sponsor;
  const pending = transfer.status === 'pending';
  const mayAnswer = pending && (role === 'ADMIN' || (role === 'REGISTRAR' && own === losing));
  const mayCancel = pending && (role === 'ADMIN' || (role === 'REGISTRAR' && own === transfer.requestedBy));
  const run = async (action: 'approve' | 'reject' | 'cancel') => {
    setBusy(true);
    setProblem(undefined);
    try {
      const t = await endpoints.transferAction(name, action);
      await onDone(`Transfer ${action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : 'cancelled'} (${t.status}).`);
    } catch (e) {
      setProblem(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="form" aria-labelledby="transfer-title">
      <h2 id="transfer-title">Transfer {pending ? 'pending' : transfer.status}</h2>
      <dl className="facts">
        <dt>Status</dt><dd>{transfer.status}</dd>
        <dt>Requested by</dt><dd>{transfer.requestedBy}</dd>
        <dt>Requested</dt><dd>{formatDate(transfer.requestedAt)}</dd>
        <dt>Losing registrar</dt><dd>{losing}</dd>
        <dt>{pending ? 'Approved automatically' : 'Acted'}</dt><dd>{formatDate(transfer.actionBy)}</dd>
        {transfer.fee && (<><dt>Fee</dt><dd>{formatMoney(transfer.fee)}</dd></>)}
      </dl>
      {(mayAnswer || mayCancel) && (
        <p>
          {mayAnswer && (
            <>
              <button type="button" disabled={busy} onClick={() => run('approve')}>Approve transfer</button>{' '}
              <button type="button" className="danger" disabled={busy} onClick={() => run('reject')}>Reject transfer</button>{' '}
            </>
          )}
          {mayCancel && <button type="button" disabled={busy} onClick={() => run('cancel')}>Cancel transfer</button>}
        </p>
      )}
      <ProblemAlert error={problem} />
    </section>
  );
}
