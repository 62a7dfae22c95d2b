import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { endpoints } from '../api/endpoints';
import { formatDate, formatMoney } from '../api/format';
import { CsvImportResult, Label, List, OPERATIONS, Operation, Tld, TLD_POLICY_FIELDS, TldPolicyField } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Column, DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';
import { ProblemAlert, Success } from '../components/ProblemAlert';
import { TextArea } from '../components/TextArea';
import { checkLabel, checkLabelCsv, isPrice, LABEL_CSV_HEADER, parsePriceList } from '../components/validate';

const POLICY_LABELS: Record<TldPolicyField, string> = {
  addGraceDays: 'Add grace (days)',
  renewGraceDays: 'Renew grace (days)',
  autoRenewGraceDays: 'Auto-renew grace (days)',
  transferGraceDays: 'Transfer grace (days)',
  redemptionDays: 'Redemption (days)',
  pendingDeleteDays: 'Pending delete (days)',
  restoreReportDays: 'Restore report (days)',
  pendingTransferDays: 'Pending transfer (days)',
  transferLockDays: 'Transfer lock (days)',
  minPeriodYears: 'Minimum period (years)',
  maxPeriodYears: 'Maximum period (years)',
  maxExpiryYears: 'Maximum expiry (years ahead)',
  maxCheckNames: 'Names per check',
  maxNameservers: 'Name servers per domain',
  maxHostAddresses: 'Addresses per host',
  maxDsRecords: 'DS records per domain',
};

const priceOf = (t: Tld, op: Operation) => {
  const p = t.prices?.[op]?.['1'];
  return p ? `${p} ${t.currency}` : '';
};

const tldColumns: Column<Tld>[] = [
  { key: 'name', label: 'TLD', sortable: true, render: (t) => <Link to={`/tlds/${encodeURIComponent(t.name)}`}>.{t.name}</Link> },
  { key: 'currency', label: 'Currency', sortable: true },
  { key: 'create', label: 'Create (1 year)', sortable: true, value: (t) => Number(t.prices?.CREATE?.['1'] ?? NaN) || null, render: (t) => priceOf(t, 'CREATE') },
  { key: 'renew', label: 'Renew (1 year)', sortable: true, value: (t) => Number(t.prices?.RENEW?.['1'] ?? NaN) || null, render: (t) => priceOf(t, 'RENEW') },
  { key: 'redemptionDays', label: 'Redemption days', sortable: true },
  { key: 'createdAt', label: 'Created', sortable: true, render: (t) => formatDate(t.createdAt) },
];

export function Tlds() {
  const load = useCallback(() => endpoints.tlds(), []);
  return (
    <>
      <h1>TLDs</h1>
      <DataTable caption="TLDs" columns={tldColumns} load={load} rowKey={(t) => t.name} initialSort={{ key: 'name', order: 'asc' }} />
    </>
  );
}

/** One TLD: its policy and prices (admins change them) and its reserved/premium labels. */
export function TldDetail() {
  const { tld = '' } = useParams();
  const { me } = useAuth();
  const admin = me?.user.role === 'ADMIN';
  const [t, setT] = useState<Tld>();
  const [error, setError] = useState<unknown>();
  const [flash, setFlash] = useState<string>();
  useEffect(() => {
    endpoints.tld(tld).then(setT, setError);
  }, [tld]);
  if (error) return (<><h1>.{tld}</h1><ProblemAlert error={error} /></>);
  if (!t) return <p role="status">Loading…</p>;
  const changed = (next: Tld, msg: string) => {
    setT(next);
    setFlash(msg);
  };
  return (
    <>
      <p><Link to="/tlds">← TLDs</Link></p>
      <h1>.{t.name}</h1>
      {flash && <Success>{flash}</Success>}
      <dl className="facts">
        <dt>Currency</dt><dd>{t.currency}</dd>
        <dt>Version</dt><dd>{t.version}</dd>
        <dt>IDN tables</dt><dd>{t.idnTables?.length ? t.idnTables.join(', ') : 'none'}</dd>
        {OPERATIONS.map((op) => (
          <div key={op} style={{ display: 'contents' }}>
            <dt>{op.charAt(0) + op.slice(1).toLowerCase()} prices</dt>
            <dd>{Object.entries(t.prices?.[op] ?? {}).map(([y, p]) => `${y} y: ${p}`).join(' · ') || 'not set'}</dd>
          </div>
        ))}
      </dl>
      {admin ? (
        <div className="grid">
          <PolicyForm key={`p${t.version}`} tld={t} onDone={changed} />
          <PricesForm key={`c${t.version}`} tld={t} onDone={changed} />
        </div>
      ) : (
        <PolicyFacts tld={t} />
      )}
      <Labels tld={t} admin={admin} />
    </>
  );
}

