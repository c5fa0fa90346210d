import type { ConsoleEvent } from '../../../shared/api/contract';
import type { Credential, Person, SessionView } from '../../../shared/api/people';
import type { Language } from '../../../shared/i18n/languages';
import { failCoded, ok, type Result } from '../../../shared/api/result';
import { asParam, fromError } from '../../../shared/i18n/stored-text';
import { Accounts, type Witness } from './accounts';
import { detail, howOf, type AccountEventName } from './audit-lines';
import type { Authenticator } from './authenticator';
import type { Caller, Via } from './caller';
import { Sessions, type SignOutReason } from './sessions';

export interface StationRules {
  station: string;
  /** The operating-system user running the console. */
  osUser: string;
  training: boolean;
  /** `auth.required`: sign-in from the first start, even before any account exists. */
  required: boolean;
  idleMinutes: number;
  /** The station's language (the `language` setting): what a page reads unless its person chose their own. */
  language: Language;
}

/** What a transport needs of the people at the station: a session per window or browser, and the caller of each call. */
export interface StationSessions {
  open(via: Via): string;
  has(sessionId: string): boolean;
  via(sessionId: string): Via | undefined;
  close(sessionId: string): void;
  /** The caller of one call on this session (undefined: no such session); `method` tells whether it is activity. */
  callerFor(sessionId: string, method: unknown): Caller | undefined;
  /** This session's own changes (signed in, out, locked by idle): for its connections only, never broadcast. */
  listen(sessionId: string, listener: (event: Extract<ConsoleEvent, { type: 'session' }>) => void): () => void;
}

/**
 * Reads the UI makes on its own when something changes (lists, details, the snapshot) do not keep a person signed
 * in; anything else does, and `getSession`, which the UI calls when it sees someone at the keyboard or screen.
 */
const isActivity = (method: unknown) => typeof method === 'string' && (method === 'getSession' || !/^(get|list)[A-Z]/.test(method));

/** What the audit names when a credential matched no account. */
const unknownName = (c: Credential) => (c.badge !== undefined ? 'unknown badge' : `no account ${c.accountId ?? ''}`.trim());

const SIGN_OUT_EVENT: Record<SignOutReason, AccountEventName> = { 'signed-out': 'sign-out', idle: 'idle-sign-out', disabled: 'disabled-sign-out' };

/**
 * The people at this station: who is signed in on each session, whether the station is open (no account yet), and
 * the sign-in itself. Every sign-in, sign-out and failure is audited with the account, role and station.
 */
export class People implements StationSessions {
  readonly sessions: Sessions;
  private creatingFirst = false;

  constructor(
    readonly accounts: Accounts,
    private readonly authenticator: Authenticator,
    private readonly rules: StationRules,
    private readonly now: () => Date,
    private readonly emit: (event: ConsoleEvent) => void,
  ) {
    this.sessions = new Sessions({
      now,
      idleMs: rules.idleMinutes * 60_000,
      onSignOut: (session, person, reason) => {
        this.accounts.record(SIGN_OUT_EVENT[reason], { id: person.accountId, name: person.name, role: person.role }, this.witness(session.via, person));
        this.emit({ type: 'audit' });
      },
    });
  }

  open(via: Via): string {
    return this.sessions.open(via);
  }

  has(sessionId: string): boolean {
    return this.sessions.has(sessionId);
  }

  via(sessionId: string): Via | undefined {
    return this.sessions.via(sessionId);
  }

  close(sessionId: string): void {
    this.sessions.close(sessionId);
  }

  listen(sessionId: string, listener: (event: Extract<ConsoleEvent, { type: 'session' }>) => void): () => void {
    return this.sessions.listen(sessionId, () => listener({ type: 'session', session: this.view(sessionId) }));
  }

  callerFor(sessionId: string, method: unknown): Caller | undefined {
    const via = this.sessions.via(sessionId);
    if (via === undefined) return undefined;
    this.sessions.expireIdle();
    if (isActivity(method)) this.sessions.touch(sessionId);
    const signedIn = this.sessions.person(sessionId);
    const { osUser, station } = this.rules;
    return {
      sessionId,
      ...(signedIn && !signedIn.mustChangePin ? { person: signedIn.person } : {}),
      osUser,
      station,
      via,
      open: this.isOpen(via),
    };
  }

