import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../shared/api/result';
import { createConsoleStore } from '../../../renderer/src/store/store';
import { presetRange } from '../../../renderer/src/store/production-slice';
import { createFakeClient } from '../helpers/fake-client';
import { counts, shiftReport } from '../features/production/fixtures';

const NOW = new Date(2026, 10, 27, 15, 30);
const summary = (groupBy: 'machine' | 'shift') => ({ from: 'a', to: 'b', groupBy, timeZone: 'UTC', rows: [{ key: 'aida-1', counts: counts({ started: 4 }) }], total: counts({ started: 4 }) });
const downtime = { from: 'a', to: 'b', stands: [], standsTotal: 0, causes: [], machines: [] };
const series = { from: 'a', to: 'b', cardsPerHour: [], downtimeByCause: [], faultsByErrorCode: [], machines: [] };

describe('the production slice', () => {
  it('cuts the ranges at the local midnight and ends them now', () => {
    expect(presetRange('today', NOW)).toEqual({ from: new Date(2026, 10, 27).toISOString(), to: NOW.toISOString() });
    expect(presetRange('yesterday', NOW)).toEqual({ from: new Date(2026, 10, 26).toISOString(), to: new Date(2026, 10, 27).toISOString() });
    expect(Date.parse(presetRange('last7days', NOW).from)).toBe(NOW.getTime() - 7 * 86_400_000);
  });

  it('reads the accounting, the per-machine counts, the downtime and the charts of one choice together', async () => {
    const client = createFakeClient({
      productionSummary: ({ groupBy }) => ok(summary(groupBy === 'shift' ? 'shift' : 'machine')),
      productionDowntime: () => ok(downtime),
      productionSeries: () => ok(series),
    });
    const store = createConsoleStore(client);
    store.getState().chooseProduction({ groupBy: 'shift', machineId: 'aida-1' });
    await store.getState().loadProductionFigures(NOW);
    const range = { ...presetRange('today', NOW), machineId: 'aida-1' };
    expect(client.callsTo('productionSummary')).toEqual([{ ...range, groupBy: 'shift' }, { ...range, groupBy: 'machine' }]);
    expect(client.callsTo('productionDowntime')).toEqual([range]);
    const figures = store.getState().productionFigures;
    expect(figures?.state).toBe('loaded');
    if (figures?.state === 'loaded') expect(figures.value.byMachine.map((r) => r.key)).toEqual(['aida-1']);
  });

  it('keeps the reason where the figures would be when one read is refused', async () => {
    const client = createFakeClient({
      productionSummary: () => ok(summary('machine')),
      productionDowntime: () => fail('unavailable', 'The store is being rebuilt.'),
      productionSeries: () => ok(series),
    });
    const store = createConsoleStore(client);
    await store.getState().loadProductionFigures(NOW);
    expect(store.getState().productionFigures).toEqual({ state: 'failed', error: 'The store is being rebuilt.' });
  });

  it('marks the report signed off in the list as well, once the core signed it', async () => {
    const report = shiftReport();
    const signed = { ...report, signedOff: { by: 'Sam', at: '2026-11-27T14:10:00.000Z' } };
    const client = createFakeClient({
      listShiftReports: () => ok({ rows: [report] }),
      shiftReport: () => ok(report),
      signOffShift: () => ok(signed),
    });
    const store = createConsoleStore(client);
    await store.getState().loadShiftReports();
    await store.getState().openShiftReport(7);
    expect(await store.getState().signOffShift(7)).toBe(true);
    expect(store.getState().shiftReports.rows[0]?.signedOff?.by).toBe('Sam');
    expect(store.getState().shiftReport).toEqual({ state: 'loaded', value: signed });
  });

  it("prints with the browser's own dialog when served, and only reports where the app saved the PDF", async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const client = createFakeClient({ saveShiftReportPdf: () => ok({ kind: 'print' }) });
    const store = createConsoleStore(client);
    expect(await store.getState().saveShiftReportPdf(7)).toEqual({ kind: 'print' });
    expect(client.callsTo('saveShiftReportPdf')).toEqual([{ id: 7 }]);
    expect(print).toHaveBeenCalledTimes(1);

    client.handle('saveShiftReportPdf', () => ok({ kind: 'saved', filename: 'r.pdf', path: '/home/sam/Documents/r.pdf' }));
    expect(await store.getState().saveShiftReportPdf(7)).toEqual({ kind: 'saved', filename: 'r.pdf', path: '/home/sam/Documents/r.pdf' });
    client.handle('saveShiftReportPdf', () => ok({ kind: 'cancelled' }));
    expect(await store.getState().saveShiftReportPdf(7)).toEqual({ kind: 'cancelled' });
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});
