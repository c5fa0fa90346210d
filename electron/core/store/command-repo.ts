import type { Role as PersonRole } from '../../../shared/api/people';
import { readCoded, type StoredText } from '../../../shared/i18n/stored-text';
import type { CommandKind, CommandState, CommandView, Role } from '../../../shared/api/views';
import { cappedCount } from './capped-count';
import type { AuditStamp } from './audit-repo';
import type { Db } from './database';
import { WhereBuilder, whereClause } from './where-builder';

export interface CommandRow {
  id: number;
  machine_id: string;
  kind: CommandKind;
  payload: string;
  actor: string;
  role: Role;
  state: CommandState;
  outcome: string | null;
  /** Since migration 16 (absent when an older schema is read). */
  outcome_code?: string | null;
  outcome_params?: string | null;
  attempts: number;
  next_attempt_at: string | null;
  review_id: number | null;
  alert_id: number | null;
  restored_at: string | null;
  created_at: string;
  updated_at: string;
  account_id: number | null;
  account_role: PersonRole | null;
  station: string | null;
  signed_in: string | null;
}

export interface Command extends CommandView {
  nextAttemptAt?: string;
  alertId?: number;
}

export function fromRow(row: CommandRow): Command {
  return {
    id: row.id,
    machineId: row.machine_id,
    kind: row.kind,
    state: row.state,
    actor: row.actor,
    role: row.role,
    attempts: row.attempts,
    payload: JSON.parse(row.payload) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.outcome !== null ? { outcome: row.outcome } : {}),
    ...(row.outcome_code ? { outcomeText: readCoded(row.outcome_code, row.outcome_params ?? null) } : {}),
    ...(row.review_id !== null ? { reviewId: row.review_id } : {}),
    ...(row.next_attempt_at !== null ? { nextAttemptAt: row.next_attempt_at } : {}),
    ...(row.alert_id !== null ? { alertId: row.alert_id } : {}),
    ...(row.restored_at !== null ? { restoredAt: row.restored_at } : {}),
    ...(row.account_id !== null ? { accountId: row.account_id } : {}),
    ...(row.account_role !== null ? { accountRole: row.account_role } : {}),
    ...(row.station !== null ? { station: row.station } : {}),
    ...(row.signed_in !== null ? { signedIn: row.signed_in } : {}),
  };
}

export function toView(command: Command): CommandView {
  const { nextAttemptAt: _next, alertId: _alert, ...view } = command;
  return view;
}

export interface NewCommand {
  machineId: string;
  kind: CommandKind;
  payload: unknown;
  actor: string;
  role: Role;
  reviewId?: number | undefined;
  alertId?: number | undefined;
  /** Who decided, beyond the actor string: absent for automatic actions. */
  person?: PersonStamp | undefined;
  at: string;
}

/** The audit stamp a command carries beside its actor string. */
export type PersonStamp = Omit<AuditStamp, 'actor'>;

export interface CommandFilter {
  machineId?: string | undefined;
  kind?: string | undefined;
  state?: string | undefined;
  actor?: string | undefined;
  accountId?: number | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

/** The command outbox: a command is written here before it is sent, and its state follows the call. */
export class CommandRepo {
  constructor(private readonly db: Db) {}

