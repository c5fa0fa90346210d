import type { ConsoleEvent } from '../../../shared/api/contract';
import type { PinRefusalView } from '../../../shared/api/records';
import { fail, type Result } from '../../../shared/api/result';
import type { PinRefusalRepo } from '../store/pin-refusal-repo';
import { sameSecret } from '../webhooks/signature';

/** After the n-th failure in a row, the next try waits FIRST_WAIT_MS · 2^(n-1), never more than MAX_WAIT_MS. */
export const PIN_WAIT = { firstMs: 1000, maxMs: 30_000, forgetAfterMs: 15 * 60_000 } as const;

/** What a PIN was asked for, as the audit trail shows it. */
export type PinUse = Pick<PinRefusalView, 'action' | 'machineId' | 'reviewId' | 'outcome'>;

export interface PinGuardDeps {
  /**
   * `review.supervisorPin` while it is in force; undefined: no action asks for it. It gives way once the first
   * supervisor account exists: supervisors then approve with their own PIN (issue 13).
   */
  configured: () => string | undefined;
  refusals: PinRefusalRepo;
  now: () => Date;
  emit: (event: ConsoleEvent) => void;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * The shared supervisor PIN, checked with a growing wait after each failure so it cannot be guessed at machine
 * speed: 1 s after the first wrong PIN, doubling to 30 s, forgotten after 15 quiet minutes or a right PIN. During a
 * wait every attempt is refused unchecked (else the wait would not slow anyone down) and does not lengthen it: the
 * longest anyone waits for Abort is 30 s, never a lock. Every failure is audited. Stop needs no PIN at all.
 */
export class PinGuard {
  private failures = 0;
  private lastFailureAt = 0;
  private notBefore = 0;
  private lastRefusal: number | undefined;

  constructor(private readonly deps: PinGuardDeps) {}

  /** Undefined when the action may go ahead; else the refusal, already audited under `actor`. */
  check(given: string | undefined, use: PinUse, actor: string): Result<never> | undefined {
    const { refusals, now } = this.deps;
    const configured = this.deps.configured();
    if (configured === undefined) return undefined;
    const at = now();
    const t = at.getTime();
    if (t < this.notBefore) {
      if (this.lastRefusal !== undefined) refusals.countWaited(this.lastRefusal, at.toISOString());
      this.deps.emit({ type: 'audit' });
      return fail(
        'not-allowed',
        `Too many wrong supervisor PINs: wait ${seconds(this.notBefore - t)} s, then enter it again. (Stop needs no PIN.)`,
      );
    }
    const missing = given === undefined || given === '';
    if (!missing && sameSecret(given, configured)) {
      this.failures = 0;
      return undefined;
    }
    if (t - this.lastFailureAt > PIN_WAIT.forgetAfterMs) this.failures = 0;
    this.failures++;
    this.lastFailureAt = t;
    const waitMs = Math.min(PIN_WAIT.maxMs, PIN_WAIT.firstMs * 2 ** Math.min(this.failures - 1, 30));
    this.notBefore = t + waitMs;
    this.lastRefusal = refusals.record({ at: at.toISOString(), actor, ...use, reason: missing ? 'missing' : 'wrong', waitMs });
    this.deps.emit({ type: 'audit' });
    const what = missing ? 'The supervisor PIN is required' : 'Wrong supervisor PIN';
    return fail('not-allowed', `${what}. The next try is possible in ${seconds(waitMs)} s.`);
  }
}
