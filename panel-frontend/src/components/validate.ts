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
