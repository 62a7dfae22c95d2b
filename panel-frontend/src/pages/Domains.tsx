import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { endpoints } from '../api/endpoints';
import { formatDay } from '../api/format';
import type { Domain, List } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Column, DataTable } from '../components/DataTable';
import { Field } from '../components/Field';

const columns: Column<Domain>[] = [
  { key: 'name', label: 'Name', sortable: true, render: (d) => <Link to={`/domains/${encodeURIComponent(d.name)}`}>{d.name}</Link> },
  { key: 'registrarId', label: 'Registrar', sortable: true },
  { key: 'statuses', label: 'Statuses', value: (d) => d.statuses.join(', ') },
  { key: 'createdAt', label: 'Created', sortable: true, render: (d) => formatDay(d.createdAt) },
  { key: 'expiresAt', label: 'Expires', sortable: true, render: (d) => formatDay(d.expiresAt) },
];

/** Domain search: by name prefix or registrar (the API's indexes); registrars see their own. */
export function Domains() {
  const { me } = useAuth();
  const own = me?.user.role === 'REGISTRAR' ? me.user.registrarId ?? '' : '';
  const [q, setQ] = useState('');
  const [registrar, setRegistrar] = useState(own);
  const [search, setSearch] = useState({ q: '', registrar: own });
  const load = useCallback((): Promise<List<Domain>> => {
    if (!search.q && !search.registrar) return Promise.resolve({ items: [] });
    return endpoints.domains({ q: search.q || undefined, registrar: search.registrar || undefined });
  }, [search]);
  return (
    <>
      <div className="page-head">
        <h1>Domains</h1>
        {me?.user.role !== 'AUDITOR' && (
          <Link className="button" to="/domains/new">
            Register a domain
          </Link>
        )}
      </div>
      <form className="filters" role="search" aria-label="Domains" onSubmit={(e) => { e.preventDefault(); setSearch({ q: q.trim().toLowerCase(), registrar: registrar.trim() }); }}>
        <Field label="Name starts with" value={q} onChange={(e) => setQ(e.target.value)} />
        {!own && <Field label="Registrar id" value={registrar} onChange={(e) => setRegistrar(e.target.value)} />}
        <button type="submit">Search</button>
      </form>
      {!search.q && !search.registrar && <p className="hint">Search by a name prefix or a registrar id.</p>}
      <DataTable caption="Domains" columns={columns} load={load} rowKey={(d) => d.name} initialSort={{ key: 'name', order: 'asc' }} />
    </>
  );
}
