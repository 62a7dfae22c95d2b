import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { endpoints } from '../api/endpoints';
import { formatMoney } from '../api/format';
import { useAuth } from '../auth/AuthContext';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';
import { Success } from '../components/ProblemAlert';
import { checkAuthInfo, checkHostName, checkRegistrarId, checkYears, splitNames } from '../components/validate';

export function DomainNew() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const admin = me?.user.role === 'ADMIN';
  const [done, setDone] = useState<string>();
  const f = useForm({ name: '', years: '1', nameservers: '', authInfo: '', registrarId: '' });
  const onSubmit = f.submit(
    (v) => ({
      name: checkHostName(v.name, 'domain name'),
      years: checkYears(v.years),
      nameservers: splitNames(v.nameservers).map((n) => checkHostName(n, 'name server')).find(Boolean),
      authInfo: checkAuthInfo(v.authInfo),
      registrarId: admin ? checkRegistrarId(v.registrarId.trim()) : undefined,
    }),
    async (v) => {
      const r = await endpoints.createDomain({
        name: v.name.trim().toLowerCase(),
        years: Number(v.years),
        nameservers: splitNames(v.nameservers),
        authInfo: v.authInfo,
        registrarId: admin ? v.registrarId.trim() : undefined,
      });
      setDone(`Registered ${r.domain.name}${r.fee ? ` for ${formatMoney(r.fee)}` : ''}.`);
      navigate(`/domains/${encodeURIComponent(r.domain.name)}`, { state: { flash: `Registered ${r.domain.name}${r.fee ? ` for ${formatMoney(r.fee)}` : ''}.` } });
    },
  );
  return (
    <div className="narrow">
      <h1>Register a domain</h1>
      {done && <Success>{done}</Success>}
      <FormShell title="New domain" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Register">
        <Field label="Domain name" hint="e.g. example.test" autoFocus {...f.bind('name')} />
        <Field label="Period (years)" type="number" min={1} max={10} {...f.bind('years')} />
        <Field label="Name servers (optional)" hint="Existing host names, separated by spaces or commas" {...f.bind('nameservers')} />
        <Field label="Auth code" type="password" autoComplete="new-password" hint="8–64 characters; needed to transfer the domain later" {...f.bind('authInfo')} />
        {admin && <Field label="For registrar" hint="The registrar that sponsors and pays for it" {...f.bind('registrarId')} />}
      </FormShell>
      <p>
        Moving a domain from another registrar? <Link to="/transfer">Request a transfer</Link>.
      </p>
    </div>
  );
}

export function TransferRequest() {
  const [done, setDone] = useState<string>();
  const f = useForm({ name: '', authInfo: '', years: '1' });
  const onSubmit = f.submit(
    (v) => ({ name: checkHostName(v.name, 'domain name'), authInfo: v.authInfo ? undefined : 'Enter the auth code the current registrar gave the holder.', years: checkYears(v.years) }),
    async (v) => {
      const t = await endpoints.transferDomain(v.name.trim().toLowerCase(), { authInfo: v.authInfo, years: Number(v.years) });
      setDone(`Transfer of ${t.name} requested: ${t.status}. The losing registrar has until ${t.actionBy ?? 'the deadline'} to answer.`);
    },
  );
  return (
    <div className="narrow">
      <h1>Request a transfer</h1>
      {done && <Success>{done}</Success>}
      <FormShell title="Transfer to my registrar" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Request transfer">
        <Field label="Domain name" {...f.bind('name')} />
        <Field label="Auth code" type="password" autoComplete="off" {...f.bind('authInfo')} />
        <Field label="Years added" type="number" min={1} max={10} {...f.bind('years')} />
      </FormShell>
    </div>
  );
}
