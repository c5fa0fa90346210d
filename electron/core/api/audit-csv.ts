import type { AuditEventView } from '../../../shared/api/audit';
import type { CommandView } from '../../../shared/api/views';
import { sayOr } from '../../../shared/i18n/say';
import type { Translate } from '../../../shared/i18n/translate';

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

/** The header line of the audit CSV, in the reader's language: the commands, each with who decided, their role and the station. */
export const auditCsvHeader = (t: Translate): string => `${COLUMNS.map((c) => cell(t(`csv:commands.${c}`))).join(',')}\r\n`;

/**
 * Commands as CSV lines, each ended by CRLF: the export writes the header once, then a chunk of these per page. An
 * outcome stored with a code is written in the reader's language; older ones and the machine's answers as stored.
 */
export function auditCsvLines(rows: readonly CommandView[], t: Translate): string {
  let out = '';
  for (const r of rows) {
    const said = r.outcome === undefined ? r : { ...r, outcome: sayOr(t, r.outcomeText, r.outcome) };
    out += `${COLUMNS.map((c) => cell(said[c])).join(',')}\r\n`;
  }
  return out;
}

/** The header line of the other trail's CSV, in the reader's language: settings changes, accounts' events, refusals, acknowledgements. */
export const auditEventsCsvHeader = (t: Translate): string => `${EVENT_COLUMNS.map((c) => cell(t(`csv:events.${c}`))).join(',')}\r\n`;

/**
 * Audit events as CSV lines, each ended by CRLF, written after the header as the commands' are. A detail stored with a
 * code is written in the reader's language; older ones as stored.
 */
export function auditEventsCsvLines(rows: readonly AuditEventView[], t: Translate): string {
  let out = '';
  for (const r of rows) {
    const said = r.detail === undefined ? r : { ...r, detail: sayOr(t, r.detailText, r.detail) };
    out += `${EVENT_COLUMNS.map((c) => cell(said[c])).join(',')}\r\n`;
  }
  return out;
}