  /** The language of whoever makes this call: the signed-in person's own, else the station's (for exports). */
  languageOf(caller: Pick<Caller, 'person'>): Language {
    const own = caller.person ? this.accounts.get(caller.person.accountId)?.language : undefined;
    return own ?? this.rules.language;
  }

  /** The `language` setting changed: every page follows at once (those whose person chose their own stay). */
  setStationLanguage(language: Language): void {
    if (language === this.rules.language) return;
    this.rules.language = language;
    this.sessions.notifyAll();
  }

  /** The signed-in person's own language (null: the station's); their pages follow. */
  setOwnLanguage(caller: Caller, language: Language | null): Result<SessionView> {
    const signedIn = this.sessions.person(caller.sessionId);
    if (!signedIn) return failCoded('not-allowed', 'refusals:signInFirst');
    const set = this.accounts.setOwnLanguage(signedIn.person, language, this.witness(caller.via, signedIn.person));
    if (!set.ok) return set;
    this.accountChanged(signedIn.person.accountId);
    return ok(this.view(caller.sessionId));
  }

  /** No person needed to act: training, or no account yet without `auth.required` (on the app and loopback only). */
  isOpen(via: Via): boolean {
    return this.rules.training || (!this.rules.required && via !== 'serve-lan' && !this.accounts.anyExist());
  }

  view(sessionId: string): SessionView {
    const via = this.sessions.via(sessionId) ?? 'serve-lan';
    const signedIn = this.sessions.person(sessionId);
    const open = this.isOpen(via);
    return {
      station: this.rules.station,
      osUser: this.rules.osUser,
      openStation: open && !this.rules.training,
      training: this.rules.training,
      signInRequired: !open && signedIn === undefined,
      canCreateFirstAccount: this.mayCreateFirst(via),
      ...(signedIn ? { person: signedIn.person } : {}),
      mustChangePin: signedIn?.mustChangePin ?? false,
      idleMinutes: this.rules.idleMinutes,
      signInNames: this.accounts.signInNames(),
      ...this.languages(signedIn?.person),
    };
  }

  async signIn(caller: Caller, credential: Credential): Promise<Result<SessionView>> {
    const result = await this.authenticator.authenticate(credential);
    if (!result.ok) {
      const { refusal } = result;
      const why = fromError(refusal ?? result.error);
      this.accounts.record('sign-in-failed', refusal?.account, this.witness(caller.via), detail('howWhy', { how: asParam(howOf(credential)), why: asParam(why) }), unknownName(credential));
      if (refusal?.locked) this.accounts.record('locked', refusal.account, this.witness(caller.via));
      this.emit({ type: 'audit' });
      return result;
    }
    const { person, mustChangePin } = result.value;
    this.sessions.signIn(caller.sessionId, person, mustChangePin);
    this.accounts.record('sign-in', { id: person.accountId, name: person.name, role: person.role }, this.witness(caller.via, person), howOf(credential));
    this.emit({ type: 'audit' });
    return ok(this.view(caller.sessionId));
  }

  /**
   * A supervisor's step-up at someone else's session: the credential checked like a sign-in (same waits and locks),
   * audited, and nobody signed in or out. The permission check (is this person's role enough?) is the caller's.
   */
  async stepUp(caller: Caller, credential: Credential): Promise<Result<Person>> {
    const result = await this.authenticator.authenticate(credential);
    const by = this.witness(caller.via, caller.person);
    if (!result.ok) {
      this.accounts.record('step-up-failed', result.refusal?.account, by, fromError(result.refusal ?? result.error), unknownName(credential));
      if (result.refusal?.locked) this.accounts.record('locked', result.refusal.account, by);
      this.emit({ type: 'audit' });
      return result;
    }
    if (result.value.mustChangePin) return failCoded('not-allowed', 'refusals:mustChangeFirst', { name: result.value.person.name });
    const { person } = result.value;
    this.accounts.record('step-up', { id: person.accountId, name: person.name, role: person.role }, by);
    this.emit({ type: 'audit' });
    return ok(person);
  }

