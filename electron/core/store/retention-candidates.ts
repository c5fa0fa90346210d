import type { Statement } from 'better-sqlite3';
import type { Db } from './database';
import type { MoveSet } from './archive-mover';

/** What a pass may archive, by kind: ISO times before which rows go. */
export interface Cutoffs {
  /** Jobs (with their events, deliveries, reviews, commands) and the machine-level messages. */
  jobs: string;
  /** Refused deliveries (400, 401, 403, 413) and repeats (duplicates). */
  refused: string;
  /** Closed alerts, with the commands issued while they were open. */
  alerts: string;
}

/** One group of rows that leaves together, under the year it is archived in. */
export interface Unit {
  year: number;
  set: MoveSet;
}

/** Where a scan stopped, so the next batch goes on from there; `done` once nothing older than the cutoff is left. */
export interface Scan {
  units: Unit[];
  next: number;
  done: boolean;
}

type Newest = Record<'reviews' | 'commands' | 'alerts' | 'deliveries' | 'events', number>;

interface EventRow {
  seq: number;
  delivery_id: number | null;
  machine_id: string;
  received_at: string;
  job_key: string | null;
  conflicted: number;
}

interface JobRow {
  rowid: number;
  machine_id: string;
  job_key: string;
  updated_at: string;
  status: string;
  workflow_instance_id: string | null;
  attempts: string | null;
}

/** Messages read per job of a batch, at most. */
const EVENTS_PER_JOB = 8;
const TERMINAL = new Set(['Completed', 'Faulted', 'Cancelled', 'Rejected']);
const json = (values: unknown[]) => JSON.stringify(values);
const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** The job key a logged AIDA message folds into (domain/job-state.ts jobKeyOf), in SQL. */
const JOB_KEY = `coalesce(nullif(json_extract(message, '$.jobId'), ''), 'wf:' || nullif(json_extract(message, '$.workflowInstanceId'), ''))`;

/**
 * Finds, in small batches, what retention may move: reads follow rowids or indexes only, never a scan of a whole table,
 * since they run on the connection that acknowledges webhooks. Nothing an open review, an unsettled command or an open
 * alert needs is chosen, and never a table's newest row (the id high-water mark, migration 9).
 */
export class RetentionCandidates {
  private readonly byJobId;
  private readonly byInstance;
  private readonly metadata;
  private readonly statements: GuardStatements;

  constructor(private readonly db: Db) {
    const select = `SELECT seq, delivery_id, machine_id, received_at, ${JOB_KEY} AS job_key, conflicts_with IS NOT NULL AS conflicted FROM events`;
    // Each written as migration 4's expression indexes are, so that it is a lookup, not a scan of the log.
    this.byJobId = db.prepare<[string, string], EventRow>(`${select} WHERE source = 'aida' AND machine_id = ? AND json_extract(message, '$.jobId') = ?`);
    this.byInstance = db.prepare<[string, string], EventRow>(
      `${select} WHERE source = 'aida' AND machine_id = ? AND json_extract(message, '$.workflowInstanceId') = ?
         AND nullif(json_extract(message, '$.jobId'), '') IS NULL`,
    );
    this.metadata = db.prepare<[string, string], number>('SELECT rowid FROM job_metadata WHERE machine_id = ? AND job_key = ?').pluck();
    this.statements = {
      reviews: db.prepare<[string], { id: number; state: string }>('SELECT id, state FROM reviews WHERE opened_seq IN (SELECT value FROM json_each(?))'),
      commands: db.prepare<[string], { id: number; state: string }>('SELECT id, state FROM commands WHERE review_id IN (SELECT value FROM json_each(?))'),
      conflicts: db
        .prepare<[string], number>('SELECT count(*) FROM events WHERE conflicts_with IS NOT NULL AND conflicts_with IN (SELECT value FROM json_each(?))')
        .pluck(),
    };
  }

  /** The last event received before `before`: seq and received_at grow together, so a binary search finds it. */
  lastSeqBefore(before: string): number {
    return this.lastIdBefore('events', 'seq', 'received_at', before);
  }

