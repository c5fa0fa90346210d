import { randomBytes } from 'node:crypto';
import type { Person } from '../../../shared/api/people';
import type { Via } from './caller';

/** Why a person's session ended: they signed out, nobody touched the station, or IT disabled their account. */
export type SignOutReason = 'signed-out' | 'idle' | 'disabled';

interface Session {
  readonly id: string;
  readonly via: Via;
  person: Person | undefined;
  /** Signed in, but must choose a new PIN before anything else. */
  mustChangePin: boolean;
  lastActiveMs: number;
  readonly listeners: Set<() => void>;
}

export interface SessionsOptions {
  now: () => Date;
  /** `auth.idleMinutes`, in ms. */
  idleMs: number;
  /** Called after a person's session ended, whatever the reason (for the audit). */
  onSignOut: (session: { id: string; via: Via }, person: Person, reason: SignOutReason) => void;
}

/** Sessions nobody is connected to, kept at most this long after their last call (a browser that went away). */
const UNUSED_KEPT_MS = 12 * 3600_000;
/** More sessions than this (a script trading the token again and again): the oldest unconnected go first. */
const MAX_SESSIONS = 500;

/**
 * The core's sessions: one per Electron window, one per browser in serve mode. Who is signed in lives here, in the
 * core, never in the page; each call is attributed to the session its transport attached. A signed-in person is
 * signed out after `idleMs` without activity, on the core's own clock, whether or not the page is still there.
 */
export class Sessions {
  private readonly all = new Map<string, Session>();

  constructor(private readonly options: SessionsOptions) {}

  open(via: Via): string {
    this.prune();
    const id = randomBytes(18).toString('base64url');
    this.all.set(id, { id, via, person: undefined, mustChangePin: false, lastActiveMs: this.nowMs(), listeners: new Set() });
    return id;
  }

  has(id: string): boolean {
    return this.all.has(id);
  }

  via(id: string): Via | undefined {
    return this.all.get(id)?.via;
  }

  person(id: string): { person: Person; mustChangePin: boolean } | undefined {
    const s = this.all.get(id);
    return s?.person ? { person: s.person, mustChangePin: s.mustChangePin } : undefined;
  }

  close(id: string): void {
    const s = this.all.get(id);
    if (!s) return;
    if (s.person) this.signOut(id, 'signed-out');
    this.all.delete(id);
  }

  /** Someone at this session did something: the idle clock starts again. */
  touch(id: string): void {
    const s = this.all.get(id);
    if (s) s.lastActiveMs = this.nowMs();
  }

  signIn(id: string, person: Person, mustChangePin: boolean): void {
    const s = this.all.get(id);
    if (!s) return;
    if (s.person && s.person.accountId !== person.accountId) this.signOut(id, 'signed-out');
    s.person = person;
    s.mustChangePin = mustChangePin;
    s.lastActiveMs = this.nowMs();
    this.notify(id);
  }

  pinChanged(id: string): void {
    const s = this.all.get(id);
    if (!s?.person) return;
    s.mustChangePin = false;
    this.notify(id);
  }

  signOut(id: string, reason: SignOutReason): void {
    const s = this.all.get(id);
    if (!s?.person) return;
    const { person } = s;
    s.person = undefined;
    s.mustChangePin = false;
    this.options.onSignOut(s, person, reason);
    this.notify(id);
  }

  /** Signs out everyone idle longer than the limit; run on every call and on a timer. */
  expireIdle(): void {
    const now = this.nowMs();
    for (const s of this.all.values()) {
      if (s.person && now - s.lastActiveMs >= this.options.idleMs) this.signOut(s.id, 'idle');
    }
  }

  /** Sessions where this account is signed in. */
  signedInAs(accountId: number): string[] {
    return [...this.all.values()].filter((s) => s.person?.accountId === accountId).map((s) => s.id);
  }

  /** An account's role or name changed: the sessions it is signed in on carry the new one. */
  renamePerson(person: Person): void {
    for (const id of this.signedInAs(person.accountId)) {
      const s = this.all.get(id);
      if (s) s.person = person;
      this.notify(id);
    }
  }

  /** The connections of one session (a window, a browser's tabs) hear of its changes, and only they. */
  listen(id: string, listener: () => void): () => void {
    const s = this.all.get(id);
    if (!s) return () => {};
    s.listeners.add(listener);
    return () => s.listeners.delete(listener);
  }

  notify(id: string): void {
    for (const listener of this.all.get(id)?.listeners ?? []) listener();
  }

  /** Something every session shows changed (the first account, the names to tap): each is told its own view. */
  notifyAll(): void {
    for (const id of this.all.keys()) this.notify(id);
  }

  private prune(): void {
    const now = this.nowMs();
    const unused = [...this.all.values()].filter((s) => s.listeners.size === 0).sort((a, b) => a.lastActiveMs - b.lastActiveMs);
    for (const s of unused) {
      if (now - s.lastActiveMs > UNUSED_KEPT_MS || this.all.size >= MAX_SESSIONS) this.close(s.id);
    }
  }

  private nowMs(): number {
    return this.options.now().getTime();
  }
}
