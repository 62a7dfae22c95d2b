import type { Money } from './types';

/** {minor: 123456, currency: "USD"} → "1,234.56 USD" (integer arithmetic only). */
export function formatMoney(m: Money | undefined | null): string {
  if (!m) return '';
  const neg = m.minor < 0;
  const abs = Math.abs(m.minor);
  const units = Math.floor(abs / 100).toLocaleString('en-US');
  const cents = String(abs % 100).padStart(2, '0');
  return `${neg ? '−' : ''}${units}.${cents} ${m.currency}`;
}

/** True for a positive amount with at most two decimals ("12", "12.5", "1,000.00"). */
export function isAmount(s: string): boolean {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s.trim().replace(/,/g, ''));
  return !!m && Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) > 0;
}

/** "1,000.5" → "1000.50", the decimal string the API takes. */
export function normaliseAmount(s: string): string {
  const [u, c = ''] = s.trim().replace(/,/g, '').split('.');
  return `${Number(u)}.${c.padEnd(2, '0')}`;
}

export function formatDate(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function formatDay(iso: string | undefined | null): string {
  return iso ? iso.slice(0, 10) : '';
}
