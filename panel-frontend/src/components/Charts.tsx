// Small hand-drawn SVG charts: no chart library, so the bundle stays small and the markup
// stays readable (each chart has a text alternative and its numbers are printed on it).

export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars, unit = '', format }: { title: string; bars: Bar[]; unit?: string; format?: (v: number) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const fmt = format ?? ((v: number) => `${v}${unit}`);
  const rowH = 26;
  const labelW = 150;
  const width = 460;
  // room for the longest printed value (about 7 units per character at 12px)
  const valueW = 12 + 7 * Math.max(3, ...bars.map((b) => fmt(b.value).length));
  const barW = width - labelW - valueW;
  const height = Math.max(rowH, bars.length * rowH) + 8;
  const summary = bars.map((b) => `${b.label}: ${fmt(b.value)}`).join(', ') || 'no data';
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {bars.length === 0 ? (
        <p className="empty">No data yet.</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${summary}`} width="100%">
          {bars.map((b, i) => {
            const w = Math.max(2, (b.value / max) * barW);
            const y = i * rowH + 4;
            return (
              <g key={b.label}>
                <text x={labelW - 8} y={y + 15} textAnchor="end" className="chart-label">
                  {b.label.length > 20 ? b.label.slice(0, 19) + '…' : b.label}
                </text>
                <rect x={labelW} y={y} width={w} height={rowH - 8} rx={3} className={`bar bar-${i % 6}`} />
                <text x={labelW + w + 6} y={y + 15} className="chart-value">
                  {fmt(b.value)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}

export interface Series {
  name: string;
  values: number[];
  className: string;
}

/** Grouped columns per period (e.g. month): registrations and deletions side by side. */
export function ColumnChart({ title, periods, series }: { title: string; periods: string[]; series: Series[] }) {
  const width = 460;
  const height = 220;
  const left = 36;
  const bottom = 28;
  const top = 14;
  // an even maximum keeps the middle grid line on a whole number
  const top0 = Math.max(2, ...series.flatMap((s) => s.values));
  const max = top0 % 2 === 0 ? top0 : top0 + 1;
  const groupW = (width - left - 8) / Math.max(1, periods.length);
  const colW = Math.min(22, (groupW - 8) / Math.max(1, series.length));
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const summary = periods
    .map((p, i) => `${p}: ${series.map((s) => `${s.values[i] ?? 0} ${s.name}`).join(', ')}`)
    .join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      {periods.length === 0 ? (
        <p className="empty">No data yet.</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${summary}`} width="100%">
            {[0, 0.5, 1].map((f) => (
              <g key={f}>
                <line x1={left} x2={width} y1={y(max * f)} y2={y(max * f)} className="grid" />
                <text x={left - 6} y={y(max * f) + 4} textAnchor="end" className="chart-label">
                  {Math.round(max * f)}
                </text>
              </g>
            ))}
            {periods.map((p, i) => (
              <g key={p}>
                {series.map((s, j) => {
                  const v = s.values[i] ?? 0;
                  const x = left + i * groupW + (groupW - colW * series.length) / 2 + j * colW;
                  return (
                    <rect key={s.name} x={x} y={y(v)} width={colW - 2} height={Math.max(0, y(0) - y(v))} className={s.className}>
                      <title>{`${p} ${s.name}: ${v}`}</title>
                    </rect>
                  );
                })}
                <text x={left + i * groupW + groupW / 2} y={height - 8} textAnchor="middle" className="chart-label">
                  {p}
                </text>
              </g>
            ))}
          </svg>
          <ul className="legend">
            {series.map((s) => (
              <li key={s.name}>
                <span className={`swatch ${s.className}`} aria-hidden="true" /> {s.name}
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
