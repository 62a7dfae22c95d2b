import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/client';
import { endpoints } from '../api/endpoints';
import { formatDate } from '../api/format';
import type { LookupAnswer } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';

/** The public WHOIS/RDAP-style view of a domain, host, registrar, or a prefix search (`abc*`). */
export function Lookup() {
  const f = useForm({ q: '' });
  const [answer, setAnswer] = useState<LookupAnswer | null>();
  const [asked, setAsked] = useState('');
  const onSubmit = f.submit(
    (v) => ({
      q: !v.q.trim()
        ? 'Enter a domain name, host name, registrar id or a prefix ending in *.'
        : /\s/.test(v.q.trim()) ? 'Enter one name, without spaces.' : undefined,
    }),
    async (v) => {
      const q = v.q.trim().toLowerCase();
      setAnswer(undefined);
      setAsked(q);
      try {
        setAnswer(await endpoints.lookup(q));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) {
          setAnswer(null);
          return;
        }
        throw e;
      }
    },
  );
  return (
    <>
      <h1>Lookup</h1>
      <div className="narrow">
        <FormShell title="Public lookup" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Look up">
          <Field label="Name or id" hint="example.test, ns1.example.test, a registrar id, or a prefix such as exa*" autoFocus autoComplete="off" {...f.bind('q')} />
        </FormShell>
      </div>
      <div aria-live="polite">
        {answer === null && <p role="status">Nothing found for {asked}.</p>}
        {answer && <LookupResult answer={answer} />}
      </div>
    </>
  );
}

function LookupResult({ answer }: { answer: LookupAnswer }) {
  const { me } = useAuth();
  const sees = (registrarId?: string) => me?.user.role !== 'REGISTRAR' || me.user.registrarId === registrarId;
  switch (answer.kind) {
    case 'domain': {
      const d = answer.domain;
      return (
        <section aria-labelledby="lookup-title">
          <h2 id="lookup-title">Domain {d.name}</h2>
          <dl className="facts">
            <dt>Registrar</dt><dd>{d.registrar ?? d.registrarId} ({d.registrarId})</dd>
            <dt>Statuses</dt><dd>{d.statuses.join(', ')}</dd>
            <dt>Name servers</dt><dd>{d.nameservers?.length ? d.nameservers.join(', ') : 'none'}</dd>
            <dt>Created</dt><dd>{formatDate(d.createdAt)}</dd>
            <dt>Updated</dt><dd>{formatDate(d.updatedAt)}</dd>
            <dt>Expires</dt><dd>{formatDate(d.expiresAt)}</dd>
            <dt>DNSSEC</dt><dd>{d.dnssec ? 'signed' : 'unsigned'}</dd>
          </dl>
          {sees(d.registrarId) && <p><Link to={`/domains/${encodeURIComponent(d.name)}`}>Open {d.name}</Link></p>}
        </section>
      );
    }
    case 'host': {
      const h = answer.host;
      return (
        <section aria-labelledby="lookup-title">
          <h2 id="lookup-title">Host {h.name}</h2>
          <dl className="facts">
            <dt>Registrar</dt><dd>{h.registrarId}</dd>
            <dt>Addresses</dt><dd>{h.addresses?.length ? h.addresses.join(', ') : 'none'}</dd>
            <dt>Statuses</dt><dd>{(h.statuses ?? []).join(', ')}</dd>
          </dl>
        </section>
      );
    }
    case 'registrar': {
      const r = answer.registrar;
      return (
        <section aria-labelledby="lookup-title">
          <h2 id="lookup-title">Registrar {r.name}</h2>
          <dl className="facts">
            <dt>Id</dt><dd>{r.id}</dd>
            <dt>IANA id</dt><dd>{r.ianaId ?? '—'}</dd>
            <dt>URL</dt><dd>{r.url ?? '—'}</dd>
            <dt>Abuse email</dt><dd>{r.abuseEmail ?? '—'}</dd>
            <dt>Abuse phone</dt><dd>{r.abusePhone ?? '—'}</dd>
          </dl>
        </section>
      );
    }
    case 'search':
      return (
        <section aria-labelledby="lookup-title">
          <h2 id="lookup-title">Matches</h2>
          <table>
            <caption>Domains (at most 50)</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Registrar</th><th scope="col">Statuses</th></tr></thead>
            <tbody>
              {answer.domains.map((d) => (
                <tr key={d.name}><td>{d.name}</td><td>{d.registrarId}</td><td>{(d.statuses ?? []).join(', ')}</td></tr>
              ))}
              {answer.domains.length === 0 && <tr><td colSpan={3} className="empty">Nothing here.</td></tr>}
            </tbody>
          </table>
          <table>
            <caption>Hosts (at most 50)</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Registrar</th></tr></thead>
            <tbody>
              {answer.hosts.map((h) => (
                <tr key={h.name}><td>{h.name}</td><td>{h.registrarId}</td></tr>
              ))}
              {answer.hosts.length === 0 && <tr><td colSpan={2} className="empty">Nothing here.</td></tr>}
            </tbody>
          </table>
        </section>
      );
  }
}
