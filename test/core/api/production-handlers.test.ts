import { describe, expect, it } from 'vitest';
import type { ShiftReportSummary } from '../../../shared/api/production';
import { startedPerTest, testConfig } from '../../helpers/core';

const started = startedPerTest();

const HOUR = 3_600_000;

function config(dataDir?: string) {
  const file = { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' as const }], production: { timeZone: 'UTC' } };
  return dataDir ? testConfig(file, dataDir) : testConfig(file);
}

describe('the production methods of the ConsoleApi', () => {
  it('count what the machines reported, through the contract, and refuse a range that is not one', async () => {
    const core = await started.console(config());
    const now = Date.now();
    await core.post({ MessageType: 'WorkflowStarted', JobId: 'J1', WorkflowInstanceId: 'wf-1' });
    await core.post({ MessageType: 'WorkflowFaulted', JobId: 'J1', WorkflowInstanceId: 'wf-1', ErrorCode: 'CardJam', DestructiveOperationExecuted: true });
    const range = { from: new Date(now - HOUR).toISOString(), to: new Date(now + HOUR).toISOString() };
    const summary = await core.dispatch('productionSummary', { ...range, groupBy: 'machine' });
    expect(summary).toMatchObject({ ok: true, value: { rows: [{ key: 'm1', counts: { started: 1, faulted: 1, destroyed: 1, yield: 0 } }] } });
    expect(await core.dispatch('productionSeries', range)).toMatchObject({ ok: true, value: { faultsByErrorCode: [{ errorCode: 'CardJam', count: 1 }] } });
    expect(await core.dispatch('productionDowntime', { ...range, machineId: 'm1' })).toMatchObject({ ok: true, value: { stands: [] } });
    expect(await core.dispatch('productionSummary', { from: range.to, to: range.from, groupBy: 'shift' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await core.dispatch('productionSummary', { ...range, groupBy: 'week' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('make the missed shift reports on start; a supervisor notes, signs off, exports and prints one', async () => {
    const first = await started.console(config());
    const postedAt = Date.now();
    await first.post({ MessageType: 'WorkflowStarted', JobId: 'J1', WorkflowInstanceId: 'wf-1' });
    await first.post({ MessageType: 'WorkflowCompleted', JobId: 'J1', WorkflowInstanceId: 'wf-1' });
    await started.stop(first);

    // Back nine hours later: the shift the job ran in has ended, and nobody opened its report.
    const later = await started.console(config(first.config.dataDir), { now: () => new Date(postedAt + 9 * HOUR) });
    let reports: ShiftReportSummary[] = [];
    for (const deadline = Date.now() + 5000; reports.length === 0 && Date.now() < deadline;) {
      const listed = await later.handlers.listShiftReports({ limit: 20 });
      reports = listed.ok ? listed.value.rows : [];
      await new Promise((r) => setTimeout(r, 20));
    }
    const report = reports.find((r) => Date.parse(r.from) <= postedAt && postedAt < Date.parse(r.to));
    expect(report?.total).toMatchObject({ started: 1, completed: 1, yield: 1 });
    const id = report?.id ?? 0;

    expect(await later.dispatch('saveHandOverNote', { id, text: 'Laser lens cleaned.' })).toMatchObject({ ok: true, value: { note: { text: 'Laser lens cleaned.' } } });
    expect(await later.dispatch('signOffShift', { id })).toMatchObject({ ok: true, value: { signedOff: { at: new Date(postedAt + 9 * HOUR).toISOString() } } });
    expect(await later.dispatch('saveHandOverNote', { id, text: 'changed' })).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const csv = await later.dispatch('exportShiftReport', { id, lang: 'de' });
    expect(csv).toMatchObject({ ok: true, value: { mediaType: 'text/csv', filename: expect.stringMatching(/^shift-report-.*\.csv$/) as string } });
    expect(csv.ok && (csv.value as { content: string }).content).toContain('Übergabenotiz;Laser lens cleaned.');
    expect(await later.dispatch('shiftReport', { id: 99_999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Served, the PDF is the browser's print of the page: the core only says so, for a report that exists.
    expect(await later.dispatch('saveShiftReportPdf', { id })).toEqual({ ok: true, value: { kind: 'print' } });
    expect(await later.dispatch('saveShiftReportPdf', { id: 99_999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
