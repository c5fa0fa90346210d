import {
  PRODUCTION_COUNT_FIELDS,
  type ProductionCounts,
  type ProductionDowntime,
  type ProductionGroupBy,
  type ProductionRange,
  type ProductionRow,
  type ProductionSeries,
  type ProductionSummary,
  type Stand,
} from '../../../shared/api/production';
import { causesOf, cutAtJobStart, machineTime, segmentsOf, standsOf, type Segment } from '../domain/downtime';
import { hourStarts, shiftInstances } from '../domain/shifts';
import type { CountGrouping, CountRow, KeyedCount, RangeFilter, TimeBucket } from '../store/production-repo';
import type { Store } from '../store/store';
import type { ProductionSettings } from './production-config';

/** The stands listed one by one; the causes and times count them all. */
const STANDS_SHOWN = 500;

const yieldOf = (c: Pick<CountRow, 'completed' | 'faulted' | 'rejected'>): number | null => {
  const done = c.completed + c.faulted + c.rejected;
  return done > 0 ? c.completed / done : null;
};

function countsOf(row: CountRow | undefined, cancelled: readonly KeyedCount[], reprints: number): ProductionCounts {
  const n = (v: number | null | undefined) => v ?? 0;
  const c = {
    started: n(row?.started),
    completed: n(row?.completed),
    faulted: n(row?.faulted),
    rejected: n(row?.rejected),
    cancelled: n(row?.cancelled),
    unfinished: n(row?.unfinished),
    destroyed: n(row?.destroyed),
    producedButFaulted: n(row?.producedButFaulted),
    producedAndDestroyed: n(row?.producedAndDestroyed),
    notReported: n(row?.notReported),
    attempts: n(row?.attempts),
    retriedJobs: n(row?.retriedJobs),
  };
  return { ...c, cancelledBy: cancelled.map(({ cause, count }) => ({ cause, count })), rapidadminReprints: reprints, yield: yieldOf(c) };
}

/** The counts of groups that split a set of jobs, added up: the set's own counts. */
function sumOf(all: readonly ProductionCounts[]): ProductionCounts {
  const row = Object.fromEntries(PRODUCTION_COUNT_FIELDS.map((f) => [f, all.reduce((n, c) => n + c[f], 0)])) as unknown as CountRow;
  const causes = new Map<string, number>();
  for (const c of all.flatMap((x) => x.cancelledBy)) causes.set(c.cause, (causes.get(c.cause) ?? 0) + c.count);
  const cancelled = [...causes].map(([cause, count]) => ({ key: '', cause, count })).sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
  return countsOf(row, cancelled, 0);
}

const toRange = (r: ProductionRange): RangeFilter => ({ from: r.from, to: r.to, machineId: r.machineId });

/**
 * The production figures (issue 15), read from the store with the station's shifts and time zone: card accounting,
 * downtime by cause with OEE, and the charts' series. Time comes in with the range; nothing here reads a clock.
 */
export class ProductionFigures {
  constructor(
    private readonly store: Store,
    private readonly settings: () => ProductionSettings,
    private readonly now: () => Date,
  ) {}

  private buckets(range: ProductionRange, groupBy: 'shift' | 'hour'): TimeBucket[] {
    const from = new Date(range.from);
    const to = new Date(range.to);
    if (groupBy === 'hour') return hourStarts(from, to, this.settings().timeZone).map((at) => ({ key: at, from: at, to: new Date(Date.parse(at) + 3_600_000).toISOString() }));
    const { shifts, timeZone } = this.settings();
    return shiftInstances(shifts, timeZone, from, to).map((s) => ({ key: `${s.name} ${s.day}`, from: s.from, to: s.to }));
  }

  summary(range: ProductionRange, groupBy: ProductionGroupBy): ProductionSummary {
    const filter = toRange(range);
    const buckets = groupBy === 'shift' || groupBy === 'hour' ? this.buckets(range, groupBy) : undefined;
    const grouping: CountGrouping = buckets ? { by: 'buckets', buckets } : { by: groupBy as 'machine' | 'batch' | 'template' };
    return this.store.transaction(() => {
      const counted = new Map(this.store.production.counts(filter, grouping).map((r) => [r.key, r]));
      const cancelled = this.store.production.cancelCauses(filter, grouping);
      const rangeReprints = this.store.production.reprints(filter)[0]?.count ?? 0;
      // RapIDadmin's reprints belong to no AIDA batch or template: they are counted per time bucket, under the
      // rapidadmin machine, and in the total.
      const reprints = new Map<string, number>(
        buckets
          ? this.store.production.reprints(filter, buckets).map((r) => [r.key, r.count])
          : groupBy === 'machine' && rangeReprints > 0
            ? [['rapidadmin', rangeReprints]]
            : [],
      );
      // Time buckets are listed whole, empty ones included; other groups as found.
      const keys = buckets ? buckets.map((b) => b.key) : [...new Set([...counted.keys(), ...reprints.keys()])].sort();
      const rows: ProductionRow[] = keys.map((key) => {
        const bucket = buckets?.find((b) => b.key === key);
        return {
          key,
          ...(bucket ? { from: bucket.from, to: bucket.to } : {}),
          counts: countsOf(counted.get(key), cancelled.filter((c) => c.key === key), reprints.get(key) ?? 0),
        };
      });
      // Machines, batches and templates split the range's jobs without gap or overlap: their sum is the total. Shifts
      // need not cover the whole day, so a time grouping's total is counted on its own.
      const total = buckets
        ? countsOf(this.store.production.total(filter), this.store.production.cancelCauses(filter, undefined), rangeReprints)
        : { ...sumOf(rows.map((r) => r.counts)), rapidadminReprints: rangeReprints };
      return { from: range.from, to: range.to, groupBy, timeZone: this.settings().timeZone, rows, total };
    });
  }

