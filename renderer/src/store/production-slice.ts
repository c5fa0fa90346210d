import type {
  ProductionDowntime,
  ProductionGroupBy,
  ProductionRow,
  ProductionSeries,
  ProductionSummary,
  ShiftReport,
  ShiftReportPdf,
  ShiftReportSummary,
} from '../../../shared/api/production';
import { translator } from '../../../shared/i18n/translate';
import { runAction } from './actions';
import { emptyList, withFreshHead, withOlder, type KeysetList } from './keyset-list';
import { LatestRead, loadable, type Loadable } from './loads';
import type { SliceCreator } from './types';

/** The ranges the production view offers, each ending now: the page's own clock cuts the days. */
export type RangePreset = 'today' | 'yesterday' | 'last7days' | 'last30days';

export interface ProductionChoice {
  preset: RangePreset;
  groupBy: ProductionGroupBy;
  /** One machine, or the whole line. */
  machineId: string | undefined;
}

/** What the production view shows for one choice, read together so the table, downtime and charts agree. */
export interface ProductionFigures {
  summary: ProductionSummary;
  /** The same range per machine, for the chart per machine (the summary itself when it is per machine). */
  byMachine: ProductionRow[];
  downtime: ProductionDowntime;
  series: ProductionSeries;
}

export interface ProductionSlice {
  productionScreen: 'figures' | 'reports';
  productionChoice: ProductionChoice;
  productionFigures: Loadable<ProductionFigures> | undefined;
  shiftReports: KeysetList<ShiftReportSummary>;
  shiftReportsError: string | undefined;
  /** The report open on screen, if one is. */
  shiftReport: Loadable<ShiftReport> | undefined;
  showProductionScreen(screen: 'figures' | 'reports'): void;
  chooseProduction(choice: Partial<ProductionChoice>): void;
  /** Reads the figures of the current choice; `now` ends the range. */
  loadProductionFigures(now: Date): Promise<void>;
  loadShiftReports(): Promise<void>;
  loadMoreShiftReports(): Promise<void>;
  openShiftReport(id: number): Promise<void>;
  closeShiftReport(): void;
  saveHandOverNote(id: number, text: string): Promise<boolean>;
  signOffShift(id: number): Promise<boolean>;
  /** The report as CSV in the page's language, for the page to save; undefined when refused (posted as a failure). */
  exportShiftReport(id: number): Promise<{ filename: string; content: string } | undefined>;
  /**
   * The report as PDF: the app saves the file where the person chose (`saved`, or `cancelled`); served, the core
   * answers `print` and the browser's print dialog opens here. Undefined when refused (posted as a failure).
   */
  saveShiftReportPdf(id: number): Promise<ShiftReportPdf | undefined>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A preset's bounds as instants: days start at the page's local midnight (the station's clock). */
export function presetRange(preset: RangePreset, now: Date): { from: string; to: string } {
  const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  switch (preset) {
    case 'today':
      return { from: midnight.toISOString(), to: now.toISOString() };
    case 'yesterday':
      return { from: new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1).toISOString(), to: midnight.toISOString() };
    case 'last7days':
      return { from: new Date(now.getTime() - 7 * DAY_MS).toISOString(), to: now.toISOString() };
    case 'last30days':
      return { from: new Date(now.getTime() - 30 * DAY_MS).toISOString(), to: now.toISOString() };
  }
}

export const SHIFT_REPORTS_PAGE = 20;

export const productionActionKey = {
  note: (id: number) => `shift-note:${id}`,
  signOff: (id: number) => `shift-sign-off:${id}`,
  export: (id: number) => `shift-export:${id}`,
  pdf: (id: number) => `shift-pdf:${id}`,
};

export const createProductionSlice: SliceCreator<ProductionSlice> = (set, get, client) => {
  const figures = new LatestRead();
  const reports = new LatestRead();
  const report = new LatestRead();
  const label = (key: string) => translator(get().language)(key);
  const receiveReport = (value: ShiftReport) => {
    set((s) => ({
      shiftReport: { state: 'loaded', value },
      shiftReports: {
        ...s.shiftReports,
        rows: s.shiftReports.rows.map((r) => (r.id === value.id ? { ...r, signedOff: value.signedOff, lateMessages: value.lateMessages } : r)),
      },
    }));
  };
  return {
    productionScreen: 'figures',
    productionChoice: { preset: 'today', groupBy: 'machine', machineId: undefined },
    productionFigures: undefined,
    shiftReports: emptyList(),
    shiftReportsError: undefined,
    shiftReport: undefined,
    showProductionScreen(productionScreen) {
      set({ productionScreen });
    },
    chooseProduction(choice) {
      figures.invalidate();
      set((s) => ({ productionChoice: { ...s.productionChoice, ...choice } }));
    },
    async loadProductionFigures(now) {
      const read = figures.begin();
      const { preset, groupBy, machineId } = get().productionChoice;
      const range = { ...presetRange(preset, now), ...(machineId === undefined ? {} : { machineId }) };
      // Figures already on screen stay there until the new ones arrive: reading again does not blank the charts.
      set((s) => (s.productionFigures?.state === 'loaded' ? {} : { productionFigures: { state: 'loading' } }));
      const [summary, perMachine, downtime, series] = await Promise.all([
        client.productionSummary({ ...range, groupBy }),
        groupBy === 'machine' ? undefined : client.productionSummary({ ...range, groupBy: 'machine' }),
        client.productionDowntime(range),
        client.productionSeries(range),
      ]);
      if (!read.isCurrent()) return;
      const byMachine = perMachine ?? summary;
      if (summary.ok && byMachine.ok && downtime.ok && series.ok) {
        const value = { summary: summary.value, byMachine: byMachine.value.rows, downtime: downtime.value, series: series.value };
        set({ productionFigures: { state: 'loaded', value } });
        return;
      }
      const failed = [summary, byMachine, downtime, series].find((r) => !r.ok);
      set({ productionFigures: { state: 'failed', error: failed && !failed.ok ? failed.error.message : '' } });
    },
    async loadShiftReports() {
      const read = reports.begin();
      const result = await client.listShiftReports({ limit: SHIFT_REPORTS_PAGE });
      if (!read.isCurrent()) return;
      set((s) =>
        result.ok
          ? { shiftReports: withFreshHead(s.shiftReports, result.value, (r) => r.id), shiftReportsError: undefined }
          : { shiftReportsError: result.error.message },
      );
    },
    async loadMoreShiftReports() {
      const before = get().shiftReports.next;
      if (before === undefined) return;
      const read = reports.join();
      const result = await client.listShiftReports({ before, limit: SHIFT_REPORTS_PAGE });
      if (!read.isCurrent()) return;
      set((s) =>
        result.ok
          ? { shiftReports: withOlder(s.shiftReports, before, result.value), shiftReportsError: undefined }
          : { shiftReportsError: result.error.message },
      );
    },
    async openShiftReport(id) {
      const read = report.begin();
      set({ shiftReport: { state: 'loading' } });
      const result = await client.shiftReport({ id });
      if (read.isCurrent()) set({ shiftReport: loadable(result) });
    },
    closeShiftReport() {
      report.invalidate();
      set({ shiftReport: undefined });
    },
    async saveHandOverNote(id, text) {
      const action = { key: productionActionKey.note(id), label: label('report:action.saveNote') };
      const result = await runAction(set, get, action, () => client.saveHandOverNote({ id, text }), receiveReport);
      return result?.ok === true;
    },
    async signOffShift(id) {
      const action = { key: productionActionKey.signOff(id), label: label('report:action.signOff') };
      const result = await runAction(set, get, action, () => client.signOffShift({ id }), receiveReport);
      return result?.ok === true;
    },
    async exportShiftReport(id) {
      const action = { key: productionActionKey.export(id), label: label('report:action.export') };
      const result = await runAction(set, get, action, () => client.exportShiftReport({ id, lang: get().language }));
      return result?.ok ? { filename: result.value.filename, content: result.value.content } : undefined;
    },
    async saveShiftReportPdf(id) {
      const action = { key: productionActionKey.pdf(id), label: label('report:action.pdf') };
      const result = await runAction(set, get, action, () => client.saveShiftReportPdf({ id }));
      if (!result?.ok) return undefined;
      // The print stylesheet makes the A4 pages; the browser's dialog offers paper or "Save as PDF".
      if (result.value.kind === 'print') window.print();
      return result.value;
    },
  };
};
