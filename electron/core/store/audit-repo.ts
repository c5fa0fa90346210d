import type { AuditEventKind, AuditEventView } from '../../../shared/api/audit';
import type { Role } from '../../../shared/api/people';
import { readCoded, type StoredText } from '../../../shared/i18n/stored-text';
import type { Db } from './database';
import { WhereBuilder, whereClause } from './where-builder';

/**
 * Who did something, as every audit row carries it: the actor string (the person's name, or the OS user on an open
 * station), and when a person was signed in, their account and role; the station always.
 */
export interface AuditStamp {
  actor: string;
  accountId?: number | undefined;
  role?: Role | undefined;
  station: string;
  /** A supervisor's step-up: who was signed in at the station meanwhile. */
  signedIn?: string | undefined;
}

export interface NewAuditEvent extends AuditStamp {
  at: string;
  kind: AuditEventKind;
  method?: string | undefined;
  subject?: string | undefined;
  oldValue?: string | undefined;
  newValue?: string | undefined;
  /** In words: coded for each reader's language, or as sent (a supervisor's own reason for shelving). */
  detail?: StoredText | undefined;
}

export interface AuditEventFilter {
  accountId?: number | undefined;
  kind?: AuditEventKind | undefined;
  actor?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

interface EventRow {
  id: string;
  n: number;
  at: string;
  kind: AuditEventKind;
  actor: string;
  account_id: number | null;
  account_role: Role | null;
  station: string;
  signed_in: string | null;
  method: string | null;
  subject: string | null;
  old_value: string | null;
  new_value: string | null;
  detail: string | null;
  detail_code: string | null;
  detail_params: string | null;
  repeats: number;
  last_at: string | null;
}

/** What makes two refusals the same one repeated. */
const SAME_REFUSAL = ['kind', 'actor', 'account_id', 'station', 'method', 'subject', 'detail'] as const;

/** The audit trail of what is not a command (migration 12): kept whole, as the commands are. */
export class AuditRepo {
  constructor(private readonly db: Db) {}

