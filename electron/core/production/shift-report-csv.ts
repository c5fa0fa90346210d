import { PRODUCTION_COUNT_FIELDS, type ProductionCounts, type ProductionRow, type ShiftReport } from '../../../shared/api/production';
import { INTL_LOCALE, type Language } from '../../../shared/i18n/languages';
import { translator } from '../../../shared/i18n/translate';
import { shiftReportFilename } from './report-filename';

/** Excel in German reads `;` between cells (the comma is the decimal sign there); English reads `,`. */
const SEPARATOR: Record<Language, string> = { en: ',', de: ';' };

/**
 * A frozen shift report as CSV in the viewer's language (issue 15): sections one after another, each with its own
 * header line, times in the station's time zone, numbers as the language writes them. Quoted as RFC 4180; a cell
 * starting with = + - @ is neutralised so a spreadsheet never runs it as a formula.
 */
export function shiftReportCsv(report: ShiftReport, lang: Language): { filename: string; content: string } {
  const t = translator(lang);
  const sep = SEPARATOR[lang];
  const locale = INTL_LOCALE[lang];
  const time = new Intl.DateTimeFormat(locale, { timeZone: report.timeZone, dateStyle: 'short', timeStyle: 'short' });
  const when = (iso: string | undefined) => (iso === undefined ? '' : time.format(new Date(iso)));
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const ratio = (value: number | null) => (value === null ? '' : percent.format(value));
  const minutes = (seconds: number | null) => (seconds === null ? '' : number.format(seconds / 60));
  const cell = (value: string | number): string => {
    let text = typeof value === 'number' ? String(value) : value;
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines: string[] = [];
  const line = (...cells: (string | number)[]) => lines.push(cells.map(cell).join(sep));
  const cause = (c: string) => (c === 'not-reported' ? t('production:value.notReported') : c === 'another-job' ? t('production:value.anotherJob') : c);
  const group = (key: string) => (key === '' ? t('production:value.none') : key);

  line(t('production:csv.title'), report.shiftName);
  line(t('production:csv.from'), when(report.from));
  line(t('production:csv.to'), when(report.to));
  line(t('production:csv.timeZone'), report.timeZone);
  line(t('production:csv.madeAt'), when(report.madeAt));
  if (report.signedOff) {
    line(t('production:csv.signedOffBy'), report.signedOff.by);
    line(t('production:csv.signedOffAt'), when(report.signedOff.at));
  } else line(t('production:csv.notSignedOff'));
  line(t('production:csv.note'), report.note?.text ?? t('production:csv.noNote'));
  if (report.lateMessages > 0) line(t('production:csv.lateMessages', { count: report.lateMessages }));
  line(t('production:csv.subsetNote'));

  const countsHeader = [t('production:column.group'), ...PRODUCTION_COUNT_FIELDS.map((c) => t(`production:column.${c}`)), t('production:column.reprints'), t('production:column.yield')];
  const countsLine = (label: string, c: ProductionCounts) => line(label, ...PRODUCTION_COUNT_FIELDS.map((k) => c[k]), c.rapidadminReprints, ratio(c.yield));
  const section = (title: string, rows: readonly ProductionRow[]) => {
    lines.push('');
    line(title);
    line(...countsHeader);
    for (const r of rows) countsLine(group(r.key), r.counts);
  };
  lines.push('');
  line(t('production:section.total'));
  line(...countsHeader);
  countsLine(t('production:section.total'), report.total);
  section(t('production:section.byMachine'), report.byMachine);
  section(t('production:section.byBatch'), report.byBatch);
  section(t('production:section.byTemplate'), report.byTemplate);

  lines.push('');
  line(t('production:section.cancelledBy'));
  line(t('production:column.cause'), t('production:column.count'));
  for (const c of report.total.cancelledBy) line(cause(c.cause), c.count);

  lines.push('');
  line(t('production:section.machines'), t('production:csv.computedFrom'));
  line(
    ...['machine', 'running', 'suspended', 'stopped', 'unknown', 'availability', 'performance', 'quality', 'oee'].map((c) => t(`production:column.${c}`)),
  );
  for (const m of report.downtime.machines) {
    const shares = [m.availability, m.performance, m.quality, m.oee].map(ratio);
    line(m.machineId, minutes(m.runningSeconds), minutes(m.suspendedSeconds), minutes(m.stoppedSeconds), minutes(m.unknownSeconds), ...shares);
  }

  lines.push('');
  line(t('production:section.downtime'));
  line(...['cause', 'kind', 'count', 'minutes', 'meanToResume'].map((c) => t(`production:column.${c}`)));
  for (const c of report.downtime.causes) line(cause(c.cause), t(`production:value.${c.kind}`), c.count, minutes(c.seconds), minutes(c.meanSecondsToResume));

  lines.push('');
  line(t('production:section.stands'));
  line(...['machine', 'kind', 'cause', 'from', 'to', 'minutes', 'resumedBy'].map((c) => t(c === 'from' || c === 'to' ? `production:csv.${c}` : `production:column.${c}`)));
  for (const s of report.downtime.stands) {
    line(s.machineId, t(`production:value.${s.kind}`), cause(s.cause), when(s.from), s.to ? when(s.to) : t('production:value.stillStanding'), minutes(s.seconds), s.resumedBy ?? '');
  }

  lines.push('');
  line(t('production:section.faults'));
  line(t('production:column.errorCode'), t('production:column.count'));
  for (const f of report.series.faultsByErrorCode) line(cause(f.errorCode), f.count);

  lines.push('');
  line(t('production:section.openItems'));
  line(...['item', 'id', 'machine', 'kind', 'state', 'since'].map((c) => t(`production:column.${c}`)));
  const { alerts, reviews, commands } = report.openItems;
  for (const a of alerts) line(t('production:value.alert'), a.id, a.machineId, a.kind, '', when(a.since));
  for (const r of reviews) line(t('production:value.review'), r.id, r.machineId, r.kind, '', when(r.since));
  for (const c of commands) line(t('production:value.command'), c.id, c.machineId, c.kind, c.state, when(c.since));

  // A byte-order mark: Excel otherwise reads UTF-8 (umlauts) as the system's code page.
  return { filename: shiftReportFilename(report, 'csv'), content: `\uFEFF${lines.join('\r\n')}\r\n` };
}
