import { useEffect, useState } from 'react';
import { endpoints } from '../api/endpoints';
import { formatMoney } from '../api/format';
import type { Dashboard as Data } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { BarChart, ColumnChart } from '../components/Charts';
import { ProblemAlert } from '../components/ProblemAlert';

export function Dashboard() {
  const { me } = useAuth();
  const [data, setData] = useState<Data>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    endpoints.dashboard(6).then(setData, setError);
  }, []);

  const statusCounts = new Map<string, number>();
  for (const t of data?.domainsByTld ?? []) {
    for (const [s, n] of Object.entries(t.byStatus)) statusCounts.set(s, (statusCounts.get(s) ?? 0) + n);
  }
  const scope = me?.user.role === 'REGISTRAR' ? `registrar ${me.user.registrarId}` : 'the whole registry';
  return (
    <>
      <h1>Dashboard</h1>
      <p className="lead">Figures for {scope}.</p>
      <ProblemAlert error={error} />
      {!data && !error && <p role="status">Loading…</p>}
      {data && (
        <div className="grid">
          <BarChart title="Domains by TLD" bars={data.domainsByTld.map((t) => ({ label: `.${t.tld}`, value: t.total }))} />
          <BarChart title="Domains by status" bars={[...statusCounts].map(([label, value]) => ({ label, value }))} />
          <ColumnChart
            title="Registrations and deletions per month"
            periods={data.activity.map((a) => a.month)}
            series={[
              { name: 'registrations', values: data.activity.map((a) => a.creates), className: 'col-create' },
              { name: 'deletions', values: data.activity.map((a) => a.deletes), className: 'col-delete' },
            ]}
          />
          <BarChart title="Top registrars by domains" bars={data.topRegistrars.map((r) => ({ label: r.name || r.registrarId, value: r.domains }))} />
          <BarChart
            title="Available funds (balance + credit)"
            bars={data.balances.map((b) => ({ label: b.registrarId, value: (b.available ?? b.balance).minor }))}
            format={(v) => formatMoney({ minor: v, amount: '', currency: data.balances[0]?.balance.currency ?? '' })}
          />
          {(data.notes?.length || data.truncated) && (
            <aside className="notes">
              {data.truncated && <p>Counts stop at the dashboard limit: more domains exist.</p>}
              {data.notes?.map((n) => <p key={n}>{n}</p>)}
            </aside>
          )}
        </div>
      )}
    </>
  );
}
