import type { AuditEventView } from '../../../shared/api/audit';
import type { CommandView } from '../../../shared/api/views';

const COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'machineId',
  'kind',
  'state',
  'actor',
  'role',
  'attempts',
  'reviewId',
  'payload',
  'outcome',
  'accountId',
  'accountRole',
  'station',
  'signedIn',
] as const;

const EVENT_COLUMNS = [
  'id',
  'at',
  'kind',
  'actor',
  'accountId',
  'role',
  'station',
  'signedIn',
  'method',
  'subject',
  'oldValue',
  'newValue',
  'detail',
  'repeats',
  'lastAt',
] as const;

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv<T>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The commands, each with the person who decided, their role and the station (empty before accounts). */
export function auditCsv(rows: readonly CommandView[]): string {
  return csv<CommandView>(COLUMNS, rows);
}

/** Settings changes, accounts' events, refusals and acknowledgements. */
export function auditEventsCsv(rows: readonly AuditEventView[]): string {
  return csv<AuditEventView>(EVENT_COLUMNS, rows);
}
