import type { ShiftReportSummary } from '../../../shared/api/production';

/** `shift-report-2026-11-27-Early.csv`: the shift's first day in the station's time zone, and its name made safe for a file. */
export function shiftReportFilename(report: Pick<ShiftReportSummary, 'from' | 'timeZone' | 'shiftName'>, extension: 'csv' | 'pdf'): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: report.timeZone }).format(new Date(report.from));
  const name = report.shiftName.replace(/[^\p{L}\p{N}_-]+/gu, '-');
  return `shift-report-${day}-${name}.${extension}`;
}
