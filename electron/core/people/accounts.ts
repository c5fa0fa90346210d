import type { AccountView, Person, Role } from '../../../shared/api/people';
import type { Language } from '../../../shared/i18n/languages';
import type { StoredText } from '../../../shared/i18n/stored-text';
import { failCoded, ok, type Result } from '../../../shared/api/result';
import type { Account, AccountChange, AccountRepo } from '../store/account-repo';
import { accountLine, detail, listOf, roleOf, type AccountEventName } from './audit-lines';
import { CLEARED, lockedUntil } from './lockout';
import { badgeKey, hashPin } from './pin-hash';
import { badgeProblem, pinProblem } from './pin-rules';

/** Who made a change, for the audit: the person signed in (or the OS user on an open station or at the CLI). */
export interface Witness {
  person?: Person | undefined;
  osUser: string;
  station: string;
  via: string;
}

export interface NewAccountInput {
  name: string;
  role: Role;
  pin: string;
  badge?: string | undefined;
  mustChangePin: boolean;
}

/** A person's language chosen ("language de"), or the station's followed again. */
const languageDetail = (language: Language | null): StoredText =>
  language ? detail('language', { language: { code: `auditDetails:languageName.${language}` } }) : detail('languageOfStation');

/** Names compare without case or surrounding spaces: "Ann" and "ann " are one person. */
export const nameKey = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase('en');

export function accountView(a: Account, now: Date): AccountView {
  const until = lockedUntil(a.attempts, now);
  return {
    id: a.id,
    name: a.name,
    role: a.role,
    source: a.source,
    hasBadge: a.badgeKey !== undefined,
    disabled: a.disabled,
    ...(until ? { lockedUntil: until.toISOString() } : {}),
    mustChangePin: a.mustChangePin,
    ...(a.language ? { language: a.language } : {}),
  };
}

/**
 * The console's accounts and every change to them, each audited with who made it. Accounts provisioned in the
 * machine-wide file are read-only here (file-accounts.ts keeps them): only their lock can be cleared.
 */
export class Accounts {
  private exist = false;

  constructor(
    private readonly repo: AccountRepo,
    private readonly now: () => Date,
  ) {}

  /**
   * Whether any account exists, disabled ones too: a station whose accounts were all disabled (removed from the
   * machine-wide file) does not fall back to an open station; break-glass gets IT in again.
   */
  anyExist(): boolean {
    // Accounts are never deleted: once one exists, every later call (each asks) is spared the query.
    this.exist ||= this.repo.count() > 0;
    return this.exist;
  }

  list(): AccountView[] {
    const now = this.now();
    return this.repo.list().map((a) => accountView(a, now));
  }

  /** Enabled accounts, for the names to tap on the sign-in screen. */
  signInNames(): { accountId: number; name: string; role: Role }[] {
    return this.repo
      .list()
      .filter((a) => !a.disabled)
      .map((a) => ({ accountId: a.id, name: a.name, role: a.role }));
  }

  get(id: number): Account | undefined {
    return this.repo.get(id);
  }

  async create(input: NewAccountInput, by: Witness): Promise<Result<AccountView>> {
    const problem = pinProblem(input.role, input.pin) ?? (input.badge !== undefined ? badgeProblem(input.badge) : undefined);
    if (problem) return failCoded('invalid-request', problem);
    const name = input.name.trim();
    if (this.repo.byName(nameKey(name))) return failCoded('invalid-request', 'refusals:nameTaken', { name });
    const badge = input.badge !== undefined ? badgeKey(input.badge) : undefined;
    if (badge !== undefined && this.repo.byBadge(badge)) return failCoded('invalid-request', 'refusals:badgeTaken');
    const pinHash = await hashPin(input.pin);
    // Checked again after the wait for the hash: another call may have taken the name or badge meanwhile.
    if (this.repo.byName(nameKey(name)) || (badge !== undefined && this.repo.byBadge(badge))) {
      return failCoded('invalid-request', 'refusals:nameOrBadgeTaken', { name });
    }
    const at = this.now().toISOString();
    const account = this.repo.insert({ name, nameKey: nameKey(name), role: input.role, source: 'console', pinHash, badgeKey: badge, mustChangePin: input.mustChangePin }, at);
    this.record('account-created', account, by, detail(badge ? 'createdWithBadge' : 'created', { role: roleOf(account.role) }));
    return ok(accountView(account, this.now()));
  }

