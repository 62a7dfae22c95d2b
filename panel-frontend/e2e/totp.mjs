// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30-second steps) over an RFC 4648 base32 secret.
import { createHmac } from 'node:crypto';

export function base32Decode(s) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = s.toUpperCase().replace(/=+$/, '').replace(/\s+/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const c of clean) {
    const i = alphabet.indexOf(c);
    if (i < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 §5.3 HOTP of counter `step`, as RFC 6238 §4 uses it. */
export function totp(secret, step) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32Decode(secret)).update(msg).digest();
  const o = h[h.length - 1] & 0x0f;
  const bin = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(bin % 1_000_000).padStart(6, '0');
}

/** A code for a time step not used before (a code is accepted once): waits for the next step if needed. */
export async function freshCode(secret, used) {
  let step = Math.floor(Date.now() / 30_000);
  const last = used.get(secret);
  if (last !== undefined && step <= last) {
    const wait = (last + 1) * 30_000 - Date.now() + 200;
    console.log(`e2e: waiting ${Math.ceil(wait / 1000)} s for a fresh TOTP step`);
    await new Promise((r) => setTimeout(r, wait));
    step = Math.floor(Date.now() / 30_000);
  }
  used.set(secret, step);
  return totp(secret, step);
}
