import { ReactNode, useEffect, useMemo, useState } from 'react';
import type { List } from '../api/types';
import { ProblemAlert } from './ProblemAlert';

export interface Column<T> {
  key: string;
  label: string;
  sortable?: boolean;
  render?: (row: T) => ReactNode;
  /** value compared when sorting; defaults to row[key] */
  value?: (row: T) => string | number | undefined | null;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  /** loads the list; called again whenever the function identity changes */
  load: () => Promise<List<T>>;
  rowKey: (row: T) => string;
  pageSize?: number;
  initialSort?: { key: string; order: 'asc' | 'desc' };
}

function cell<T>(c: Column<T>, row: T): string | number | undefined | null {
  if (c.value) return c.value(row);
  const v = (row as Record<string, unknown>)[c.key];
  return typeof v === 'string' || typeof v === 'number' ? v : v == null ? null : String(v);
}

/**
 * A table over one of the API's lists ({items, truncated}): sorting by column headers and
 * paging in the browser (the API answers at most 200 items and says when more matched, so
 * the user is told to narrow the search instead of paging through a cursor).
 */
export function DataTable<T>({ caption, columns, load, rowKey, pageSize = 20, initialSort }: Props<T>) {
  const [sort, setSort] = useState(initialSort);
  const [pageNo, setPageNo] = useState(1);
  const [list, setList] = useState<List<T> | undefined>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    load()
      .then((l) => live && (setList(l), setPageNo(1)))
      .catch((e) => live && (setError(e), setList(undefined)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [load]);

  const sorted = useMemo(() => {
    const items = list?.items ?? [];
    const col = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !col) return items;
    const dir = sort.order === 'asc' ? 1 : -1;
    return [...items].sort((a, b) => {
      const x = cell(col, a);
      const y = cell(col, b);
      if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
      return String(x).localeCompare(String(y), 'en', { numeric: true }) * dir;
    });
  }, [list, sort, columns]);

  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const rows = sorted.slice((pageNo - 1) * pageSize, pageNo * pageSize);

  const toggleSort = (key: string) => {
    setSort((s) => (s?.key === key ? { key, order: s.order === 'asc' ? 'desc' : 'asc' } : { key, order: 'asc' }));
    setPageNo(1);
  };

  return (
    <div className="table-wrap">
      <ProblemAlert error={error} />
      {list?.truncated && (
        <p className="alert alert-warn" role="status">
          More items matched than are shown here: narrow the search.
        </p>
      )}
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key;
              const ariaSort = active ? (sort!.order === 'asc' ? 'ascending' : 'descending') : c.sortable ? 'none' : undefined;
              return (
                <th key={c.key} scope="col" aria-sort={ariaSort}>
                  {c.sortable ? (
                    <button type="button" className="sort" onClick={() => toggleSort(c.key)}>
                      {c.label}
                      <span aria-hidden="true">{active ? (sort!.order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key}>{c.render ? c.render(r) : cell(c, r)}</td>
              ))}
            </tr>
          ))}
          {!loading && !error && rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="empty">
                Nothing here.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <nav className="pager" aria-label={`${caption}: pages`}>
        <button type="button" disabled={pageNo <= 1} onClick={() => setPageNo((p) => p - 1)}>
          ← Previous
        </button>
        <span aria-live="polite">
          {loading ? 'Loading…' : `Page ${pageNo} of ${pages} · ${sorted.length} item${sorted.length === 1 ? '' : 's'}`}
        </span>
        <button type="button" disabled={pageNo >= pages} onClick={() => setPageNo((p) => p + 1)}>
          Next →
        </button>
      </nav>
    </div>
  );
}
