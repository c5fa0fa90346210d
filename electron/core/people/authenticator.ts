import type { CodedText } from '../../../shared/api/coded-text';
import type { Credential, Person } from '../../../shared/api/people';
import { failCoded, ok, type ApiError, type Result } from '../../../shared/api/result';
import type { Account, AccountRepo } from '../store/account-repo';
import { afterFailure, afterUnknownBadge, CLEARED, gate, type Attempts } from './lockout';
import { stationTime } from './local-time';
import { badgeKey, verifyPin } from './pin-hash';

export interface Authenticated {
  person: Person;
  mustChangePin: boolean;
}

/** Who a failed try was about, when the credential named an account, for the audit. */
export interface Refusal {
  account: Account | undefined;
  message: string;
  /** The message as a catalog code, for the audit in each reader's language. */
  text?: CodedText | undefined;
  /** This failure locked the account. */
  locked: boolean;
}

/**
 * How the console tells who someone is: the credential in, the person out, or why not. The console's own accounts
 * answer it today (`LocalAuthenticator`); a site directory would answer the same call (README, "Accounts and sign-in").
 */
export interface Authenticator {
  authenticate(credential: Credential): Promise<Result<Authenticated> & { refusal?: Refusal }>;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** A refused try: its reason coded for the reader's language, and in English for the audit. */
function refusedAs(account: Account | undefined, key: string, params?: Record<string, string | number>, locked = false) {
  const failed = failCoded('not-allowed', key, params) as { ok: false; error: ApiError };
  return { ...failed, refusal: { account, message: failed.error.message, text: failed.error.text, locked } };
}

/**
 * The console's database as the authenticator: a PIN checked with scrypt against the account's own salt, and wrong
 * PINs slowing down then locking the account for a while (lockout.ts). Two tries for one account at once are not
 * both checked: the second is refused, so parallel guesses cannot outrun the wait.
 */
export class LocalAuthenticator implements Authenticator {
  private readonly checking = new Set<number>();
  /** Kept in memory only: a restart forgets them, which a guesser cannot cause from the floor or the LAN. */
  private unknownBadges: Attempts = CLEARED;

  constructor(
    private readonly accounts: AccountRepo,
    private readonly now: () => Date,
  ) {}

  async authenticate(credential: Credential): Promise<Result<Authenticated> & { refusal?: Refusal }> {
    if (credential.badge !== undefined) {
      // While badges wait, a known badge is refused as an unknown one is: its answer tells nothing of which exist.
      const badges = gate(this.unknownBadges, this.now());
      if (!badges.open) {
        return refusedAs(undefined, 'refusals:badgesWait', { seconds: seconds(badges.until.getTime() - this.now().getTime()) });
      }
    }
    const account = credential.badge !== undefined ? this.accounts.byBadge(badgeKey(credential.badge)) : this.accounts.get(credential.accountId ?? 0);
    if (credential.badge !== undefined && !account) this.unknownBadges = afterUnknownBadge(this.unknownBadges, this.now());
    if (!account || account.disabled) {
      // As slow as a real check, so an unknown badge or a disabled name is not told apart by its speed.
      await verifyPin(credential.pin, undefined);
      return refusedAs(account, credential.badge !== undefined ? 'refusals:unknownBadge' : 'refusals:unknownAccount');
    }
    const refused = (key: string, params?: Record<string, string | number>, locked = false) => refusedAs(account, key, params, locked);
    const at = this.now();
    const g = gate(account.attempts, at);
    if (!g.open) {
      return g.locked
        ? refused('refusals:locked', { name: account.name, until: stationTime(g.until, at) })
        : refused('refusals:waitAfterWrong', { seconds: seconds(g.until.getTime() - at.getTime()) });
    }
    if (this.checking.has(account.id)) return refused('refusals:beingChecked');
    this.checking.add(account.id);
    let right: boolean;
    try {
      right = await verifyPin(credential.pin, account.pinHash);
    } finally {
      this.checking.delete(account.id);
    }
    if (right) {
      if (account.attempts.failures > 0) this.accounts.setAttempts(account.id, CLEARED);
      return ok({ person: { accountId: account.id, name: account.name, role: account.role }, mustChangePin: account.mustChangePin });
    }
    const next: Attempts = afterFailure(account.attempts, this.now());
    this.accounts.setAttempts(account.id, next);
    const after = gate(next, this.now());
    if (after.open) return refused('refusals:wrongPin');
    return after.locked
      ? refused('refusals:wrongPinLocked', { name: account.name, until: stationTime(after.until, this.now()) }, true)
      : refused('refusals:wrongPinWait', { seconds: seconds(after.until.getTime() - this.now().getTime()) });
  }
}
