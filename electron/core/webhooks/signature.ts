import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type Verdict = { ok: true } | { ok: false; reason: string };

const HEX_DIGEST = /^[0-9a-f]{64}$/i;
const BASE64_DIGEST = /^[A-Za-z0-9+/_-]{43}={0,1}$/;

/**
 * The digest a signature header carries. RapIDadmin's page says "an HMAC of the raw request body using SHA-256" and
 * never says how it is written: hex (any case) and base64 (standard or URL-safe) are both accepted, with or without
 * the common `sha256=` prefix. Anything else is no signature.
 */
function decodeDigest(header: string): Buffer | undefined {
  const value = header.trim().replace(/^sha256=/i, '');
  if (HEX_DIGEST.test(value)) return Buffer.from(value, 'hex');
  if (BASE64_DIGEST.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? bytes : undefined;
  }
  return undefined;
}

/**
 * Checks `x-signature` against HMAC-SHA256(secret, raw body), on the bytes as received and before anything parses
 * them. The comparison takes the same time wherever the digests differ. During a changeover two secrets are valid
 * (the new one and the one it replaces): each is checked, whichever matched, so the time does not tell which.
 */
export function verifySignature(secret: string | readonly string[], body: Buffer, header: string | undefined): Verdict {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing x-signature header' };
  const given = decodeDigest(header);
  if (!given) return { ok: false, reason: 'x-signature is not a SHA-256 digest in hex or base64' };
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const matches = secrets.map((s) => timingSafeEqual(given, createHmac('sha256', s).update(body).digest()));
  return matches.includes(true) ? { ok: true } : { ok: false, reason: 'x-signature does not match the body' };
}

/**
 * Compares a presented credential with the configured one in constant time, whatever their lengths: both are hashed
 * first so neither the length nor the first differing byte shows in the timing.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