  /**
   * AIDA jobs whose last update is older than the cutoff, each with every logged message that folds into it, those
   * messages' deliveries, the reviews they opened and those reviews' commands; and the machine-level messages (no job)
   * older than the cutoff, each with its delivery and what it opened. Scans events after `from`, up to `limit` jobs.
   */
  jobsAndMessages(from: number, before: string, newest: Newest, limit: number): Scan {
    const cutoff = this.lastSeqBefore(before);
    // A job logs a few messages: this many cover `limit` jobs, and reading more would only lengthen the batch.
    const window = limit * EVENTS_PER_JOB;
    const events = this.db
      .prepare<[number, number, number], EventRow>(
        `SELECT seq, delivery_id, machine_id, received_at, ${JOB_KEY} AS job_key, conflicts_with IS NOT NULL AS conflicted
         FROM events WHERE seq > ? AND seq <= ? AND source = 'aida' ORDER BY seq LIMIT ?`,
      )
      .all(from, cutoff, window);
    if (events.length === 0) return { units: [], next: from, done: true };
    const guard = new Guard(this.db, this.statements, newest);
    const keys = new Map<string, [string, string]>();
    const loose: EventRow[] = [];
    let next = from;
    for (const e of events) {
      if (e.job_key !== null && !keys.has(`${e.machine_id}\u0000${e.job_key}`)) {
        if (keys.size === limit) break;
        keys.set(`${e.machine_id}\u0000${e.job_key}`, [e.machine_id, e.job_key]);
      }
      if (e.job_key === null) loose.push(e);
      next = e.seq;
    }
    const jobs = this.db
      .prepare<[string], JobRow>(
        `SELECT j.rowid, j.machine_id, j.job_key, j.updated_at, j.status, j.workflow_instance_id, j.attempts
         FROM json_each(?) k JOIN jobs j ON j.machine_id = k.value ->> 0 AND j.job_key = k.value ->> 1`,
      )
      .all(json([...keys.values()]));
    const live = new Set(jobs.map((j) => `${j.machine_id}\u0000${j.job_key}`));
    // A message naming a job this file does not hold (a type that never made one) goes by its own age.
    for (const e of events) if (e.seq <= next && e.job_key !== null && !live.has(`${e.machine_id}\u0000${e.job_key}`)) loose.push(e);
    const units: Unit[] = [];
    for (const job of jobs) {
      if (job.updated_at >= before || guard.jobHeld(job)) continue;
      const unit = guard.withEvents(this.eventsOfJob(job.machine_id, job.job_key), { jobs: [job.rowid], job_metadata: this.metadataOf(job) });
      if (unit) units.push({ year: yearOf(job.updated_at), set: unit });
    }
    for (const e of loose) {
      const unit = guard.withEvents([e], {});
      if (unit) units.push({ year: yearOf(e.received_at), set: unit });
    }
    return { units, next, done: events.length < window && next === events.at(-1)?.seq };
  }

  /** Deliveries of one outcome that carry no event (refused ones, repeats), older than the cutoff. */
  deliveriesWithoutEvents(outcome: 'rejected' | 'duplicate', from: number, before: string, newest: Newest, limit: number): Scan {
    const rows = this.db
      .prepare<[string, number, number], { id: number; received_at: string }>(
        'SELECT id, received_at FROM deliveries WHERE outcome = ? AND id > ? ORDER BY id LIMIT ?',
      )
      .all(outcome, from, limit);
    // A collision's delivery is marked a repeat but carries its (never folded) event: it goes with that event.
    const withEvent = new Set(this.db.prepare<[], number>('SELECT delivery_id FROM events WHERE conflicts_with IS NOT NULL').pluck().all());
    const old = rows.filter((r) => r.received_at < before);
    const units = old
      .filter((r) => r.id < newest.deliveries && !withEvent.has(r.id))
      .map((r) => ({ year: yearOf(r.received_at), set: { deliveries: [r.id] } }));
    return { units, next: old.at(-1)?.id ?? from, done: old.length < rows.length || rows.length < limit };
  }

  /** Closed alerts older than the cutoff, with the settled commands issued while they were open (and no review). */
  closedAlerts(from: number, before: string, newest: Newest, limit: number): Scan {
    const rows = this.db
      .prepare<[number, number], { id: number; opened_at: string; closed_at: string | null }>(
        'SELECT id, opened_at, closed_at FROM alerts WHERE id > ? ORDER BY id LIMIT ?',
      )
      .all(from, limit);
    const old = rows.filter((r) => r.opened_at < before);
    const units: Unit[] = [];
    for (const a of old) {
      if (a.closed_at === null || a.closed_at >= before || a.id >= newest.alerts) continue;
      const commands = this.db
        .prepare<[number], { id: number; state: string }>('SELECT id, state FROM commands WHERE alert_id = ? AND review_id IS NULL')
        .all(a.id);
      if (commands.some((c) => c.state === 'queued' || c.state === 'sent' || c.id >= newest.commands)) continue;
      units.push({ year: yearOf(a.closed_at), set: { alerts: [a.id], commands: commands.map((c) => c.id) } });
    }
    return { units, next: old.at(-1)?.id ?? from, done: old.length < rows.length || rows.length < limit };
  }

