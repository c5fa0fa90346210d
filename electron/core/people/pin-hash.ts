import { createHmac, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt's cost: about 50 ms and 16 MiB per check on a station PC, in libuv's pool, never on the event loop. */
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** A hash from the machine-wide file names its own cost; one past this would let a typo stall every sign-in. */
const MAX_N = 1 << 20;

const FORMAT = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{32,})$/;

function derive(secret: string, salt: Buffer, options: ScryptOptions, bytes: number): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? COST.N) * (options.r ?? COST.r);
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, bytes, { ...options, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** A PIN or password as stored: `scrypt$N$r$p$salt$hash` (base64url), with a salt of its own. */
export async function hashPin(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, COST, KEY_BYTES);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(stored: string): { options: ScryptOptions; salt: Buffer; key: Buffer } | undefined {
  const m = FORMAT.exec(stored);
  if (!m) return undefined;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  return { options: { N, r, p }, salt: Buffer.from(m[4] ?? '', 'base64url'), key: Buffer.from(m[5] ?? '', 'base64url') };
}

/** Whether a value from the machine-wide file is a hash this console can check (what `--hash-pin` prints). */
export function isPinHash(stored: string): boolean {
  return parse(stored) !== undefined;
}

/** A hash to check against when there is no account, so a name that does not exist answers as slowly as one that does. */
let decoy: Promise<string> | undefined;

/** Whether `secret` is the one `stored` was made from; compared in constant time. Undefined `stored`: always false. */
export async function verifyPin(secret: string, stored: string | undefined): Promise<boolean> {
  const parsed = parse(stored ?? (await (decoy ??= hashPin(randomBytes(16).toString('hex')))));
  if (!parsed) return false;
  const key = await derive(secret, parsed.salt, parsed.options, parsed.key.length);
  return stored !== undefined && timingSafeEqual(key, parsed.key);
}

/**
 * A badge number as stored: an HMAC, so the number is not kept and an account is found by it without scanning.
 * The key is the same on every station, so the machine-wide file can name badges for many stations at once
 * (`--hash-badge`); a badge is something a person carries, not a secret of strength: the PIN is.
 */
export function badgeKey(badge: string): string {
  return createHmac('sha256', 'issuance-console badge v1').update(badge.trim()).digest('base64url');
}