  update(
    id: number,
    change: { role?: Role | undefined; disabled?: boolean | undefined; badge?: string | null | undefined; language?: Language | null | undefined },
    by: Witness,
  ): Result<AccountView> {
    const account = this.repo.get(id);
    const editable = this.editable(account);
    if (!editable.ok) return editable;
    const a = editable.value;
    if (change.badge !== undefined && change.badge !== null) {
      const problem = badgeProblem(change.badge);
      if (problem) return failCoded('invalid-request', problem);
      const owner = this.repo.byBadge(badgeKey(change.badge));
      if (owner && owner.id !== id) return failCoded('invalid-request', 'refusals:badgeTaken');
    }
    const losesIt = (change.role !== undefined && change.role !== 'it') || change.disabled === true;
    if (a.role === 'it' && !a.disabled && losesIt && this.enabledIt() <= 1) {
      return failCoded('not-allowed', 'refusals:lastIt');
    }
    const patch: AccountChange = {};
    if (change.role !== undefined) patch.role = change.role;
    if (change.disabled !== undefined) patch.disabled = change.disabled;
    if (change.badge !== undefined) patch.badgeKey = change.badge === null ? null : badgeKey(change.badge);
    if (change.language !== undefined) patch.language = change.language;
    const updated = this.repo.update(id, patch, this.now().toISOString()) as Account;
    const said = listOf(
      [
        change.role !== undefined && change.role !== a.role ? detail('roleChanged', { from: roleOf(a.role), to: roleOf(change.role) }) : undefined,
        change.disabled !== undefined && change.disabled !== a.disabled ? detail(change.disabled ? 'disabled' : 'enabled') : undefined,
        change.badge === null ? detail('badgeRemoved') : change.badge !== undefined ? detail('badgeChanged') : undefined,
        change.language !== undefined && (change.language ?? undefined) !== a.language ? languageDetail(change.language) : undefined,
      ].filter((part) => part !== undefined),
    );
    if (said) this.record('account-changed', updated, by, said);
    return ok(accountView(updated, this.now()));
  }

  async resetPin(id: number, pin: string, mustChangePin: boolean, by: Witness): Promise<Result<AccountView>> {
    const editable = this.editable(this.repo.get(id));
    if (!editable.ok) return editable;
    const problem = pinProblem(editable.value.role, pin);
    if (problem) return failCoded('invalid-request', problem);
    const pinHash = await hashPin(pin);
    const updated = this.repo.update(id, { pinHash, mustChangePin }, this.now().toISOString()) as Account;
    this.repo.setAttempts(id, CLEARED);
    this.record('pin-reset', updated, by, detail(mustChangePin ? 'newPinToChange' : 'newPin'));
    return ok(accountView(updated, this.now()));
  }

  /** Lock state lives here for every account, the file's too: IT clears any. */
  clearLock(id: number, by: Witness): Result<AccountView> {
    const account = this.repo.get(id);
    if (!account) return failCoded('not-found', 'refusals:noAccount', { id });
    this.repo.setAttempts(id, CLEARED);
    this.record('lock-cleared', account, by);
    return ok(accountView(this.repo.get(id) as Account, this.now()));
  }

  /** Why this person may not choose `next` as their new PIN, before the current one is checked (people.ts). */
  newPinProblem(person: Person, current: string, next: string): Result<void> {
    const account = this.repo.get(person.accountId);
    if (!account || account.disabled) return failCoded('not-allowed', 'refusals:accountDisabled');
    if (account.source === 'file') return failCoded('not-allowed', 'refusals:fromFilePin');
    const problem = pinProblem(account.role, next);
    if (problem) return failCoded('invalid-request', problem);
    if (current === next) return failCoded('invalid-request', 'refusals:samePin');
    return ok(undefined);
  }

  /** A new PIN of the person's own choosing, once their current one was checked. */
  async changeOwnPin(person: Person, next: string, by: Witness): Promise<void> {
    const account = this.repo.get(person.accountId);
    if (!account) return;
    this.repo.update(account.id, { pinHash: await hashPin(next), mustChangePin: false }, this.now().toISOString());
    this.record('pin-changed', account, by);
  }

  /**
   * The person's own language, which they choose themselves on any account (a file-provisioned one too: it is no
   * credential); null: the station's. Audited like IT's changes.
   */
  setOwnLanguage(person: Person, language: Language | null, by: Witness): Result<void> {
    const account = this.repo.get(person.accountId);
    if (!account || account.disabled) return failCoded('not-allowed', 'refusals:accountDisabled');
    if ((language ?? undefined) === account.language) return ok(undefined);
    this.repo.update(account.id, { language }, this.now().toISOString());
    this.record('account-changed', account, by, languageDetail(language));
    return ok(undefined);
  }

  /** One line of the people audit about `account`, naming who did it (and where), coded for each reader's language. */
  record(event: AccountEventName, account: Pick<Account, 'id' | 'name' | 'role'> | undefined, by: Witness, said?: StoredText, name?: string): void {
    this.repo.recordEvent({
      at: this.now().toISOString(),
      event,
      accountId: account?.id,
      accountName: account?.name ?? name ?? '(unknown)',
      role: account?.role,
      station: by.station,
      via: by.via,
      byAccountId: by.person?.accountId,
      byName: by.person?.name ?? by.osUser,
      detail: said?.text,
      lineText: accountLine(event, said),
    });
  }

  private editable(account: Account | undefined): Result<Account> {
    if (!account) return failCoded('not-found', 'refusals:noSuchAccount');
    if (account.source === 'file') return failCoded('not-allowed', 'refusals:fromFile', { name: account.name });
    return ok(account);
  }

  private enabledIt(): number {
    return this.repo.list().filter((a) => a.role === 'it' && !a.disabled).length;
  }
}