  /** `made`: the range's counts per machine when the caller has them already (a report reads them once). */
  downtime(range: ProductionRange, made?: readonly ProductionRow[]): ProductionDowntime {
    const from = Date.parse(range.from);
    // A range that runs on past now (the shift under way) stands only until now.
    const to = Math.max(from, Math.min(Date.parse(range.to), this.now().getTime()));
    const { nominalCardsPerHour } = this.settings();
    return this.store.transaction(() => {
      const repo = this.store.downtime;
      const machines = range.machineId !== undefined ? [range.machineId] : repo.knownMachines();
      type Made = Pick<CountRow, 'started' | 'completed' | 'faulted' | 'rejected'>;
      const byMachine = new Map<string, Made>(
        made ? made.map((r) => [r.key, r.counts]) : this.store.production.counts(toRange(range), { by: 'machine' }).map((r) => [r.key, r]),
      );
      const stands: Stand[] = [];
      const times = machines.map((machineId) => {
        const end = new Date(to).toISOString();
        const segments = segmentsOf(repo.lastSchedulerEventBefore(machineId, range.from), repo.schedulerEvents(machineId, range.from, end), from, to);
        const cut = segments.flatMap((s: Segment) => {
          const start = repo.firstJobStartBetween(machineId, new Date(s.from).toISOString(), new Date(s.to).toISOString());
          return cutAtJobStart(s, start === undefined ? undefined : Date.parse(start));
        });
        stands.push(...standsOf(machineId, cut, from, (s) => repo.resumedBy(machineId, new Date(s.from).toISOString(), new Date(s.to).toISOString())));
        const made = byMachine.get(machineId);
        return machineTime(machineId, cut, from, { started: made?.started ?? 0, yield: made ? yieldOf(made) : null }, nominalCardsPerHour[machineId]);
      });
      stands.sort((a, b) => a.from.localeCompare(b.from));
      return {
        from: range.from,
        to: range.to,
        stands: stands.slice(0, STANDS_SHOWN),
        standsTotal: stands.length,
        causes: causesOf(stands),
        machines: times.filter((t) => t.runningSeconds + t.suspendedSeconds + t.stoppedSeconds > 0 || byMachine.has(t.machineId)),
      };
    });
  }

  series(range: ProductionRange, downtime: ProductionDowntime = this.downtime(range)): ProductionSeries {
    const filter = toRange(range);
    const hours = this.buckets(range, 'hour');
    return this.store.transaction(() => {
      const counted = new Map(this.store.production.counts(filter, { by: 'buckets', buckets: hours }).map((r) => [r.key, r]));
      const pareto = new Map<string, { cause: string; seconds: number; count: number }>();
      for (const c of downtime.causes) {
        const entry = pareto.get(c.cause) ?? { cause: c.cause, seconds: 0, count: 0 };
        entry.seconds += c.seconds;
        entry.count += c.count;
        pareto.set(c.cause, entry);
      }
      const machines = new Set([...this.store.production.machinesWithJobs(filter), ...downtime.stands.map((s) => s.machineId)]);
      return {
        from: range.from,
        to: range.to,
        cardsPerHour: hours.map((h) => {
          const r = counted.get(h.key);
          return {
            at: h.key,
            completed: r?.completed ?? 0,
            faulted: r?.faulted ?? 0,
            rejected: r?.rejected ?? 0,
            cancelled: r?.cancelled ?? 0,
            unfinished: r?.unfinished ?? 0,
          };
        }),
        downtimeByCause: [...pareto.values()].sort((a, b) => b.seconds - a.seconds || a.cause.localeCompare(b.cause)),
        faultsByErrorCode: this.store.production.faultsByErrorCode(filter),
        machines: [...machines].sort(),
      };
    });
  }
}
