import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { endpoints, storedFileUrl } from '../api/endpoints';
import { formatDate } from '../api/format';
import type { EscrowDeposit, StoredFile } from '../api/types';
import { Column, DataTable } from '../components/DataTable';
import { Field } from '../components/Field';
import { ProblemAlert } from '../components/ProblemAlert';

const STORES = [
  { id: 'reports', label: 'ICANN reports' },
  { id: 'zones', label: 'Zone files' },
  { id: 'escrow', label: 'Escrow deposits' },
] as const;
type Store = (typeof STORES)[number]['id'];

export function formatSize(n: number | undefined): string {
  if (n == null) return '';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** The API's 503 (no bucket or directory configured) as a plain explanation, not an error. */
function NotConfigured({ error, what }: { error: ApiError; what: string }) {
  return (
    <div role="alert" className="alert alert-warn">
      <strong>{what} are not available: storage is not configured.</strong> {error.detail}
    </div>
  );
}

const isNotConfigured = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 503;

/** Lists of the report, zone and escrow stores with download links, and the escrow status. */
export function Reports() {
  const [store, setStore] = useState<Store>('reports');
  const [prefix, setPrefix] = useState('');
  const [draft, setDraft] = useState('');
  const [unconfigured, setUnconfigured] = useState<ApiError>();
  const load = useCallback(async () => {
    setUnconfigured(undefined);
    try {
      return await endpoints.storedFiles(store, prefix || undefined);
    } catch (e) {
      if (isNotConfigured(e)) {
        setUnconfigured(e);
        return { items: [] };
      }
      throw e;
    }
  }, [store, prefix]);
  const label = STORES.find((s) => s.id === store)!.label;
  const columns: Column<StoredFile>[] = [
    {
      key: 'key', label: 'File', sortable: true,
      render: (f) => <a href={storedFileUrl(store, f.key)} download={f.key.split('/').pop()}>{f.key}</a>,
    },
    { key: 'size', label: 'Size', sortable: true, render: (f) => formatSize(f.size) },
    { key: 'lastModified', label: 'Written', sortable: true, render: (f) => formatDate(f.lastModified) },
  ];
  return (
    <>
      <h1>Reports and escrow</h1>
      <EscrowStatus />
      <h2>Files</h2>
      <form
        className="filters"
        role="search"
        aria-label="Files"
        onSubmit={(e) => {
          e.preventDefault();
          setPrefix(draft.trim());
        }}
      >
        <div className="field">
          <label htmlFor="store">Store</label>
          <select id="store" value={store} onChange={(e) => setStore(e.target.value as Store)}>
            {STORES.map((s) => (
              <option key={s.id} value={s.id}>{s.label}</option>
            ))}
          </select>
        </div>
        <Field label="Name starts with" hint="e.g. 2026-01 or test_" value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit">Show</button>
      </form>
      {unconfigured && <NotConfigured error={unconfigured} what={label} />}
      <DataTable caption={`${label}, newest first`} columns={columns} load={load} rowKey={(f) => f.key} initialSort={{ key: 'lastModified', order: 'desc' }} />
    </>
  );
}

function EscrowStatus() {
  const [deposits, setDeposits] = useState<EscrowDeposit[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    endpoints.escrow().then((r) => setDeposits(r.deposits), setError);
  }, []);
  const file = (f: EscrowDeposit['latestFull']) =>
    f ? (
      <>
        <a href={storedFileUrl('escrow', f.key)} download={f.key.split('/').pop()}>{f.date ?? f.key}</a> ({formatSize(f.size)})
      </>
    ) : (
      'none'
    );
  return (
    <section aria-labelledby="escrow-title">
      <h2 id="escrow-title">Escrow status</h2>
      {isNotConfigured(error) ? (
        <NotConfigured error={error} what="Escrow deposits" />
      ) : (
        <ProblemAlert error={error} />
      )}
      {!deposits && !error && <p role="status">Loading…</p>}
      {deposits && (
        <table>
          <caption>Latest deposits per TLD</caption>
          <thead>
            <tr><th scope="col">TLD</th><th scope="col">Latest full</th><th scope="col">Latest differential</th></tr>
          </thead>
          <tbody>
            {deposits.map((d) => (
              <tr key={d.tld}><td>.{d.tld}</td><td>{file(d.latestFull)}</td><td>{file(d.latestDiff)}</td></tr>
            ))}
            {deposits.length === 0 && (
              <tr><td colSpan={3} className="empty">No deposits yet.</td></tr>
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}
