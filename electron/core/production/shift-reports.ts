import type { ShiftReport, ShiftReportSummary } from '../../../shared/api/production';
import { ShiftReportSchema } from '../../../shared/api/production';
import { keysetPage } from '../../../shared/api/paging';
import { fail, ok, type Result } from '../../../shared/api/result';
import { shiftsEndedBetween, type ShiftInstance } from '../domain/shifts';
import type { ShiftReportRow } from '../store/shift-report-repo';
import type { Store } from '../store/store';
import type { ProductionSettings } from './production-config';
import type { ProductionFigures } from './production-figures';

/** A missed shift older than this is not made on start: a console off for a month reports the last month. */
const CATCH_UP_DAYS = 31;
const DAY_MS = 24 * 3_600_000;
/** The timer wakes at the next shift's end, and at least this often (a clock change, a settings change). */
const MAX_WAIT_MS = 3_600_000;
/** After a shift's end, a moment for the messages of its last seconds to be projected. */
const SETTLE_MS = 1_000;
/** While the projections are rebuilt, how long before trying again. */
const REBUILD_WAIT_MS = 60_000;

export interface ShiftReportDeps {
  store: Store;
  figures: ProductionFigures;
  settings: () => ProductionSettings;
  /** Folds what was acknowledged but not yet projected, so a report includes the shift's last messages. */
  settle: () => void;
  /** While the projections are rebuilt their figures are partial: reports wait. */
  rebuilding: () => boolean;
  now: () => Date;
  log: (line: string) => void;
}

/** The frozen part of a report: what was made at the shift's end (stored as JSON). */
type Figures = Omit<ShiftReport, keyof ShiftReportSummary | 'note'> & Pick<ShiftReportSummary, 'total'>;

/**
 * The shift reports (issue 15): one made and frozen at the end of each shift, whether anyone opens it or not, the
 * missed ones made on start; then the supervisor's hand-over note and sign-off, after which nothing changes.
 */
export class ShiftReports {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(private readonly deps: ShiftReportDeps) {}

  /** The missed shifts are made right after start (not during it), then each at its end. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(wait = this.untilNextEnd()): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      if (this.deps.rebuilding()) return this.schedule(REBUILD_WAIT_MS);
      // One report per turn: catching up a month of shifts must not hold the webhooks' acknowledgements meanwhile.
      let more = false;
      try {
        more = this.makeDue(1).length > 0 && this.due().length > 0;
      } catch (err) {
        this.deps.log(`shift report: ${(err as Error).message}`);
      }
      this.schedule(more ? 0 : undefined);
    }, wait);
    this.timer.unref?.();
  }

  private untilNextEnd(): number {
    const { shifts, timeZone } = this.deps.settings();
    const now = this.deps.now();
    const next = shiftsEndedBetween(shifts, timeZone, now, new Date(now.getTime() + 2 * DAY_MS))[0];
    const wait = next ? Date.parse(next.to) - now.getTime() + SETTLE_MS : MAX_WAIT_MS;
    return Math.max(0, Math.min(wait, MAX_WAIT_MS));
  }

  /** The shifts that ended since the last report (or, the first time, since the log began; a month at most). */
  private due(): ShiftInstance[] {
    const { store, settings, now } = this.deps;
    const at = now();
    const oldest = at.getTime() - CATCH_UP_DAYS * DAY_MS;
    const since = store.shiftReports.latestEnd() ?? store.shiftReports.firstEventAt() ?? at.toISOString();
    const { shifts, timeZone } = settings();
    return shiftsEndedBetween(shifts, timeZone, new Date(Math.max(Date.parse(since), oldest)), at);
  }

  /** Makes the reports of the shifts due, oldest first, at most `max` of them. */
  makeDue(max = Number.POSITIVE_INFINITY): ShiftReportRow[] {
    const due = this.due().slice(0, max);
    if (due.length === 0) return [];
    this.deps.settle();
    const at = this.deps.now();
    return due.map((shift) => this.make(shift, at));
  }

  private make(shift: ShiftInstance, at: Date): ShiftReportRow {
    const { store, figures, settings } = this.deps;
    const range = { from: shift.from, to: shift.to };
    return store.transaction(() => {
      const madeSeq = store.shiftReports.highWater();
      const byMachine = figures.summary(range, 'machine');
      const downtime = figures.downtime(range, byMachine.rows);
      const frozen: Figures = {
        total: byMachine.total,
        byMachine: byMachine.rows,
        byBatch: figures.summary(range, 'batch').rows,
        byTemplate: figures.summary(range, 'template').rows,
        downtime,
        series: figures.series(range, downtime),
        openItems: store.shiftReports.openItems(),
      };
      const row = store.shiftReports.add({
        shiftName: shift.name,
        shiftDay: shift.day,
        from: shift.from,
        to: shift.to,
        timeZone: settings().timeZone,
        madeAt: at.toISOString(),
        madeSeq,
        figures: frozen,
      });
      this.deps.log(`shift report made: ${shift.name} ${shift.day}`);
      return row;
    });
  }

  private summaryOf(row: ShiftReportRow): ShiftReportSummary {
    const figures = row.figures as Figures;
    return {
      id: row.id,
      shiftName: row.shiftName,
      from: row.from,
      to: row.to,
      madeAt: row.madeAt,
      timeZone: row.timeZone,
      total: figures.total,
      ...(row.signedOff ? { signedOff: row.signedOff } : {}),
      lateMessages: this.deps.store.shiftReports.lateMessages(row),
    };
  }

  /** The report as stored, with its late messages counted now. Parsed by the contract: a report is never trusted blind. */
  private viewOf(row: ShiftReportRow): ShiftReport {
    const { total: _total, ...figures } = row.figures as Figures;
    return ShiftReportSchema.parse({ ...this.summaryOf(row), ...figures, ...(row.note ? { note: row.note } : {}) });
  }

  list(limit: number, before?: number): { rows: ShiftReportSummary[]; next?: number } {
    const page = keysetPage(this.deps.store.shiftReports.page(limit + 1, before), limit, (r) => r.id);
    return { ...page, rows: page.rows.map((r) => this.summaryOf(r)) };
  }

  report(id: number): Result<ShiftReport> {
    const row = this.deps.store.shiftReports.get(id);
    return row ? ok(this.viewOf(row)) : fail('not-found', `There is no shift report ${id}.`);
  }

  saveNote(id: number, text: string, by: string): Result<ShiftReport> {
    const row = this.deps.store.shiftReports.get(id);
    if (!row) return fail('not-found', `There is no shift report ${id}.`);
    if (row.signedOff) return fail('not-allowed', `This shift was signed off by ${row.signedOff.by}: its report and note are frozen.`);
    this.deps.store.shiftReports.saveNote(id, text, by, this.deps.now().toISOString());
    return this.report(id);
  }

  signOff(id: number, by: string): Result<ShiftReport> {
    const row = this.deps.store.shiftReports.get(id);
    if (!row) return fail('not-found', `There is no shift report ${id}.`);
    if (row.signedOff) return fail('not-allowed', `This shift was already signed off by ${row.signedOff.by}.`);
    this.deps.store.shiftReports.signOff(id, by, this.deps.now().toISOString());
    return this.report(id);
  }
}