function PolicyFacts({ tld }: { tld: Tld }) {
  return (
    <>
      <h2>Policy</h2>
      <dl className="facts">
        {TLD_POLICY_FIELDS.map((k) => (
          <div key={k} style={{ display: 'contents' }}>
            <dt>{POLICY_LABELS[k]}</dt>
            <dd>{tld[k] ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function PolicyForm({ tld, onDone }: { tld: Tld; onDone: (t: Tld, msg: string) => void }) {
  const f = useForm(Object.fromEntries(TLD_POLICY_FIELDS.map((k) => [k, String(tld[k] ?? '')])) as Record<TldPolicyField, string>);
  const onSubmit = f.submit(
    (v) => Object.fromEntries(TLD_POLICY_FIELDS.map((k) => [k, /^\d{1,5}$/.test(v[k].trim()) ? undefined : 'Enter a whole number, 0 or more.'])),
    async (v) => {
      const diff = Object.fromEntries(
        TLD_POLICY_FIELDS.filter((k) => Number(v[k]) !== tld[k]).map((k) => [k, Number(v[k])]),
      ) as Partial<Record<TldPolicyField, number>>;
      if (Object.keys(diff).length === 0) {
        f.setProblem(new Error('Nothing changed: edit a value first.'));
        return;
      }
      const next = await endpoints.updateTldPolicy(tld.name, { version: tld.version, ...diff });
      onDone(next, `Policy of .${tld.name} saved (${Object.keys(diff).join(', ')}).`);
    },
  );
  return (
    <FormShell title="Policy" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Save policy">
      <p className="hint">Saved against version {tld.version}; if someone else changed the TLD meanwhile, reload the page.</p>
      {TLD_POLICY_FIELDS.map((k) => (
        <Field key={k} label={POLICY_LABELS[k]} inputMode="numeric" {...f.bind(k)} />
      ))}
    </FormShell>
  );
}

function PricesForm({ tld, onDone }: { tld: Tld; onDone: (t: Tld, msg: string) => void }) {
  const show = (op: Operation) => Object.entries(tld.prices?.[op] ?? {}).map(([y, p]) => `${y}=${p}`).join(' ');
  const f = useForm(Object.fromEntries(OPERATIONS.map((op) => [op, show(op)])) as Record<Operation, string>);
  const onSubmit = f.submit(
    (v) => Object.fromEntries(OPERATIONS.map((op) => {
      if (!v[op].trim()) return [op, undefined];
      const p = parsePriceList(v[op]);
      return [op, typeof p === 'string' ? p : undefined];
    })),
    async (v) => {
      const prices: Partial<Record<Operation, Record<string, string>>> = {};
      for (const op of OPERATIONS) {
        if (v[op].trim() && v[op].trim() !== show(op)) prices[op] = parsePriceList(v[op]) as Record<string, string>;
      }
      if (Object.keys(prices).length === 0) {
        f.setProblem(new Error('Nothing changed: edit a price first.'));
        return;
      }
      const next = await endpoints.setTldPrices(tld.name, { version: tld.version, prices });
      onDone(next, `Prices of .${tld.name} saved (${Object.keys(prices).join(', ')}).`);
    },
  );
  return (
    <FormShell title="Prices" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Save prices">
      <p className="hint">In {tld.currency}, as years=price separated by spaces, e.g. 1=10.00 2=19.00. Operations left unchanged keep their prices.</p>
      {OPERATIONS.map((op) => (
        <Field key={op} label={`${op.charAt(0) + op.slice(1).toLowerCase()} prices`} {...f.bind(op)} />
      ))}
    </FormShell>
  );
}

function Labels({ tld, admin }: { tld: Tld; admin: boolean }) {
  const [kind, setKind] = useState<'' | 'reserved' | 'premium'>('');
  const [tick, setTick] = useState(0);
  const [flash, setFlash] = useState<string>();
  const [problem, setProblem] = useState<unknown>();
  const [confirming, setConfirming] = useState<string>();
  const load = useCallback((): Promise<List<Label>> => {
    void tick; // a new tick reloads the list after a change
    return endpoints.labels(tld.name, kind || undefined);
  }, [tld.name, kind, tick]);
  const changed = (msg: string) => {
    setFlash(msg);
    setTick((x) => x + 1);
  };
  const remove = async (label: string) => {
    setProblem(undefined);
    try {
      await endpoints.deleteLabel(tld.name, label);
      setConfirming(undefined);
      changed(`Label ${label} removed.`);
    } catch (e) {
      setProblem(e);
    }
  };
  const columns: Column<Label>[] = [
    { key: 'label', label: 'Label', sortable: true },
    { key: 'reservedReason', label: 'Reserved because', sortable: true, value: (l) => l.reservedReason ?? '' },
    ...OPERATIONS.map((op): Column<Label> => ({
      key: op, label: `Premium ${op.toLowerCase()}`, sortable: true,
      value: (l) => l.premiumPrices?.[op]?.minor ?? null,
      render: (l) => formatMoney(l.premiumPrices?.[op]),
    })),
  ];
  if (admin) {
    columns.push({
      key: 'actions', label: 'Actions',
      render: (l) => confirming === l.label ? (
        <>
          <button type="button" className="danger" onClick={() => remove(l.label)}>Yes, remove {l.label}</button>{' '}
          <button type="button" onClick={() => setConfirming(undefined)}>Keep</button>
        </>
      ) : (
        <button type="button" className="link" onClick={() => setConfirming(l.label)} aria-label={`Remove ${l.label}`}>Remove</button>
      ),
    });
  }
  return (
    <section aria-labelledby="labels-title">
      <h2 id="labels-title">Reserved and premium labels</h2>
      {flash && <Success>{flash}</Success>}
      <ProblemAlert error={problem} />
      <div className="filters">
        <div className="field">
          <label htmlFor="label-kind">Show</label>
          <select id="label-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="">All labels</option>
            <option value="reserved">Reserved</option>
            <option value="premium">Premium</option>
          </select>
        </div>
      </div>
      <DataTable caption={`Labels of .${tld.name}`} columns={columns} load={load} rowKey={(l) => l.label} initialSort={{ key: 'label', order: 'asc' }} />
      {admin && (
        <div className="grid">
          <LabelForm tld={tld} onDone={changed} />
          <LabelImport tld={tld} onDone={changed} />
        </div>
      )}
    </section>
  );
}

function LabelForm({ tld, onDone }: { tld: Tld; onDone: (msg: string) => void }) {
  const f = useForm({ label: '', reservedReason: '', CREATE: '', RENEW: '', TRANSFER: '', RESTORE: '' });
  const onSubmit = f.submit(
    (v) => {
      const anyPrice = OPERATIONS.some((op) => v[op].trim());
      return {
        label: checkLabel(v.label),
        reservedReason: !v.reservedReason.trim() && !anyPrice ? 'Give a reason to reserve it, a premium price, or both.' : undefined,
        ...Object.fromEntries(OPERATIONS.map((op) => [op, v[op].trim() && !isPrice(v[op]) ? 'Enter a price with at most two decimals.' : undefined])),
      };
    },
    async (v) => {
      const premium = Object.fromEntries(
        OPERATIONS.filter((op) => v[op].trim()).map((op) => {
          const [u, c = ''] = v[op].trim().replace(/,/g, '').split('.');
          return [op, `${Number(u)}.${c.padEnd(2, '0')}`];
        }),
      );
      const label = v.label.trim().toLowerCase();
      await endpoints.putLabel(tld.name, label, {
        ...(v.reservedReason.trim() ? { reservedReason: v.reservedReason.trim() } : {}),
        ...(Object.keys(premium).length ? { premiumPrices: premium } : {}),
      });
      f.setValues({ label: '', reservedReason: '', CREATE: '', RENEW: '', TRANSFER: '', RESTORE: '' });
      onDone(`Label ${label} saved.`);
    },
  );
  return (
    <FormShell title="Add or change a label" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Save label">
      <Field label="Label" hint={`Without the TLD, e.g. gold for gold.${tld.name}`} autoComplete="off" {...f.bind('label')} />
      <Field label="Reserved because (optional)" {...f.bind('reservedReason')} />
      <fieldset>
        <legend>Premium prices in {tld.currency} (optional)</legend>
        {OPERATIONS.map((op) => (
          <Field key={op} label={`Premium ${op.toLowerCase()}`} inputMode="decimal" {...f.bind(op)} />
        ))}
      </fieldset>
    </FormShell>
  );
}

function LabelImport({ tld, onDone }: { tld: Tld; onDone: (msg: string) => void }) {
  const f = useForm({ csv: '' });
  const [result, setResult] = useState<CsvImportResult>();
  const onSubmit = f.submit(
    (v) => ({ csv: checkLabelCsv(v.csv) }),
    async (v) => {
      setResult(undefined);
      const r = await endpoints.importLabels(tld.name, v.csv.replace(/^\uFEFF/, ''));
      setResult(r);
      onDone(`Imported ${r.imported} label${r.imported === 1 ? '' : 's'}${r.errors.length ? `; ${r.errors.length} line${r.errors.length === 1 ? '' : 's'} skipped` : ''}.`);
    },
  );
  return (
    <FormShell title="Import labels from CSV" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Import CSV">
      <div className="field">
        <label htmlFor="label-csv-file">CSV file</label>
        <input
          id="label-csv-file"
          type="file"
          accept=".csv,text/csv"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) {
              const text = await file.text();
              f.setValues({ csv: text });
            }
          }}
        />
      </div>
      <TextArea
        label="CSV lines"
        hint={`First line ${LABEL_CSV_HEADER}; empty cells are not set; at most 10,000 lines.`}
        spellCheck={false}
        {...f.bind('csv')}
      />
      {result && result.errors.length > 0 && (
        <table>
          <caption>Lines skipped</caption>
          <thead><tr><th scope="col">Line</th><th scope="col">Problem</th></tr></thead>
          <tbody>
            {result.errors.map((e) => (
              <tr key={e.line}><td>{e.line}</td><td>{e.detail}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </FormShell>
  );
}
