import type { Db } from './database';
import { SCHEDULER_TYPES_SQL } from './migrations/0014-production';

/** A scheduler message as the downtime report folds it. */
export interface SchedulerEvent {
  seq: number;
  receivedAt: string;
  message: unknown;
}

interface EventRow {
  seq: number;
  received_at: string;
  message: string;
}

const SCHEDULER = `source = 'aida' AND message_type IN ${SCHEDULER_TYPES_SQL}`;

/** The queries, by name: the tests check their plans (EXPLAIN QUERY PLAN) on a real store. */
export const DOWNTIME_SQL = {
  inRange: `SELECT seq, received_at, message FROM events WHERE machine_id = ? AND ${SCHEDULER} AND received_at >= ? AND received_at < ?
    ORDER BY received_at, seq`,
  before: `SELECT seq, received_at, message FROM events WHERE machine_id = ? AND ${SCHEDULER} AND received_at < ?
    ORDER BY received_at DESC, seq DESC LIMIT 1`,
  firstStart: 'SELECT min(started_at) FROM jobs WHERE machine_id = ? AND started_at > ? AND started_at < ?',
  resumer: `SELECT actor FROM commands WHERE machine_id = ? AND kind IN ('resume', 'start') AND state = 'acknowledged'
    AND created_at >= ? AND created_at <= ? ORDER BY created_at DESC LIMIT 1`,
} as const;

const toEvent = (r: EventRow): SchedulerEvent => ({ seq: r.seq, receivedAt: r.received_at, message: JSON.parse(r.message) as unknown });

/**
 * What the downtime report reads (issue 15): each machine's scheduler messages in a range and the last one before it
 * (events_scheduler), the first job a machine started after a stand (jobs_machine_started), and who sent the Resume or
 * Start that moved it (commands_kind_machine).
 */
export class DowntimeRepo {
  private readonly inRange;
  private readonly before;
  private readonly firstStart;
  private readonly resumer;
  private readonly machines;

  constructor(db: Db) {
    this.inRange = db.prepare<[string, string, string], EventRow>(DOWNTIME_SQL.inRange);
    this.before = db.prepare<[string, string], EventRow>(DOWNTIME_SQL.before);
    this.firstStart = db.prepare<[string, string, string], string | null>(DOWNTIME_SQL.firstStart).pluck();
    this.resumer = db.prepare<[string, string, string], string>(DOWNTIME_SQL.resumer).pluck();
    this.machines = db.prepare<[], string>('SELECT machine_id FROM machine_state ORDER BY machine_id').pluck();
  }

  /** Every machine the console has heard from. */
  knownMachines(): string[] {
    return this.machines.all();
  }

  schedulerEvents(machineId: string, from: string, to: string): SchedulerEvent[] {
    return this.inRange.all(machineId, from, to).map(toEvent);
  }

  lastSchedulerEventBefore(machineId: string, at: string): SchedulerEvent | undefined {
    const row = this.before.get(machineId, at);
    return row ? toEvent(row) : undefined;
  }

  /** When the machine next took a card from the feeder, strictly between the two times. */
  firstJobStartBetween(machineId: string, after: string, before: string): string | undefined {
    return this.firstStart.get(machineId, after, before) ?? undefined;
  }

  /** Who sent the last acknowledged Resume or Start to the machine between the two times. */
  resumedBy(machineId: string, from: string, to: string): string | undefined {
    return this.resumer.get(machineId, from, to);
  }
}
