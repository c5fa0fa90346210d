import type { OpenItems } from '../../../shared/api/production';
import type { Db } from './database';

/** Each list of open items on a report stops here: a hand-over names what is open, it is not an export. */
const OPEN_ITEMS_SHOWN = 200;

/** A frozen shift report as stored: its figures are the JSON made at the shift's end, never recomputed. */
export interface ShiftReportRow {
  id: number;
  shiftName: string;
  shiftDay: string;
  from: string;
  to: string;
  timeZone: string;
  madeAt: string;
  madeSeq: number;
  figures: unknown;
  note?: { text: string; by: string; at: string };
  signedOff?: { by: string; at: string };
}

interface Row {
  id: number;
  shift_name: string;
  shift_day: string;
  from_at: string;
  to_at: string;
  time_zone: string;
  made_at: string;
  made_seq: number;
  figures: string;
  note_text: string | null;
  note_by: string | null;
  note_at: string | null;
  signed_by: string | null;
  signed_at: string | null;
}

function fromRow(r: Row): ShiftReportRow {
  return {
    id: r.id,
    shiftName: r.shift_name,
    shiftDay: r.shift_day,
    from: r.from_at,
    to: r.to_at,
    timeZone: r.time_zone,
    madeAt: r.made_at,
    madeSeq: r.made_seq,
    figures: JSON.parse(r.figures) as unknown,
    ...(r.note_text !== null && r.note_by !== null && r.note_at !== null ? { note: { text: r.note_text, by: r.note_by, at: r.note_at } } : {}),
    ...(r.signed_by !== null && r.signed_at !== null ? { signedOff: { by: r.signed_by, at: r.signed_at } } : {}),
  };
}

/**
 * A late message concerns a job counted in the report (started in its range) and came after the report was made: the
 * jobs changed since are found on the start index (jobs_started holds last_seq), then their messages since on the
 * log's job indexes. A RapIDadmin print job's events are not indexed by job: one changed counts as one message.
 */
export const LATE_MESSAGES_SQL = `SELECT coalesce(sum(CASE
    WHEN jobs.source <> 'aida' THEN 1
    WHEN jobs.job_key LIKE 'wf:%' THEN (SELECT count(*) FROM events e WHERE e.source = 'aida' AND e.machine_id = jobs.machine_id
      AND json_extract(e.message, '$.workflowInstanceId') = substr(jobs.job_key, 4) AND e.seq > @seq)
    ELSE (SELECT count(*) FROM events e WHERE e.source = 'aida' AND e.machine_id = jobs.machine_id
      AND json_extract(e.message, '$.jobId') = +jobs.job_key AND e.seq > @seq) END), 0)
  FROM jobs WHERE started_at >= @from AND started_at < @to AND last_seq > @seq`;

export type NewShiftReport = Omit<ShiftReportRow, 'id' | 'note' | 'signedOff'>;

/**
 * The frozen shift reports (issue 15), apart from the live tables: the migration's triggers refuse any change to
 * figures, any change after sign-off, and any delete, so nothing (retention included) rewrites a past report.
 */
