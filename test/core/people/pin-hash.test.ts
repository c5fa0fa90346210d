import { describe, expect, it } from 'vitest';
import { badgeKey, hashPin, isPinHash, verifyPin } from '../../../electron/core/people/pin-hash';
import { pinProblem as problemKey } from '../../../electron/core/people/pin-rules';
import type { Role } from '../../../shared/api/people';
import { translator } from '../../../shared/i18n/translate';

/** The refusal as an English reader gets it. */
const pinProblem = (role: Role, pin: string) => {
  const key = problemKey(role, pin);
  return key && translator('en')(key);
};

describe('PINs stored hashed', () => {
  it('checks the right PIN and refuses a wrong one, with a salt of its own per hash', async () => {
    const [a, b] = [await hashPin('2468'), await hashPin('2468')];
    expect(a).not.toEqual(b);
    expect(a).not.toContain('2468');
    expect(isPinHash(a)).toBe(true);
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2468', b)).toBe(true);
    expect(await verifyPin('2469', a)).toBe(false);
    expect(await verifyPin('', a)).toBe(false);
  });

  it('never matches without an account, nor against something that is no hash or names an absurd cost', async () => {
    expect(await verifyPin('2468', undefined)).toBe(false);
    expect(await verifyPin('2468', 'plain-2468')).toBe(false);
    const hash = await hashPin('2468');
    const costly = hash.replace(/^scrypt\$16384\$/, `scrypt$${2 ** 24}$`);
    expect(isPinHash(costly)).toBe(false);
    expect(await verifyPin('2468', costly)).toBe(false);
  });

  it('keeps a badge only as a keyed hash, the same on every station so the machine-wide file can name it', () => {
    expect(badgeKey('00123456')).toEqual(badgeKey(' 00123456 '));
    expect(badgeKey('00123456')).not.toContain('123456');
    expect(badgeKey('00123456')).not.toEqual(badgeKey('00123457'));
  });

  it('asks operators and supervisors for 4 to 8 digits, IT for 6 digits or a password of 8', () => {
    expect(pinProblem('operator', '1234')).toBeUndefined();
    expect(pinProblem('supervisor', '12345678')).toBeUndefined();
    expect(pinProblem('operator', '123')).toMatch(/4 to 8 digits/);
    expect(pinProblem('supervisor', '123456789')).toMatch(/4 to 8 digits/);
    expect(pinProblem('operator', 'abcd')).toMatch(/digits/);
    expect(pinProblem('it', '12345')).toMatch(/6 digits/);
    expect(pinProblem('it', '123456')).toBeUndefined();
    expect(pinProblem('it', 'short!')).toMatch(/8 characters/);
    expect(pinProblem('it', 'a long pass phrase')).toBeUndefined();
  });
});
