import type { CommandView } from '../../../shared/api/views';

const COLUMNS = ['id', 'createdAt', 'updatedAt', 'machineId', 'kind', 'state', 'actor', 'role', 'attempts', 'reviewId', 'payload', 'outcome'] as const;

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line of the audit CSV. */
export const AUDIT_CSV_HEADER = `${COLUMNS.join(',')}\r\n`;

/** Commands as CSV lines, each ended by CRLF: the export writes the header once, then a chunk of these per page. */
export function auditCsvLines(rows: readonly CommandView[]): string {
  let out = '';
  for (const r of rows) out += `${COLUMNS.map((c) => cell(r[c])).join(',')}\r\n`;
  return out;
}