  /**
   * Writes a new command. A signal for a review that already has one returns the existing command instead: one
   * signal per suspension, whatever double click, second window or restart asked again.
   */
  create(input: NewCommand): { command: Command; created: boolean } {
    if (input.reviewId !== undefined) {
      const existing = this.db.prepare<[number], CommandRow>('SELECT * FROM commands WHERE review_id = ?').get(input.reviewId);
      if (existing) return { command: fromRow(existing), created: false };
    }
    const info = this.db
      .prepare(
        `INSERT INTO commands (machine_id, kind, payload, actor, role, state, review_id, alert_id, created_at, updated_at,
           account_id, account_role, station, signed_in)
         VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.machineId,
        input.kind,
        JSON.stringify(input.payload ?? null),
        input.actor,
        input.role,
        input.reviewId ?? null,
        input.alertId ?? null,
        input.at,
        input.at,
        input.person?.accountId ?? null,
        input.person?.role ?? null,
        input.person?.station ?? null,
        input.person?.signedIn ?? null,
      );
    return { command: this.get(Number(info.lastInsertRowid)), created: true };
  }

  /** Marks a command as being sent. Written before the request leaves, so a crash mid-send is seen as ambiguous. */
  markSent(id: number, at: string): Command {
    this.db.prepare(`UPDATE commands SET state = 'sent', attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE id = ?`).run(at, id);
    return this.get(id);
  }

  /**
   * Settling a command restored from a backup (the outbox acts on no other) clears its mark. A plain string is an
   * outcome as the machine sent it; a coded one is stored with its code for each viewer's language.
   */
  update(id: number, state: CommandState, outcome: StoredText | string, at: string, nextAttemptAt?: string): Command {
    const stored = typeof outcome === 'string' ? { text: outcome } : outcome;
    const { code, params } = stored.coded ?? {};
    this.db
      .prepare(
        `UPDATE commands SET state = ?, outcome = ?, outcome_code = ?, outcome_params = ?, updated_at = ?, next_attempt_at = ?,
           restored_at = NULL WHERE id = ?`,
      )
      .run(state, stored.text, code ?? null, params ? JSON.stringify(params) : null, at, nextAttemptAt ?? null, id);
    return this.get(id);
  }

  /** A command the caller knows exists (it holds its id from the outbox): a missing one is a bug. */
  get(id: number): Command {
    const command = this.find(id);
    if (!command) throw new Error(`no command ${id}`);
    return command;
  }

  /** A command named from outside (a person's "send again"): it may not exist. */
  find(id: number): Command | undefined {
    const row = this.db.prepare<[number], CommandRow>('SELECT * FROM commands WHERE id = ?').get(id);
    return row ? fromRow(row) : undefined;
  }

  /** Commands issued while an alert was open: who acted on it, and how. */
  actionsOn(alertId: number): { created_at: string; actor: string; kind: string; state: string }[] {
    return this.db
      .prepare<[number], { created_at: string; actor: string; kind: string; state: string }>(
        'SELECT created_at, actor, kind, state FROM commands WHERE alert_id = ? ORDER BY id',
      )
      .all(alertId);
  }

  byReview(reviewId: number): Command | undefined {
    const row = this.db.prepare<[number], CommandRow>('SELECT * FROM commands WHERE review_id = ?').get(reviewId);
    return row ? fromRow(row) : undefined;
  }

  /** Commands not yet settled: queued ones (to send or retry) and sent ones (answer unknown). */
  unsettled(): Command[] {
    return this.db
      .prepare<[], CommandRow>(`SELECT * FROM commands WHERE state IN ('queued', 'sent') ORDER BY id`)
      .all()
      .map(fromRow);
  }

  /** After a restore: every unsettled command waits for the machine to say whether it still needs sending. */
  markRestored(at: string): number {
    return this.db.prepare(`UPDATE commands SET restored_at = ? WHERE state IN ('queued', 'sent')`).run(at).changes;
  }

  recent(limit = 50): Command[] {
    return this.db.prepare<[number], CommandRow>('SELECT * FROM commands ORDER BY id DESC LIMIT ?').all(limit).map(fromRow);
  }

  /**
   * The audit trail, newest first: `limit` rows from `offset` among those older than command `before`, and how many
   * match (up to COUNT_CAP). Every read walks the primary key downwards (EXPLAIN: SCAN commands, or SEARCH commands
   * USING INTEGER PRIMARY KEY (rowid<?) with `before`), so a page costs the rows it passes over, not the table.
   */
  search(filter: CommandFilter, limit: number, offset = 0, before?: number): { rows: Command[]; total: number; capped: boolean } {
    const { where, params } = auditWhere(filter);
    const clause = whereClause(where);
    return { rows: this.page(where, params, limit, offset, before), ...cappedCount(this.db, `FROM commands ${clause}`, params) };
  }

  /** A page of the audit trail without its count: what the export reads, page after page. */
  searchPage(filter: CommandFilter, limit: number, before?: number): Command[] {
    const { where, params } = auditWhere(filter);
    return this.page(where, params, limit, 0, before);
  }

  private page(where: string[], params: Record<string, unknown>, limit: number, offset: number, before: number | undefined): Command[] {
    const keyed = before === undefined ? where : [...where, 'id < @before'];
    const clause = whereClause(keyed);
    return this.db
      .prepare<Record<string, unknown>, CommandRow>(`SELECT * FROM commands ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit, offset, ...(before === undefined ? {} : { before }) })
      .map(fromRow);
  }
}

function auditWhere(filter: CommandFilter): { where: string[]; params: Record<string, unknown> } {
  return new WhereBuilder()
    .add('machine_id = @machineId', 'machineId', filter.machineId)
    .add('kind = @kind', 'kind', filter.kind)
    .add('state = @state', 'state', filter.state)
    .contains('actor', 'actor', filter.actor)
    .add('account_id = @accountId', 'accountId', filter.accountId)
    .add('created_at >= @since', 'since', filter.since)
    .add('created_at <= @until', 'until', filter.until);
}
