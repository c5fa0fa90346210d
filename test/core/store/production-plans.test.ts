import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DOWNTIME_SQL } from '../../../electron/core/store/downtime-repo';
import { REPRINT_SQL } from '../../../electron/core/store/migrations/0014-production';
import type { CountGrouping } from '../../../electron/core/store/production-repo';
import { LATE_MESSAGES_SQL } from '../../../electron/core/store/shift-report-repo';
import { startProduction, type ProductionHarness } from '../production/harness';

let h: ProductionHarness | undefined;
let db: Database.Database | undefined;
afterEach(() => {
  db?.close();
  h?.close();
  db = undefined;
  h = undefined;
});

/** The plan SQLite chose for a statement, one line per step. */
function plan(sql: string, params: unknown[] | Record<string, unknown>): string[] {
  h ??= startProduction();
  db ??= new Database(h.store.backups.databaseFile(), { readonly: true });
  const rows = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...(Array.isArray(params) ? params : [params]));
  return rows.map((r) => r.detail);
}

/** A full scan of one of the big tables: what a report over a range must never do. */
const scansABigTable = (lines: string[]) => lines.filter((l) => /^SCAN (jobs|events|e|commands|feed_activity)\b/.test(l));

const RANGE = { from: '2026-03-02T05:00:00.000Z', to: '2026-03-02T13:00:00.000Z' };

describe('the production queries read their ranges on indexes', () => {
  const groupings: CountGrouping[] = [
    { by: 'machine' },
    { by: 'batch' },
    { by: 'template' },
    { by: 'buckets', buckets: [{ key: 'Early', ...RANGE }] },
  ];
  for (const grouping of groupings) {
    it(`counts by ${grouping.by} on the start index, for all machines or one`, () => {
      h = startProduction();
      const params = { ...RANGE, buckets: '[]' };
      const all = plan(h.store.production.countSql(grouping, RANGE), params);
      expect(scansABigTable(all)).toEqual([]);
      expect(all).toContainEqual(expect.stringMatching(/SEARCH jobs USING INDEX jobs_started \(started_at>\? AND started_at<\?\)/));
      const one = plan(h.store.production.countSql(grouping, { ...RANGE, machineId: 'm1' }), { ...params, machineId: 'm1' });
      expect(scansABigTable(one)).toEqual([]);
      expect(one).toContainEqual(expect.stringMatching(/SEARCH jobs USING INDEX jobs_machine_started \(machine_id=\? AND started_at>\? AND started_at<\?\)/));
    });
  }

  it("reads a machine's scheduler messages, its next job and who resumed it on their own indexes", () => {
    const inRange = plan(DOWNTIME_SQL.inRange, ['m1', RANGE.from, RANGE.to]);
    expect(inRange).toContainEqual(expect.stringMatching(/SEARCH events USING INDEX events_scheduler \(machine_id=\? AND received_at>\? AND received_at<\?\)/));
    expect(plan(DOWNTIME_SQL.before, ['m1', RANGE.from])).toContainEqual(expect.stringMatching(/SEARCH events USING INDEX events_scheduler/));
    expect(plan(DOWNTIME_SQL.firstStart, ['m1', RANGE.from, RANGE.to])).toContainEqual(expect.stringMatching(/jobs_machine_started/));
    expect(plan(DOWNTIME_SQL.resumer, ['m1', RANGE.from, RANGE.to])).toContainEqual(expect.stringMatching(/SEARCH commands USING INDEX commands_kind_machine/));
  });

  it("counts a report's late messages from the jobs changed since, and their messages on the log's job indexes", () => {
    const lines = plan(LATE_MESSAGES_SQL, { ...RANGE, seq: 10 });
    expect(scansABigTable(lines)).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH jobs USING COVERING INDEX jobs_started|SEARCH jobs USING INDEX jobs_started/));
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH e USING INDEX events_job_id/));
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH e USING INDEX events_workflow_instance/));
  });

  it("counts RapIDadmin's reprints on their partial index", () => {
    const lines = plan(`SELECT count(*) FROM feed_activity WHERE ${REPRINT_SQL} AND at >= @from AND at < @to`, RANGE);
    expect(lines).toContainEqual(expect.stringMatching(/SEARCH feed_activity USING (COVERING )?INDEX feed_activity_reprints/));
  });
});