  /** Settled commands tied to no review and no alert (a Resume, a Stop) older than the cutoff. */
  looseCommands(from: number, before: string, newest: Newest, limit: number): Scan {
    const rows = this.db
      .prepare<[number, number], { id: number; created_at: string; updated_at: string; state: string; review_id: number | null; alert_id: number | null }>(
        'SELECT id, created_at, updated_at, state, review_id, alert_id FROM commands WHERE id > ? ORDER BY id LIMIT ?',
      )
      .all(from, limit);
    const old = rows.filter((r) => r.created_at < before);
    const units = old
      .filter((c) => c.review_id === null && c.alert_id === null && c.updated_at < before && c.id < newest.commands)
      .filter((c) => c.state !== 'queued' && c.state !== 'sent')
      .map((c) => ({ year: yearOf(c.updated_at), set: { commands: [c.id] } }));
    return { units, next: old.at(-1)?.id ?? from, done: old.length < rows.length || rows.length < limit };
  }

  /** Events that fold into a job: by its id, or for a job known only by its workflow instance, by that instance. */
  private eventsOfJob(machineId: string, key: string): EventRow[] {
    return key.startsWith('wf:') ? this.byInstance.all(machineId, key.slice(3)) : this.byJobId.all(machineId, key);
  }

  private metadataOf(job: JobRow): number[] {
    return this.metadata.all(job.machine_id, job.job_key);
  }

  private lastIdBefore(table: string, id: string, time: string, before: string): number {
    const first = this.db.prepare<[number], { id: number; at: string }>(`SELECT ${id} AS id, ${time} AS at FROM ${table} WHERE ${id} >= ? ORDER BY ${id} LIMIT 1`);
    let lo = 0;
    let hi = this.db.prepare<[], number>(`SELECT coalesce(max(${id}), 0) FROM ${table}`).pluck().get() ?? 0;
    // Invariant: the row at or after lo is older than the cutoff (or lo is 0); rows after hi are not.
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      const row = first.get(mid);
      if (row !== undefined && row.at < before) lo = row.id;
      else hi = mid - 1;
    }
    return lo;
  }
}

interface GuardStatements {
  reviews: Statement<[string], { id: number; state: string }>;
  commands: Statement<[string], { id: number; state: string }>;
  conflicts: Statement<[string], number>;
}

/** What keeps rows live: open reviews, unsettled commands, open alerts, and each table's newest row. */
class Guard {
  private readonly openInstances: Set<string>;
  private readonly alertedMachines: Set<string>;
  private readonly conflictMachines: Set<string>;

  constructor(
    db: Db,
    private readonly statements: GuardStatements,
    private readonly newest: Newest,
  ) {
    this.openInstances = new Set(
      db
        .prepare<[], string>(`SELECT machine_id || char(0) || workflow_instance_id FROM reviews WHERE state != 'closed'`)
        .pluck()
        .all(),
    );
    const open = db.prepare<[], { machine_id: string; kind: string }>('SELECT machine_id, kind FROM alerts WHERE closed_at IS NULL').all();
    this.alertedMachines = new Set(open.map((a) => a.machine_id));
    this.conflictMachines = new Set(open.filter((a) => a.kind === 'message-conflict').map((a) => a.machine_id));
  }

  /** A job an open review waits on (any of its attempts), or an unfinished one on a machine with an open alert. */
  jobHeld(job: JobRow): boolean {
    if (this.alertedMachines.has(job.machine_id) && !TERMINAL.has(job.status)) return true;
    const attempts = job.attempts === null ? [] : (JSON.parse(job.attempts) as { workflowInstanceId?: string }[]);
    const instances = [job.workflow_instance_id, ...attempts.map((a) => a.workflowInstanceId)];
    return instances.some((i) => i != null && this.openInstances.has(`${job.machine_id}\u0000${i}`));
  }

  /**
   * The set of these events with their deliveries, the reviews they opened and those reviews' commands, added to
   * `base`; undefined when any of it must stay live.
   */
  withEvents(events: readonly EventRow[], base: MoveSet): MoveSet | undefined {
    if (events.some((e) => e.seq >= this.newest.events)) return undefined;
    if (events.some((e) => e.conflicted === 1 && this.conflictMachines.has(e.machine_id))) return undefined;
    const seqs = events.map((e) => e.seq);
    const deliveries = events.map((e) => e.delivery_id).filter((d): d is number => d !== null);
    if (deliveries.some((d) => d >= this.newest.deliveries)) return undefined;
    const reviews = this.statements.reviews.all(json(seqs));
    if (reviews.some((r) => r.state !== 'closed' || r.id >= this.newest.reviews)) return undefined;
    const commands = reviews.length === 0 ? [] : this.statements.commands.all(json(reviews.map((r) => r.id)));
    if (commands.some((c) => c.state === 'queued' || c.state === 'sent' || c.id >= this.newest.commands)) return undefined;
    // An event another collided with is what an open conflict alert shows.
    if (this.conflictMachines.size > 0 && this.targetOfConflict(seqs)) return undefined;
    return { ...base, events: seqs, deliveries, reviews: reviews.map((r) => r.id), commands: commands.map((c) => c.id) };
  }

  private targetOfConflict(seqs: number[]): boolean {
    return this.statements.conflicts.get(json(seqs)) !== 0;
  }
}
