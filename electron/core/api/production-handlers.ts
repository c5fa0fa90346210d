import { fail, ok } from '../../../shared/api/result';
import { actorOf, type CoreHandlers } from '../people/caller';
import type { ProductionFigures } from '../production/production-figures';
import { shiftReportCsv } from '../production/shift-report-csv';
import type { ShiftReports } from '../production/shift-reports';

type ProductionHandlers = Pick<
  CoreHandlers,
  | 'productionSummary'
  | 'productionDowntime'
  | 'productionSeries'
  | 'listShiftReports'
  | 'shiftReport'
  | 'saveHandOverNote'
  | 'signOffShift'
  | 'exportShiftReport'
  | 'saveShiftReportPdf'
>;

/** Longest range one call may ask for: a year of hours is the most a chart or a table needs. */
const MAX_RANGE_MS = 366 * 24 * 3_600_000;

function rangeError(range: { from: string; to: string }): string | undefined {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return 'from and to must be times (ISO 8601)';
  if (to <= from) return 'to must be after from';
  if (to - from > MAX_RANGE_MS) return 'a range may span at most a year';
  return undefined;
}

/** Times as the store keeps them (ISO in UTC), whatever offset the caller wrote. */
const normal = <R extends { from: string; to: string }>(range: R): R => ({
  ...range,
  from: new Date(range.from).toISOString(),
  to: new Date(range.to).toISOString(),
});

/** What the shift made, lost and waited for (issue 15): live figures over any range, and the frozen shift reports. */
export function productionHandlers(figures: ProductionFigures, reports: ShiftReports): ProductionHandlers {
  const checked = <R extends { from: string; to: string }, T>(range: R, read: (r: R) => T) => {
    const error = rangeError(range);
    return error ? fail('invalid-request', error) : ok(read(normal(range)));
  };
  return {
    productionSummary: async ({ groupBy, ...range }) => checked(range, (r) => figures.summary(r, groupBy)),
    productionDowntime: async (range) => checked(range, (r) => figures.downtime(r)),
    productionSeries: async (range) => checked(range, (r) => figures.series(r)),
    listShiftReports: async ({ limit, before }) => ok(reports.list(limit, before)),
    shiftReport: async ({ id }) => reports.report(id),
    saveHandOverNote: async ({ id, text }, caller) => reports.saveNote(id, text, actorOf(caller)),
    signOffShift: async ({ id }, caller) => reports.signOff(id, actorOf(caller)),
    exportShiftReport: async ({ id, lang }) => {
      const report = reports.report(id);
      return report.ok ? ok({ ...shiftReportCsv(report.value, lang), mediaType: 'text/csv' as const }) : report;
    },
    // Served, the browser's own print dialog makes the PDF (or paper) from the print stylesheet; the app's shell
    // replaces this with a save dialog and Electron's printToPDF.
    saveShiftReportPdf: async ({ id }) => {
      const report = reports.report(id);
      return report.ok ? ok({ kind: 'print' as const }) : report;
    },
  };
}