  signOut(caller: Caller, reason: SignOutReason): SessionView {
    this.sessions.signOut(caller.sessionId, reason);
    return this.view(caller.sessionId);
  }

  async changeOwnPin(caller: Caller, current: string, next: string): Promise<Result<SessionView>> {
    const signedIn = this.sessions.person(caller.sessionId);
    if (!signedIn) return failCoded('not-allowed', 'refusals:signInFirst');
    const { person } = signedIn;
    const allowed = this.accounts.newPinProblem(person, current, next);
    if (!allowed.ok) return allowed;
    // The current PIN is checked like a sign-in, waits and locks included: a session left open is no way to guess it.
    const checked = await this.authenticator.authenticate({ accountId: person.accountId, pin: current });
    if (!checked.ok) {
      const by = this.witness(caller.via, person);
      this.accounts.record('pin-change-failed', checked.refusal?.account, by, fromError(checked.refusal ?? checked.error));
      if (checked.refusal?.locked) this.accounts.record('locked', checked.refusal.account, by);
      this.emit({ type: 'audit' });
      return checked;
    }
    await this.accounts.changeOwnPin(person, next, this.witness(caller.via, person));
    this.sessions.pinChanged(caller.sessionId);
    this.emit({ type: 'audit' });
    return ok(this.view(caller.sessionId));
  }

  /** Bootstrap: the first account, always IT, made from the console's own machine; its maker is signed in as it. */
  async createFirstAccount(caller: Caller, input: { name: string; pin: string; badge?: string | undefined }): Promise<Result<SessionView>> {
    if (!this.mayCreateFirst(caller.via)) {
      if (this.rules.training) return failCoded('not-allowed', 'refusals:trainingNoAccounts');
      if (this.creatingFirst) return failCoded('not-allowed', 'refusals:firstBeingCreated');
      if (this.accounts.anyExist()) return failCoded('not-allowed', 'refusals:firstExists');
      return failCoded('not-allowed', 'refusals:firstHere');
    }
    this.creatingFirst = true;
    try {
      const created = await this.accounts.create({ ...input, role: 'it', mustChangePin: false }, this.witness(caller.via));
      if (!created.ok) return created;
      const { id, name, role } = created.value;
      this.sessions.signIn(caller.sessionId, { accountId: id, name, role }, false);
      this.accounts.record('sign-in', { id, name, role }, this.witness(caller.via, { accountId: id, name, role }), detail('how.firstAccount'));
    } finally {
      this.creatingFirst = false;
    }
    this.emit({ type: 'audit' });
    this.sessions.notifyAll();
    return ok(this.view(caller.sessionId));
  }

  /** After IT changed an account: its sessions follow (disabled: signed out), and every sign-in screen's names. */
  accountChanged(accountId: number): void {
    const account = this.accounts.get(accountId);
    if (!account || account.disabled) {
      for (const id of this.sessions.signedInAs(accountId)) this.sessions.signOut(id, 'disabled');
    } else {
      this.sessions.renamePerson({ accountId, name: account.name, role: account.role });
    }
    this.emit({ type: 'audit' });
    this.sessions.notifyAll();
  }

  /** Who a caller's change is recorded under, for the people audit. */
  witness(via: string, person?: Person): Witness {
    return { person, osUser: this.rules.osUser, station: this.rules.station, via };
  }

  private languages(person: Person | undefined): Pick<SessionView, 'language' | 'stationLanguage' | 'ownLanguage'> {
    const own = person ? this.accounts.get(person.accountId)?.language : undefined;
    return { language: own ?? this.rules.language, stationLanguage: this.rules.language, ...(own ? { ownLanguage: own } : {}) };
  }

  private mayCreateFirst(via: Via): boolean {
    return !this.rules.training && via !== 'serve-lan' && !this.creatingFirst && !this.accounts.anyExist();
  }
}
