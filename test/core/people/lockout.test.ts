import { describe, expect, it } from 'vitest';
import { afterFailure, afterUnknownBadge, CLEARED, gate, LOCKOUT, lockedUntil, type Attempts } from '../../../electron/core/people/lockout';

const start = new Date('2026-03-02T08:00:00Z');
const after = (ms: number) => new Date(start.getTime() + ms);

/** `n` wrong PINs, each tried as soon as the last wait allowed. */
function failures(n: number, from: Attempts = CLEARED): { attempts: Attempts; at: Date } {
  let attempts = from;
  let at = start;
  for (let i = 0; i < n; i++) {
    at = attempts.notBefore && attempts.notBefore > at ? attempts.notBefore : at;
    attempts = afterFailure(attempts, at);
  }
  return { attempts, at };
}

describe('wrong PINs slow down, then lock the account for a while', () => {
  it('makes each next try wait longer: 1 s, 2 s, 4 s, 8 s', () => {
    const waits = [1, 2, 3, 4].map((n) => {
      const { attempts, at } = failures(n);
      return (attempts.notBefore?.getTime() ?? 0) - at.getTime();
    });
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    const { attempts, at } = failures(1);
    expect(gate(attempts, at)).toMatchObject({ open: false, locked: false });
    expect(lockedUntil(attempts, at)).toBeUndefined();
  });

  it('locks after the fifth for 5 minutes, then opens again by itself: never for good', () => {
    const { attempts, at } = failures(LOCKOUT.lockEvery);
    expect(gate(attempts, at)).toMatchObject({ open: false, locked: true });
    expect(lockedUntil(attempts, at)?.getTime()).toBe(at.getTime() + 5 * 60_000);
    expect(gate(attempts, new Date(at.getTime() + 5 * 60_000 - 1)).open).toBe(false);
    expect(gate(attempts, new Date(at.getTime() + 5 * 60_000)).open).toBe(true);
  });

  it('locks longer each time someone keeps guessing (10 min, then 20), up to an hour', () => {
    const second = failures(10);
    expect((second.attempts.notBefore?.getTime() ?? 0) - second.at.getTime()).toBe(10 * 60_000);
    const many = failures(50);
    expect((many.attempts.notBefore?.getTime() ?? 0) - many.at.getTime()).toBe(60 * 60_000);
  });

  it('forgets a few failures after a quiet quarter of an hour, but not a lock', () => {
    const few = failures(3).attempts;
    expect(afterFailure(few, after(16 * 60_000)).failures).toBe(1);
    const locked = failures(5).attempts;
    expect(afterFailure(locked, after(3 * 3600_000)).failures).toBe(6);
  });
});

describe('unknown badges, station-wide', () => {
  it('lets a misread or two pass, then makes badges wait 1 s, doubling to 30 s, and forgets after a quiet while', () => {
    let a: Attempts = CLEARED;
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      a = afterUnknownBadge(a, start);
      waits.push(a.notBefore ? a.notBefore.getTime() - start.getTime() : 0);
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(afterUnknownBadge(a, after(LOCKOUT.forgetAfterMs + 1)).notBefore).toBeUndefined();
  });
});
