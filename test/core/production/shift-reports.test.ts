import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shiftReportCsv } from '../../../electron/core/production/shift-report-csv';
import { EARLY, seedEarlyShift } from './early-shift';
import { startProduction, type ProductionHarness } from './harness';

let h: ProductionHarness | undefined;
afterEach(() => {
  vi.useRealTimers();
  h?.close();
  h = undefined;
});

async function earlyReport(before: (harness: ProductionHarness) => void = () => {}) {
  h = startProduction();
  await seedEarlyShift(h);
  before(h);
  h.clock.now = new Date('2026-03-02T13:00:05.000Z');
  const made = h.reports.makeDue();
  const early = made.find((r) => r.shiftName === 'Early');
  if (!early) throw new Error('no early report');
  return { h, id: early.id, made };
}

const reportOf = (harness: ProductionHarness, id: number) => {
  const r = harness.reports.report(id);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('shift reports', () => {
  it('are made at the end of each shift since the log began, whether anyone opens them or not', async () => {
    const { made } = await earlyReport();
    // The log began at 05:00 UTC (06:00 in Berlin), as the night shift ended: the early shift is the first.
    expect(made.map((r) => [r.shiftName, r.shiftDay, r.from, r.to])).toEqual([['Early', '2026-03-02', EARLY.from, EARLY.to]]);
    // Nothing more is due until the late shift ends.
    expect(h?.reports.makeDue()).toEqual([]);
  });

  it('hold the figures, downtime, charts and what was open at hand-over', async () => {
    const { h: harness, id } = await earlyReport((x) => {
      x.store.commands.create({ machineId: 'm2', kind: 'stop', payload: {}, actor: 'kim@line1', role: 'operator', at: '2026-03-02T12:58:00.000Z' });
    });
    const report = reportOf(harness, id);
    expect(report).toMatchObject({ shiftName: 'Early', timeZone: 'Europe/Berlin', madeAt: '2026-03-02T13:00:05.000Z', lateMessages: 0 });
    expect(report.total).toMatchObject({ started: 9, completed: 4, unfinished: 1 });
    expect(report.byMachine.map((r) => r.key)).toEqual(['m1', 'm2', 'rapidadmin']);
    expect(report.byTemplate.map((r) => r.key)).toEqual(['', 'Student ID']);
    expect(report.downtime.causes.map((c) => c.cause)).toEqual(['ManualStop', 'OpenInterlock', 'FeederEmpty']);
    expect(report.series.cardsPerHour).toHaveLength(8);
    expect(report.openItems).toEqual({
      alerts: [],
      reviews: [],
      commands: [{ id: expect.any(Number) as number, machineId: 'm2', kind: 'stop', state: 'queued', since: '2026-03-02T12:58:00.000Z' }],
    });
  });

  it('flag a late message about a job they counted, and keep their figures as made', async () => {
    const { h: harness, id } = await earlyReport();
    // J7's completion arrives after the report was made.
    await harness.aida('2026-03-02T13:20:00.000Z', { MachineName: 'm1', JobId: 'J7', BatchId: 'B1', WorkflowInstanceId: 'wf-7', MessageType: 'WorkflowCompleted' });
    const report = reportOf(harness, id);
    expect(report.lateMessages).toBe(1);
    expect(report.total).toMatchObject({ completed: 4, unfinished: 1 });
    // The live figures have it.
    expect(harness.figures.summary(EARLY, 'machine').total).toMatchObject({ completed: 5, unfinished: 0 });
    expect(harness.reports.list(10).rows.map((r) => [r.shiftName, r.lateMessages])).toEqual([['Early', 1]]);
  });

  it('take a hand-over note until signed off, and are frozen whole from then on', async () => {
    const { h: harness, id } = await earlyReport();
    expect(harness.reports.saveNote(id, 'Feeder 2 sticks; new laser lens ordered.', 'sam@line1')).toMatchObject({ ok: true });
    harness.clock.now = new Date('2026-03-02T13:10:00.000Z');
    const signed = harness.reports.signOff(id, 'sam@line1');
    expect(signed.ok && signed.value.signedOff).toEqual({ by: 'sam@line1', at: '2026-03-02T13:10:00.000Z' });
    expect(signed.ok && signed.value.note).toMatchObject({ text: 'Feeder 2 sticks; new laser lens ordered.', by: 'sam@line1' });
    expect(harness.reports.saveNote(id, 'changed', 'kim@line1')).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(harness.reports.signOff(id, 'kim@line1')).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(harness.reports.report(999)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuse any change to their figures, any change after sign-off and any delete, whoever writes the SQL', async () => {
    const { h: harness, id } = await earlyReport();
    const db = new Database(join(harness.store.backups.databaseFile()));
    try {
      expect(() => db.prepare("UPDATE shift_reports SET figures = '{}' WHERE id = ?").run(id)).toThrow(/frozen/);
      expect(() => db.prepare('DELETE FROM shift_reports WHERE id = ?').run(id)).toThrow(/kept/);
      harness.reports.signOff(id, 'sam@line1');
      expect(() => db.prepare("UPDATE shift_reports SET note_text = 'x' WHERE id = ?").run(id)).toThrow(/signed-off/);
    } finally {
      db.close();
    }
  });

  it('are made by the timer at the shift end, and the missed ones on start', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    h = startProduction();
    await h.aida('2026-03-02T12:00:00.000Z', { MachineName: 'm1', MessageType: 'WorkflowSchedulerStarted' });
    h.clock.now = new Date('2026-03-02T12:59:00.000Z');
    h.reports.start();
    vi.advanceTimersByTime(0);
    // The log began in the early shift, which has not ended: nothing yet.
    expect(h.reports.list(10).rows).toEqual([]);
    h.clock.now = new Date('2026-03-02T13:00:01.000Z');
    vi.advanceTimersByTime(61_000);
    expect(h.reports.list(10).rows.map((r) => r.shiftName)).toEqual(['Early']);
    h.reports.stop();

    // The console was off for a day: on start it makes the three shifts it missed, one per turn of the event loop.
    h.clock.now = new Date('2026-03-03T13:30:00.000Z');
    h.reports.start();
    vi.advanceTimersByTime(0);
    expect(h.reports.list(10).rows).toHaveLength(2);
    vi.advanceTimersByTime(10);
    expect(h.reports.list(10).rows.map((r) => `${r.shiftName} ${r.from}`)).toEqual([
      'Early 2026-03-03T05:00:00.000Z',
      'Night 2026-03-02T21:00:00.000Z',
      'Late 2026-03-02T13:00:00.000Z',
      'Early 2026-03-02T05:00:00.000Z',
    ]);
  });

  it('export as CSV in the viewer language', async () => {
    const { h: harness, id } = await earlyReport();
    harness.reports.saveNote(id, '=SUM(A1) "quoted"', 'sam@line1');
    const report = reportOf(harness, id);
    const de = shiftReportCsv(report, 'de');
    expect(de.filename).toBe('shift-report-2026-03-02-Early.csv');
    const lines = de.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Schichtbericht;Early');
    expect(lines[1]).toBe('Von;02.03.26, 06:00');
    expect(lines).toContain('Nicht abgezeichnet');
    // A note is never run as a formula, and its quotes are doubled.
    expect(lines).toContain(`Übergabenotiz;"'=SUM(A1) ""quoted"""`);
    // German numbers (a decimal comma, a no-break space before %), times in Berlin's.
    expect(lines).toContain('Gesamt;9;4;2;1;1;1;2;1;1;2;10;1;1;57,1\u00a0%');
    expect(lines).toContain('m1;unterbrochen;FeederEmpty;02.03.26, 08:00;02.03.26, 08:11;11;olga@line1');
    expect(lines).toContain('m1;229;41;210;0;84,8\u00a0%;;40\u00a0%;');
    const en = shiftReportCsv(report, 'en').content.split('\r\n');
    expect(en[0]).toBe('\uFEFFShift report,Early');
    expect(en).toContain('Total,9,4,2,1,1,1,2,1,1,2,10,1,1,57.1%');
    expect(en).toContain("another job's error,1");
  });
});
