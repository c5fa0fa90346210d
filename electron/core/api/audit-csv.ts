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

/** The header line of the audit CSV: the commands, each with the person who decided, their role and the station. */
export const AUDIT_CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** Commands as CSV lines, each ended by CRLF: the export writes the header once, then a chunk of these per page. */
export function auditCsvLines(rows: readonly CommandView[]): string {
  let out = '';
  for (const r of rows) out += `${COLUMNS.map((c) => cell(r[c])).join(',')}\r\n`;
  return out;
}

/** The header line of the other trail's CSV: settings changes, accounts' events, refusals and acknowledgements. */
export const AUDIT_EVENTS_CSV_HEADER = `${EVENT_COLUMNS.join(',')}\r\n`;

/** Audit events as CSV lines, each ended by CRLF, written after the header as the commands' are. */
export function auditEventsCsvLines(rows: readonly AuditEventView[]): string {
  let out = '';
  for (const r of rows) out += `${EVENT_COLUMNS.map((c) => cell(r[c])).join(',')}\r\n`;
  return out;
}
