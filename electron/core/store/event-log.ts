import type { Db } from './database';
import { keptOfRefused, RefusedDeliveries } from './refused-deliveries';

/**
 * A delivery as the log keeps it: headers already redacted, the body as much of it as was kept (of one refused for
 * want of authentication, an excerpt: refused-deliveries.ts).
 */
export interface DeliveryRecord {
  receivedAt: string;
  source: string;
  remoteAddr: string | undefined;
  headers: Record<string, string>;
  body: Buffer;
  bodyLength: number;
  outcome: 'accepted' | 'duplicate' | 'rejected';
  status: number;
  reason: string | undefined;
}

/** An event as the log keeps it; `message` is the parsed message as JSON text. */
export interface EventRecord {
  deliveryId: number | null;
  source: string;
  subject: string;
  dedupeKey: string | undefined;
  type: string;
  receivedAt: string;
  message: unknown;
}

export interface LoggedEventRow {
  seq: number;
  source: string;
  subject: string;
  type: string;
  receivedAt: string;
  message: unknown;
}

type EventRow = { seq: number; source: string; machine_id: string; message_type: string; received_at: string; message: string };

/**
 * The append-only log: every delivery as it arrived, and the events parsed from them. The ingest queue writes it in
 * group commits; the projector reads it back to rebuild or catch up the projections.
 */
export class EventLog {
  private readonly insertDelivery;
  private readonly insertEvent;
  private readonly findEvent;
  private readonly countRepeat;
  private readonly markDuplicate;
  private readonly lastSeqStmt;
  private readonly countStmt;
  private readonly pageStmt;
  private readonly messageStmt;
  private readonly insertConflict;
  private readonly conflictsStmt;

  constructor(
    db: Db,
    /** The refused deliveries' totals and caps: each refusal logged is counted there, and may prune older ones. */
    private readonly refused: RefusedDeliveries = new RefusedDeliveries(db),
  ) {
    this.insertDelivery = db.prepare(
      `INSERT INTO deliveries (received_at, source, remote_addr, headers, body, body_length, outcome, http_status, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertEvent = db.prepare(
      `INSERT OR IGNORE INTO events (delivery_id, source, machine_id, message_id, message_type, received_at, message)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.findEvent = db.prepare<[string, string], { seq: number }>('SELECT seq FROM events WHERE source = ? AND message_id = ?');
    this.countRepeat = db.prepare('UPDATE events SET duplicates = duplicates + 1 WHERE seq = ?');
    this.markDuplicate = db.prepare("UPDATE deliveries SET outcome = 'duplicate', reason = ? WHERE id = ?");
    this.lastSeqStmt = db.prepare<[], { seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM events');
    this.countStmt = db.prepare<[], number>('SELECT count(*) FROM events WHERE conflicts_with IS NULL').pluck();
    // Read in pages, not with iterate(): projecting writes on this connection, which a live cursor forbids. A message
    // that collided with another's key is never folded.
    this.pageStmt = db.prepare<[number, number], EventRow>(
      'SELECT seq, source, machine_id, message_type, received_at, message FROM events WHERE seq > ? AND conflicts_with IS NULL ORDER BY seq LIMIT ?',
    );
    this.messageStmt = db.prepare<[number], string>('SELECT message FROM events WHERE seq = ?').pluck();
    this.insertConflict = db.prepare(
      `INSERT INTO events (delivery_id, source, machine_id, message_id, message_type, received_at, message, conflicts_with)
       VALUES (?, ?, ?, NULL, ?, ?, ?, ?)`,
    );
    this.conflictsStmt = db.prepare<[], { machine_id: string; seq: number; conflicts_with: number; received_at: string }>(
      'SELECT machine_id, max(seq) AS seq, conflicts_with, received_at FROM events WHERE conflicts_with IS NOT NULL GROUP BY machine_id',
    );
  }

  /** Returns the delivery's id. A refused one is counted against the caps on refused deliveries. */
  addDelivery(d: DeliveryRecord): number {
    const refused = d.outcome === 'rejected';
    const { lastInsertRowid } = this.insertDelivery.run(
      d.receivedAt,
      d.source,
      d.remoteAddr ?? null,
      JSON.stringify(d.headers),
      refused ? keptOfRefused(d.status, d.body) : d.body,
      d.bodyLength,
      d.outcome,
      d.status,
      d.reason ?? null,
    );
    const id = Number(lastInsertRowid);
    if (refused) this.refused.added(id);
    return id;
  }

  /**
   * Appends an event and returns its sequence number, or undefined when an event with the same (source, dedupe key)
   * is logged already: the unique index decides, with no lookup before every insert.
   */
  append(e: EventRecord): number | undefined {
    const inserted = this.insertEvent.run(e.deliveryId, e.source, e.subject, e.dedupeKey ?? null, e.type, e.receivedAt, JSON.stringify(e.message));
    return inserted.changes === 0 ? undefined : Number(inserted.lastInsertRowid);
  }

  /** Whether a message is the one logged at `seq`, byte for byte as parsed. */
  sameMessage(seq: number, message: unknown): boolean {
    return this.messageStmt.get(seq) === JSON.stringify(message);
  }

  /**
   * Logs a message that reuses the key of the event at `conflictsWith` with a different body: kept, with no key of
   * its own, and never folded into the projections. Returns its sequence number.
   */
  appendConflict(e: EventRecord, conflictsWith: number): number {
    const { lastInsertRowid } = this.insertConflict.run(e.deliveryId, e.source, e.subject, e.type, e.receivedAt, JSON.stringify(e.message), conflictsWith);
    return Number(lastInsertRowid);
  }

  /** The newest colliding message of each machine: what the conflict alert names. */
  latestConflicts(): { machineId: string; seq: number; conflictsWith: number; at: string }[] {
    return this.conflictsStmt.all().map((r) => ({ machineId: r.machine_id, seq: r.seq, conflictsWith: r.conflicts_with, at: r.received_at }));
  }

  seqOf(source: string, dedupeKey: string): number | undefined {
    return this.findEvent.get(source, dedupeKey)?.seq;
  }

  /** Counts a repeat delivery against the event it repeats, and marks the delivery itself a duplicate. */
  recordRepeat(seq: number, deliveryId: number | null, reason: string): void {
    this.countRepeat.run(seq);
    this.markDelivery(deliveryId, reason);
  }

  /** Marks a delivery as not applied (a repeat, or a collision), with why. */
  markDelivery(deliveryId: number | null, reason: string): void {
    if (deliveryId !== null) this.markDuplicate.run(reason, deliveryId);
  }

  /** How many events a rebuild folds. */
  count(): number {
    return this.countStmt.get() ?? 0;
  }

  lastSeq(): number {
    return this.lastSeqStmt.get()?.seq ?? 0;
  }

  /** Up to `limit` events after `after`, oldest first. */
  page(after: number, limit: number): LoggedEventRow[] {
    return this.pageStmt.all(after, limit).map((e) => ({
      seq: e.seq,
      source: e.source,
      subject: e.machine_id,
      type: e.message_type,
      receivedAt: e.received_at,
      message: JSON.parse(e.message) as unknown,
    }));
  }
}
