import { describe, expect, it } from 'vitest';
import { AccountRepo } from '../../../electron/core/store/account-repo';
import { AuditRepo } from '../../../electron/core/store/audit-repo';
import { sayOr } from '../../../shared/i18n/say';
import { asSent, coded } from '../../../shared/i18n/stored-text';
import { translator } from '../../../shared/i18n/translate';
import { columns, databaseAt, rows, schemaVersion, upgradeTo } from './helpers';

const AT = '2026-03-02T08:00:00.000Z';
const STAMP = { actor: 'Ida@line2', accountId: 1, role: 'it' as const, station: 'line2' };

describe('migration 17: the audit details in the reader\'s language', () => {
  it('keeps every row as written, adds the codes empty, and shows old rows as written in any language', () => {
    const { db } = databaseAt(16);
    db.prepare(
      `INSERT INTO audit_events (at, kind, actor, account_id, account_role, station, method, detail)
       VALUES (?, 'refused', 'Olga@line2', 3, 'operator', 'line2', 'abort', 'Abort needs a supervisor: Olga is not one.')`,
    ).run(AT);
    db.prepare(
      `INSERT INTO account_events (at, event, account_id, account_name, role, station, via, detail)
       VALUES (?, 'account-changed', 3, 'Olga', 'operator', 'line2', 'app', 'language de')`,
    ).run(AT);
    const before = { events: rows(db, 'audit_events'), accounts: rows(db, 'account_events') };

    upgradeTo(db, 17);
    expect(schemaVersion(db)).toBe(17);
    expect(columns(db, 'audit_events')).toEqual(expect.arrayContaining(['detail_code', 'detail_params']));
    expect(columns(db, 'account_events')).toEqual(expect.arrayContaining(['detail_code', 'detail_params']));
    const empty = { detail_code: null, detail_params: null };
    expect(rows(db, 'audit_events')).toEqual(before.events.map((r) => ({ ...(r as object), ...empty })));
    expect(rows(db, 'account_events')).toEqual(before.accounts.map((r) => ({ ...(r as object), ...empty })));

    // No code to render them by: a German reader reads them as they were written.
    const trail = new AuditRepo(db).search({}, 10).rows;
    expect(trail.map((r) => r.detail)).toEqual(['Abort needs a supervisor: Olga is not one.', 'account-changed: language de']);
    for (const row of trail) {
      expect(row).not.toHaveProperty('detailText');
      expect(sayOr(translator('de'), row.detailText, row.detail ?? '')).toBe(row.detail);
    }
  });

  it('stores a new detail with its code and parameters beside the English text, read back in either language', () => {
    const { db } = databaseAt(17);
    const audit = new AuditRepo(db);
    audit.record({ ...STAMP, at: AT, kind: 'setting', subject: 'watchdog.pollSeconds', oldValue: '7', newValue: '5', detail: coded('auditDetails:settingReset') });
    audit.record({ ...STAMP, at: AT, kind: 'alert-shelved', subject: 'alert 4', detail: asSent('lamp being changed') });
    new AccountRepo(db).recordEvent({
      at: AT,
      event: 'account-changed',
      accountId: 3,
      accountName: 'Olga',
      role: 'operator',
      station: 'line2',
      via: 'app',
      detail: 'language de',
      lineText: { code: 'auditDetails:line', params: { event: { code: 'auditDetails:event.account-changed' }, detail: { code: 'auditDetails:language', params: { language: 'de' } } } },
    });
    expect(rows(db, 'audit_events')).toEqual([
      expect.objectContaining({ detail: 'reset to the layers below', detail_code: 'auditDetails:settingReset', detail_params: null }),
      // A supervisor's own words are kept as typed: no code.
      expect.objectContaining({ detail: 'lamp being changed', detail_code: null, detail_params: null }),
    ]);
    expect(rows(db, 'account_events')).toEqual([expect.objectContaining({ detail: 'language de', detail_code: 'auditDetails:line' })]);

    const german = translator('de');
    const trail = audit.search({}, 10).rows;
    expect(trail.map((r) => [r.detail, sayOr(german, r.detailText, r.detail ?? '')])).toEqual([
      ['lamp being changed', 'lamp being changed'],
      ['reset to the layers below', 'auf den Wert der darunterliegenden Ebenen zurückgesetzt'],
      ['account-changed: language de', 'Konto geändert: Sprache de'],
    ]);
  });
});