  record(e: NewAuditEvent): number {
    if (e.kind === 'refused') {
      const last = this.db.prepare<[], Omit<EventRow, 'id'> & { id: number }>('SELECT * FROM audit_events ORDER BY id DESC LIMIT 1').get();
      const same = last && SAME_REFUSAL.every((c) => last[c] === (this.columns(e)[c] ?? null));
      if (last && same) {
        this.db.prepare('UPDATE audit_events SET repeats = repeats + 1, last_at = ? WHERE id = ?').run(e.at, last.id);
        return last.id;
      }
    }
    return Number(
      this.db
        .prepare(
          `INSERT INTO audit_events (at, kind, actor, account_id, account_role, station, signed_in, method, subject, old_value, new_value, detail,
             detail_code, detail_params)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          e.at,
          e.kind,
          e.actor,
          e.accountId ?? null,
          e.role ?? null,
          e.station,
          e.signedIn ?? null,
          e.method ?? null,
          e.subject ?? null,
          e.oldValue ?? null,
          e.newValue ?? null,
          e.detail?.text ?? null,
          e.detail?.coded?.code ?? null,
          e.detail?.coded?.params ? JSON.stringify(e.detail.coded.params) : null,
        ).lastInsertRowid,
    );
  }

  private columns(e: NewAuditEvent): Record<(typeof SAME_REFUSAL)[number], string | number | undefined> {
    return { kind: e.kind, actor: e.actor, account_id: e.accountId, station: e.station, method: e.method, subject: e.subject, detail: e.detail?.text };
  }

  /**
   * Newest first, with the accounts' own events (sign-in, sign-out, failures, changes: migration 11) as `account`
   * rows. A person's trail is what they did and what was done to their account.
   */
  search(filter: AuditEventFilter, limit: number, offset = 0): { rows: AuditEventView[]; total: number } {
    const { clause, params } = whereOf(filter);
    const total = this.db.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM (${TRAIL}) ${clause}`).pluck().get(params) ?? 0;
    const rows = this.db
      .prepare<Record<string, unknown>, EventRow>(`SELECT * FROM (${TRAIL}) ${clause} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset });
    return { rows: rows.map(toView), total };
  }

  /**
   * The export's page: the next `limit` rows below `before` (where the page before ended, in each table), newest
   * first. Each table is read down its rowid (its primary key: a page costs the same at row 1 and row 1,000,000,
   * where an OFFSET or a keyset on `at`, which no index holds, costs the rows before it) and the two are merged by
   * time. A table's rowid order is its rows' recording order, `at`'s but for a clock set back; each row is written
   * once whatever the clock did.
   */
  page(filter: AuditEventFilter, limit: number, before: TrailCursor = {}): { rows: AuditEventView[]; next: TrailCursor | undefined } {
    const { where, params } = whereOf(filter);
    const read = (arm: string, below: number | undefined): EventRow[] => {
      const clause = below === undefined ? where : [...where, 'n < @below'];
      const sql = `SELECT * FROM (${arm}) ${whereClause(clause)} ORDER BY n DESC LIMIT @limit`;
      return this.db
        .prepare<Record<string, unknown>, EventRow>(sql)
        .all({ ...params, limit, ...(below === undefined ? {} : { below }) });
    };
    const events = read(EVENTS_ARM, before.events);
    const accounts = read(ACCOUNTS_ARM, before.accounts);
    const rows: EventRow[] = [];
    let e = 0;
    let a = 0;
    while (rows.length < limit) {
      const event = events[e];
      const account = accounts[a];
      if (event && (!account || event.at >= account.at)) rows.push(events[e++] as EventRow);
      else if (account) rows.push(accounts[a++] as EventRow);
      else break;
    }
    // Fewer than a page: both tables are read to their first row.
    if (rows.length < limit) return { rows: rows.map(toView), next: undefined };
    return { rows: rows.map(toView), next: { events: events[e - 1]?.n ?? before.events, accounts: accounts[a - 1]?.n ?? before.accounts } };
  }
}

/** Where an export's page ended: the lowest id written from each table (none yet: from its newest row). */
export interface TrailCursor {
  events?: number | undefined;
  accounts?: number | undefined;
}

/** The filters as SQL over the trail, as the list and the export both read it. */
function whereOf(filter: AuditEventFilter): { where: string[]; clause: string; params: Record<string, unknown> } {
  const { where, params } = new WhereBuilder()
    .add('(account_id = @accountId OR about_id = @accountId)', 'accountId', filter.accountId)
    .add('kind = @kind', 'kind', filter.kind)
    .contains('actor', 'actor', filter.actor)
    .add('at >= @since', 'since', filter.since)
    .add('at <= @until', 'until', filter.until);
  return { where, clause: whereClause(where), params };
}

/**
 * The role an account event names: the account's own when it acted on itself (a sign-in, a sign-out) or nobody
 * signed in did (a wrong PIN, a lock); else the role its maker (IT) signed in with then, their account's if unknown.
 */
const ACTOR_ROLE = `CASE WHEN ae.by_account_id IS NULL OR ae.by_account_id = ae.account_id THEN ae.role ELSE COALESCE(
    (SELECT s.role FROM account_events s WHERE s.account_id = ae.by_account_id AND s.event = 'sign-in' AND s.id < ae.id ORDER BY s.id DESC LIMIT 1),
    (SELECT a.role FROM accounts a WHERE a.id = ae.by_account_id)) END`;

/** The two tables as the trail's rows; `n`, the table's own id, is what an export's page continues from. */
const EVENTS_ARM = `
  SELECT 'e' || id AS id, id AS n, at, kind, actor, account_id, account_role, station, signed_in, method, subject, old_value,
         new_value, detail, detail_code, detail_params, repeats, last_at, NULL AS about_id
  FROM audit_events`;

/** An account event names who made it (`by_`), else the account itself. */
const ACCOUNTS_ARM = `
  SELECT 'a' || ae.id AS id, ae.id AS n, ae.at AS at, 'account' AS kind, COALESCE(ae.by_name, ae.account_name) AS actor,
         COALESCE(ae.by_account_id, ae.account_id) AS account_id, ${ACTOR_ROLE} AS account_role, ae.station AS station,
         NULL AS signed_in, NULL AS method, ae.account_name AS subject, NULL AS old_value, NULL AS new_value,
         ae.event || COALESCE(': ' || ae.detail, '') AS detail, ae.detail_code AS detail_code, ae.detail_params AS detail_params, 0 AS repeats, NULL AS last_at, ae.account_id AS about_id
  FROM account_events ae`;

/** Both tables as one. */
const TRAIL = `${EVENTS_ARM} UNION ALL ${ACCOUNTS_ARM}`;

function toView(r: EventRow): AuditEventView {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    actor: r.actor,
    ...(r.account_id !== null ? { accountId: r.account_id } : {}),
    ...(r.account_role !== null ? { role: r.account_role } : {}),
    station: r.station,
    ...(r.signed_in !== null ? { signedIn: r.signed_in } : {}),
    ...(r.method !== null ? { method: r.method } : {}),
    ...(r.subject !== null ? { subject: r.subject } : {}),
    ...(r.old_value !== null ? { oldValue: r.old_value } : {}),
    ...(r.new_value !== null ? { newValue: r.new_value } : {}),
    ...(r.detail !== null ? { detail: r.detail } : {}),
    ...(r.detail_code !== null ? { detailText: readCoded(r.detail_code, r.detail_params) } : {}),
    ...(r.repeats > 0 ? { repeats: r.repeats } : {}),
    ...(r.last_at !== null ? { lastAt: r.last_at } : {}),
  };
}
