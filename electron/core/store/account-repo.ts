import type { CodedText } from '../../../shared/api/coded-text';
import type { Role } from '../../../shared/api/people';
import { readCoded } from '../../../shared/i18n/stored-text';
import { LanguageSchema, type Language } from '../../../shared/i18n/languages';
import type { Attempts } from '../people/lockout';
import type { Db } from './database';

export type AccountSource = 'console' | 'file';

export interface Account {
  id: number;
  name: string;
  role: Role;
  source: AccountSource;
  pinHash: string;
  badgeKey: string | undefined;
  disabled: boolean;
  attempts: Attempts;
  mustChangePin: boolean;
  /** The person's own language (migration 16); undefined: the station's. */
  language: Language | undefined;
}

export interface NewAccount {
  name: string;
  nameKey: string;
  role: Role;
  source: AccountSource;
  pinHash: string;
  badgeKey: string | undefined;
  mustChangePin: boolean;
}

/** Undefined leaves a column as it is; a `badgeKey` of null removes the badge. */
export type AccountChange = Partial<Pick<Account, 'name' | 'role' | 'pinHash' | 'disabled' | 'mustChangePin'>> & {
  nameKey?: string;
  badgeKey?: string | null;
  language?: Language | null;
};

/** One line of the people audit: a sign-in, sign-out or failure, or a change to an account and who made it. */
export interface AccountEvent {
  at: string;
  event: string;
  accountId: number | undefined;
  accountName: string;
  role: Role | undefined;
  station: string;
  via: string;
  byAccountId?: number | undefined;
  byName?: string | undefined;
  /** In English, as rows were always written. */
  detail?: string | undefined;
  /** The event and its detail as one catalog code (migration 17), for the reader's language. */
  lineText?: CodedText | undefined;
}

interface AccountRow {
  id: number;
  name: string;
  role: Role;
  source: AccountSource;
  pin_hash: string;
  badge_key: string | null;
  disabled: number;
  failures: number;
  last_failure_at: string | null;
  locked_until: string | null;
  must_change_pin: number;
  language: string | null;
}

interface EventRow {
  id: number;
  at: string;
  event: string;
  account_id: number | null;
  account_name: string;
  role: Role | null;
  station: string;
  via: string;
  by_account_id: number | null;
  by_name: string | null;
  detail: string | null;
  detail_code: string | null;
  detail_params: string | null;
}

const date = (iso: string | null) => (iso === null ? undefined : new Date(iso));

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    source: row.source,
    pinHash: row.pin_hash,
    badgeKey: row.badge_key ?? undefined,
    disabled: row.disabled === 1,
    attempts: { failures: row.failures, lastFailureAt: date(row.last_failure_at), notBefore: date(row.locked_until) },
    mustChangePin: row.must_change_pin === 1,
    // A value written by a newer console, in a language this one lacks, reads as none.
    language: LanguageSchema.safeParse(row.language).data,
  };
}

const COLUMNS: Record<string, string> = {
  name: 'name',
  nameKey: 'name_key',
  role: 'role',
  pinHash: 'pin_hash',
  badgeKey: 'badge_key',
  disabled: 'disabled',
  mustChangePin: 'must_change_pin',
  language: 'language',
};

const sqlValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null));

/** Accounts and their sign-in and change events (migration 11). */
export class AccountRepo {
  constructor(private readonly db: Db) {}

  /** Every account, disabled ones too: while there is none the station is open. */
  count(): number {
    return this.db.prepare<[], number>('SELECT count(*) FROM accounts').pluck().get() ?? 0;
  }

  list(): Account[] {
    return this.db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY name_key').all().map(toAccount);
  }

  get(id: number): Account | undefined {
    const row = this.db.prepare<[number], AccountRow>('SELECT * FROM accounts WHERE id = ?').get(id);
    return row && toAccount(row);
  }

  byName(nameKey: string): Account | undefined {
    const row = this.db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE name_key = ?').get(nameKey);
    return row && toAccount(row);
  }

  byBadge(badgeKey: string): Account | undefined {
    const row = this.db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE badge_key = ?').get(badgeKey);
    return row && toAccount(row);
  }

  insert(a: NewAccount, at: string): Account {
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO accounts (name, name_key, role, source, pin_hash, badge_key, must_change_pin, created_at, updated_at)
           VALUES (@name, @nameKey, @role, @source, @pinHash, @badgeKey, @mustChangePin, @at, @at)`,
        )
        .run({ ...a, badgeKey: a.badgeKey ?? null, mustChangePin: a.mustChangePin ? 1 : 0, at }).lastInsertRowid,
    );
    return this.get(id) as Account;
  }

  update(id: number, change: AccountChange, at: string): Account | undefined {
    const sets = Object.keys(change).filter((k) => COLUMNS[k] && change[k as keyof AccountChange] !== undefined);
    const values = Object.fromEntries(sets.map((k) => [k, sqlValue(change[k as keyof AccountChange])]));
    const assignments = sets.map((k) => `${COLUMNS[k]} = @${k}, `).join('');
    this.db.prepare(`UPDATE accounts SET ${assignments}updated_at = @at WHERE id = @id`).run({ ...values, at, id });
    return this.get(id);
  }

  setAttempts(id: number, a: Attempts): void {
    this.db
      .prepare('UPDATE accounts SET failures = ?, last_failure_at = ?, locked_until = ? WHERE id = ?')
      .run(a.failures, a.lastFailureAt?.toISOString() ?? null, a.notBefore?.toISOString() ?? null, id);
  }

  recordEvent(e: AccountEvent): void {
    this.db
      .prepare(
        `INSERT INTO account_events (at, event, account_id, account_name, role, station, via, by_account_id, by_name, detail, detail_code, detail_params)
         VALUES (@at, @event, @accountId, @accountName, @role, @station, @via, @byAccountId, @byName, @detail, @code, @params)`,
      )
      .run({
        at: e.at,
        event: e.event,
        accountId: e.accountId ?? null,
        accountName: e.accountName,
        role: e.role ?? null,
        station: e.station,
        via: e.via,
        byAccountId: e.byAccountId ?? null,
        byName: e.byName ?? null,
        detail: e.detail ?? null,
        code: e.lineText?.code ?? null,
        params: e.lineText?.params ? JSON.stringify(e.lineText.params) : null,
      });
  }

  /** Newest first; of one account when `accountId` is given. */
  events(limit: number, offset = 0, accountId?: number): { rows: (AccountEvent & { id: number })[]; total: number } {
    const where = accountId === undefined ? '' : 'WHERE account_id = @accountId OR by_account_id = @accountId';
    const params = { accountId: accountId ?? null, limit, offset };
    const total = this.db.prepare<typeof params, number>(`SELECT count(*) FROM account_events ${where}`).pluck().get(params) ?? 0;
    const rows = this.db.prepare<typeof params, EventRow>(`SELECT * FROM account_events ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all(params);
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        at: r.at,
        event: r.event,
        accountId: r.account_id ?? undefined,
        accountName: r.account_name,
        role: r.role ?? undefined,
        station: r.station,
        via: r.via,
        byAccountId: r.by_account_id ?? undefined,
        byName: r.by_name ?? undefined,
        detail: r.detail ?? undefined,
        ...(r.detail_code !== null ? { lineText: readCoded(r.detail_code, r.detail_params) } : {}),
      })),
    };
  }
}
