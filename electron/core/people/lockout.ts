/**
 * What wrong PINs cost, per account: each failure makes the next try wait (1 s, doubling), every fifth locks the
 * account for a while (5 min, doubling up to an hour), never for good. A few failures are forgotten after a quiet
 * quarter of an hour; after a lock, only a right PIN or IT clears them. Pure: the account's counters and the time in, the new counters out.
 */
export const LOCKOUT = { lockEvery: 5, firstWaitMs: 1000, firstLockMs: 5 * 60_000, maxLockMs: 60 * 60_000, forgetAfterMs: 15 * 60_000 } as const;

export interface Attempts {
  failures: number;
  lastFailureAt: Date | undefined;
  /** No try is checked before this (a wait, or a lock when `failures` is a multiple of lockEvery). */
  notBefore: Date | undefined;
}

export type Gate = { open: true } | { open: false; until: Date; locked: boolean };

/** Whether a try may be checked now. */
export function gate(a: Attempts, now: Date): Gate {
  if (!a.notBefore || now >= a.notBefore) return { open: true };
  return { open: false, until: a.notBefore, locked: isLock(a) };
}

const isLock = (a: Attempts) => a.failures > 0 && a.failures % LOCKOUT.lockEvery === 0;

/** The counters after a wrong PIN at `now`. */
export function afterFailure(a: Attempts, now: Date): Attempts {
  const quiet = a.lastFailureAt !== undefined && now.getTime() - a.lastFailureAt.getTime() > LOCKOUT.forgetAfterMs;
  // Once an account has been locked, only a right PIN or IT forgets: waiting out the locks never resets them.
  const failures = (quiet && a.failures < LOCKOUT.lockEvery ? 0 : a.failures) + 1;
  const locks = Math.floor(failures / LOCKOUT.lockEvery);
  const waitMs =
    failures % LOCKOUT.lockEvery === 0
      ? Math.min(LOCKOUT.maxLockMs, LOCKOUT.firstLockMs * 2 ** (locks - 1))
      : LOCKOUT.firstWaitMs * 2 ** ((failures % LOCKOUT.lockEvery) - 1);
  return { failures, lastFailureAt: now, notBefore: new Date(now.getTime() + waitMs) };
}

/** Locked (not just waiting) at `now`: the time it ends, for the accounts screen. */
export function lockedUntil(a: Attempts, now: Date): Date | undefined {
  const g = gate(a, now);
  return !g.open && g.locked ? g.until : undefined;
}

export const CLEARED: Attempts = { failures: 0, lastFailureAt: undefined, notBefore: undefined };

/**
 * Unknown badges, station-wide: the first few are free (a misread), then badges wait 1 s, doubling to 30 s, while
 * names still work; forgotten after a quiet quarter of an hour. Which badges exist is then no list to read at speed.
 */
export const BADGE_WAIT = { free: 2, firstMs: 1000, maxMs: 30_000 } as const;

/** The station's unknown-badge counters after one more at `now`. */
export function afterUnknownBadge(a: Attempts, now: Date): Attempts {
  const quiet = a.lastFailureAt !== undefined && now.getTime() - a.lastFailureAt.getTime() > LOCKOUT.forgetAfterMs;
  const failures = (quiet ? 0 : a.failures) + 1;
  const over = failures - BADGE_WAIT.free;
  const waitMs = over > 0 ? Math.min(BADGE_WAIT.maxMs, BADGE_WAIT.firstMs * 2 ** (over - 1)) : 0;
  return { failures, lastFailureAt: now, notBefore: waitMs > 0 ? new Date(now.getTime() + waitMs) : undefined };
}
