import { describe, expect, it } from 'vitest';
import { sameSecret, verifySignature } from '../../../electron/core/webhooks/signature';
import { PERSON_UPDATED } from '../../fixtures/rapidadmin';

/**
 * Vectors computed outside this code base (Python's hmac module) over seed 001's Person.Updated example, the body
 * with the trailing comma, with the secret below.
 */
const SECRET = 'rapidadmin-test-signing-secret';
const BODY = Buffer.from(PERSON_UPDATED.body, 'utf8');
const HEX = '6953846ecc6514308ff5b303c636452081f2705ded76eb2f1210536751866c95';
const BASE64 = 'aVOEbsxlFDCP9bMDxjZFIIHycF3tdusvEhBTZ1GGbJU=';

describe('x-signature: HMAC-SHA256 of the raw body', () => {
  it.each([
    ['hex', HEX],
    ['upper-case hex', HEX.toUpperCase()],
    ['base64', BASE64],
    ['base64 without padding', BASE64.replace(/=$/, '')],
    ['URL-safe base64', Buffer.from(HEX, 'hex').toString('base64url')],
    ['hex with a sha256= prefix and spaces', `  sha256=${HEX} `],
  ])('accepts %s', (_name, header) => {
    expect(verifySignature(SECRET, BODY, header)).toEqual({ ok: true });
  });

  it('refuses a missing or empty header', () => {
    expect(verifySignature(SECRET, BODY, undefined)).toEqual({ ok: false, reason: 'missing x-signature header' });
    expect(verifySignature(SECRET, BODY, '  ')).toEqual({ ok: false, reason: 'missing x-signature header' });
  });

  it('refuses a signature made with another secret', () => {
    const other = verifySignature('another-secret', BODY, HEX);
    expect(other).toEqual({ ok: false, reason: 'x-signature does not match the body' });
  });

  it('refuses a wrong digest of the right shape', () => {
    const flipped = (HEX[0] === '0' ? '1' : '0') + HEX.slice(1);
    expect(verifySignature(SECRET, BODY, flipped)).toMatchObject({ ok: false, reason: 'x-signature does not match the body' });
  });

  it('refuses a body altered after signing, even by one byte or by whitespace', () => {
    const altered = Buffer.from(PERSON_UPDATED.body.replace('KEVIN', 'KEVIM'));
    expect(verifySignature(SECRET, altered, HEX)).toMatchObject({ ok: false });
    expect(verifySignature(SECRET, Buffer.concat([BODY, Buffer.from('\n')]), BASE64)).toMatchObject({ ok: false });
    // Re-serialising the (repaired) JSON is not the raw body either: verification must see the bytes as received.
    const reserialised = Buffer.from(JSON.stringify({ ...JSON.parse(PERSON_UPDATED.body.replace(', }', ' }')) }));
    expect(verifySignature(SECRET, reserialised, HEX)).toMatchObject({ ok: false });
  });

  it.each([['not a digest'], [HEX.slice(0, 63)], [`${HEX}00`], ['!!!!']])('refuses a header that is no digest: %s', (header) => {
    expect(verifySignature(SECRET, BODY, header)).toEqual({ ok: false, reason: 'x-signature is not a SHA-256 digest in hex or base64' });
  });
});

describe('credential comparison', () => {
  it('matches equal strings only, whatever the lengths', () => {
    expect(sameSecret('k-123', 'k-123')).toBe(true);
    expect(sameSecret('k-12', 'k-123')).toBe(false);
    expect(sameSecret('', 'k-123')).toBe(false);
    expect(sameSecret(undefined, 'k-123')).toBe(false);
  });
});
