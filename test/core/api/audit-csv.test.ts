import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_HEADER, auditCsvLines } from '../../../electron/core/api/audit-csv';
import type { CommandView } from '../../../shared/api/views';

const auditCsv = (rows: CommandView[]) => AUDIT_CSV_HEADER + auditCsvLines(rows);

const row = (fields: Partial<CommandView>): CommandView => ({
  id: 1,
  machineId: 'm1',
  kind: 'signal',
  state: 'acknowledged',
  actor: 'anna@line2',
  role: 'supervisor',
  attempts: 1,
  payload: { outcome: 'Faulted', errorReason: 'MRZ, "smudged"' },
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:01.000Z',
  ...fields,
});

describe('the audit export', () => {
  it('quotes commas and quotes, one line per command', () => {
    const lines = auditCsv([row({}), row({ id: 2, outcome: 'HTTP 200: []' })]).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('id,createdAt,updatedAt,machineId,kind,state,actor,role,attempts,reviewId,payload,outcome,accountId,accountRole,station,signedIn');
    expect(lines[1]).toContain('"{""outcome"":""Faulted"",""errorReason"":""MRZ, \\""smudged\\""""}"');
  });

  it('never lets a cell run as a spreadsheet formula', () => {
    expect(auditCsv([row({ actor: '=HYPERLINK("http://x")' })])).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
