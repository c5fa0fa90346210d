import { describe, expect, it } from 'vitest';
import { auditCsvHeader, auditCsvLines, auditEventsCsvHeader, auditEventsCsvLines } from '../../../electron/core/api/audit-csv';
import type { AuditEventView } from '../../../shared/api/audit';
import type { CommandView } from '../../../shared/api/views';
import type { Language } from '../../../shared/i18n/languages';
import { translator } from '../../../shared/i18n/translate';

const auditCsv = (rows: CommandView[], lang: Language = 'en') => auditCsvHeader(translator(lang)) + auditCsvLines(rows, translator(lang));

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

  it("writes the headers and a coded outcome in the reader's language, an outcome stored before as it was written", () => {
    const coded = row({ state: 'failed', outcome: 'not sent: the machine is not configured', outcomeText: { code: 'outcomes:notConfigured' } });
    const old = row({ id: 2, outcome: 'HTTP 409: busy' });
    const [head, first, second] = auditCsv([coded, old], 'de').trimEnd().split('\r\n');
    expect(head).toContain('Ergebnis');
    expect(first).toContain('nicht gesendet: die Maschine ist nicht eingerichtet');
    expect(second).toContain('HTTP 409: busy');
    expect(auditCsv([coded])).toContain('not sent: the machine is not configured');
  });

  it('never lets a cell run as a spreadsheet formula', () => {
    expect(auditCsv([row({ actor: '=HYPERLINK("http://x")' })])).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});

describe("the audit events' export", () => {
  const eventsCsv = (rows: AuditEventView[], lang: Language) => auditEventsCsvHeader(translator(lang)) + auditEventsCsvLines(rows, translator(lang));
  const event = (fields: Partial<AuditEventView>): AuditEventView => ({ id: 'a1', at: '2026-11-25T10:00:00.000Z', kind: 'account', actor: 'Olga', station: 'line2', ...fields });

  it("writes a coded detail in the reader's language, a detail stored before as it was written", () => {
    const changed = event({
      detail: 'account-changed: language de',
      detailText: { code: 'auditDetails:line', params: { event: { code: 'auditDetails:event.account-changed' }, detail: { code: 'auditDetails:language', params: { language: 'de' } } } },
    });
    const old = event({ id: 'a2', detail: 'sign-in: by badge' });
    const [head, first, second] = eventsCsv([changed, old], 'de').trimEnd().split('\r\n');
    expect(head).toContain('Einzelheiten');
    expect(first).toContain('Konto geändert: Sprache de');
    expect(second).toContain('sign-in: by badge');
    expect(eventsCsv([changed], 'en')).toContain('account-changed: language de');
  });
});