export class ShiftReportRepo {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly pageStmt;
  private readonly latestEndStmt;
  private readonly noteStmt;
  private readonly signStmt;
  private readonly lateStmt;
  private readonly highWaterStmt;
  private readonly idStmt;
  private readonly firstEventStmt;
  private readonly openAlerts;
  private readonly openReviews;
  private readonly openCommands;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO shift_reports (shift_name, shift_day, from_at, to_at, time_zone, made_at, made_seq, figures)
       VALUES (@shiftName, @shiftDay, @from, @to, @timeZone, @madeAt, @madeSeq, @figures)
       ON CONFLICT (shift_name, from_at) DO NOTHING`,
    );
    this.getStmt = db.prepare<[number], Row>('SELECT * FROM shift_reports WHERE id = ?');
    this.pageStmt = db.prepare<[number, number], Row>('SELECT * FROM shift_reports WHERE id < ? ORDER BY id DESC LIMIT ?');
    this.latestEndStmt = db.prepare<[], string | null>('SELECT max(to_at) FROM shift_reports').pluck();
    this.noteStmt = db.prepare('UPDATE shift_reports SET note_text = ?, note_by = ?, note_at = ? WHERE id = ? AND signed_at IS NULL');
    this.signStmt = db.prepare('UPDATE shift_reports SET signed_by = ?, signed_at = ? WHERE id = ? AND signed_at IS NULL');
    this.lateStmt = db.prepare<Record<string, unknown>, number>(LATE_MESSAGES_SQL).pluck();
    this.idStmt = db.prepare<[string, string], number>('SELECT id FROM shift_reports WHERE shift_name = ? AND from_at = ?').pluck();
    this.firstEventStmt = db.prepare<[], string>('SELECT received_at FROM events ORDER BY seq LIMIT 1').pluck();
    this.openAlerts = db.prepare<[number], OpenItems['alerts'][number]>(
      'SELECT id, machine_id AS machineId, kind, opened_at AS since FROM alerts WHERE closed_at IS NULL ORDER BY id LIMIT ?',
    );
    this.openReviews = db.prepare<[number], OpenItems['reviews'][number]>(
      "SELECT id, machine_id AS machineId, kind, opened_at AS since FROM reviews WHERE state = 'pending' ORDER BY id LIMIT ?",
    );
    this.openCommands = db.prepare<[number], OpenItems['commands'][number]>(
      `SELECT id, machine_id AS machineId, kind, state, created_at AS since FROM commands WHERE state IN ('queued', 'sent') ORDER BY id LIMIT ?`,
    );
    this.highWaterStmt = db.prepare<[], number | null>('SELECT max(seq) FROM events').pluck();
  }

  /** Saves a report unless one of the same shift instance exists; returns the stored one. */
  add(report: NewShiftReport): ShiftReportRow {
    this.insertStmt.run({ ...report, figures: JSON.stringify(report.figures) });
    const id = this.idStmt.get(report.shiftName, report.from);
    const row = id === undefined ? undefined : this.getStmt.get(id);
    if (!row) throw new Error('the shift report was not stored');
    return fromRow(row);
  }

  get(id: number): ShiftReportRow | undefined {
    const row = this.getStmt.get(id);
    return row ? fromRow(row) : undefined;
  }

  /** Newest first, before id `before`; one more than `limit` (the caller's page helper says whether more follow). */
  page(limit: number, before?: number): ShiftReportRow[] {
    return this.pageStmt.all(before ?? Number.MAX_SAFE_INTEGER, limit).map(fromRow);
  }

  /** The end of the latest shift with a report: the service makes the ones after it. */
  latestEnd(): string | undefined {
    return this.latestEndStmt.get() ?? undefined;
  }

  /** False once signed off. */
  saveNote(id: number, text: string, by: string, at: string): boolean {
    return this.noteStmt.run(text, by, at, id).changes === 1;
  }

  /** False when already signed off. */
  signOff(id: number, by: string, at: string): boolean {
    return this.signStmt.run(by, at, id).changes === 1;
  }

  /** How many messages arrived, after the report was made, about jobs it counted. */
  lateMessages(report: Pick<ShiftReportRow, 'from' | 'to' | 'madeSeq'>): number {
    return this.lateStmt.get({ from: report.from, to: report.to, seq: report.madeSeq }) ?? 0;
  }

  /** The log's high-water mark: a report made now records it, so later messages are known to be late. */
  highWater(): number {
    return this.highWaterStmt.get() ?? 0;
  }

  /** When the first message still in the log arrived: on a first start, shifts are reported from then. */
  firstEventAt(): string | undefined {
    return this.firstEventStmt.get();
  }

  /** What is open now: alerts, reviews waiting for a decision, commands not yet acknowledged. */
  openItems(): OpenItems {
    return {
      alerts: this.openAlerts.all(OPEN_ITEMS_SHOWN),
      reviews: this.openReviews.all(OPEN_ITEMS_SHOWN),
      commands: this.openCommands.all(OPEN_ITEMS_SHOWN),
    };
  }
}
