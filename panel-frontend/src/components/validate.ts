// Client-side checks that catch typos before a round trip; the API (shared-model) stays the
// authority and its problem details are shown as well.

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A plausible domain/host name: dot-separated LDH labels (A-labels; Unicode is accepted). */
export function checkHostName(raw: string, what = 'name'): string | undefined {
  const s = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!s) return `Enter a ${what}.`;
  if (s.length > 253) return `The ${what} is longer than 253 characters.`;
  const labels = s.split('.');
  if (labels.length < 2) return `Enter the full ${what} with its TLD, e.g. example.test.`;
  if (/[^\x00-\x7f]/.test(s)) return undefined; // an IDN: the API converts and checks it
  for (const l of labels) {
    if (!LABEL.test(l)) return `“${l || '(empty)'}” is not a valid label: letters, digits and inner hyphens, 1–63 characters.`;
  }
  return undefined;
}

export function checkYears(s: string): string | undefined {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 10 ? undefined : 'Choose a period of 1 to 10 years.';
}

export function checkAuthInfo(s: string): string | undefined {
  if (s.length < 8) return 'The auth code needs at least 8 characters.';
  if (s.length > 64) return 'The auth code can have at most 64 characters.';
  return undefined;
}

export function checkEmail(s: string, what = 'email address'): string | undefined {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim()) ? undefined : `Enter a valid ${what}, e.g. ops@example.com.`;
}

export function checkRegistrarId(s: string): string | undefined {
  return /^[a-z0-9][a-z0-9-]{2,15}$/.test(s)
    ? undefined
    : 'Use 3 to 16 lower-case letters, digits or hyphens, starting with a letter or digit.';
}

export function checkPassword(s: string, min: number): string | undefined {
  return s.length >= min ? undefined : `The password needs at least ${min} characters.`;
}

export function checkTotp(s: string): string | undefined {
  return /^\d{6}$/.test(s.trim()) ? undefined : 'Enter the 6-digit code from your authenticator app.';
}

/** "ns1.a.test, ns2.a.test\nns3…" → names, lower-cased, without duplicates. */
export function splitNames(s: string): string[] {
  return [...new Set(s.split(/[\s,]+/).map((x) => x.trim().toLowerCase()).filter(Boolean))];
}

/** A price: a decimal with at most two places, zero allowed ("0", "12.5", "1,000.00"). */
export function isPrice(s: string): boolean {
  return /^\d{1,12}(?:\.\d{1,2})?$/.test(s.trim().replace(/,/g, ''));
}

/** "1=10.00 2=19.00" → {"1": "10.00", "2": "19.00"}, or an error message. */
export function parsePriceList(s: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of s.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^(\d{1,2})=(.+)$/.exec(part);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 10) return `“${part}” is not years=price with 1 to 10 years, e.g. 1=10.00.`;
    if (!isPrice(m[2])) return `“${m[2]}” is not a price with at most two decimals.`;
    const [u, c = ''] = m[2].split('.');
    out[String(Number(m[1]))] = `${Number(u)}.${c.padEnd(2, '0')}`;
  }
  if (!out['1']) return 'Give a one-year price (1=…).';
  return out;
}

/** An IPv4 or IPv6 address, optionally with a /prefix length. */
export function checkCidr(s: string): string | undefined {
  const [addr, len, more] = s.split('/');
  if (more !== undefined) return `“${s}” is not an address or range.`;
  const v4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(addr);
  const v6 = !v4 && addr.includes(':') && /^[0-9a-f:.]+$/i.test(addr) && (addr.match(/::/g) ?? []).length <= 1;
  if (!v4 && !v6) return `“${s}” is not an IPv4 or IPv6 address.`;
  if (len !== undefined && !(/^\d{1,3}$/.test(len) && Number(len) <= (v4 ? 32 : 128))) return `“${s}” has an invalid prefix length.`;
  return undefined;
}

/** A SHA-256 certificate fingerprint: 64 hex digits, colons allowed. */
export function checkFingerprint(s: string): string | undefined {
  return /^[0-9a-f]{64}$/i.test(s.replace(/:/g, '')) ? undefined : `“${s}” is not a SHA-256 fingerprint (64 hex digits, colons allowed).`;
}

/** One DNS label in A-label form (reserved and premium names). */
export function checkLabel(s: string): string | undefined {
  return LABEL.test(s.trim().toLowerCase()) ? undefined : 'Enter one label: letters, digits and inner hyphens, 1–63 characters, without the TLD.';
}

/** The header the label CSV import requires. */
export const LABEL_CSV_HEADER = 'label,reserved_reason,create,renew,transfer,restore';

/** Checks the CSV's header line before the upload (the API refuses other headers with 400). */
export function checkLabelCsv(s: string): string | undefined {
  const lines = s.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!s.trim()) return 'Choose a CSV file or paste its lines.';
  if (lines[0].trim().toLowerCase() !== LABEL_CSV_HEADER) return `The first line must be the header ${LABEL_CSV_HEADER}.`;
  if (lines.filter((l) => l.trim()).length > 10001) return 'At most 10,000 lines per import.';
  return undefined;
}
