import { describe, expect, it } from 'vitest';
import { AuditRepo } from '../../../electron/core/store/audit-repo';
import { asSent } from '../../../shared/i18n/stored-text';
import { CommandRepo } from '../../../electron/core/store/command-repo';
import { FeedAlertRepo } from '../../../electron/core/store/feed-alert-repo';
import { columns, databaseAt, LATEST_VERSION, rows, schemaVersion, tables, upgradeTo } from './helpers';

const AT = '2026-03-02T08:00:00.000Z';

describe('migration 12: the audit names people', () => {
  it("keeps every existing command's actor, adds the person's columns empty, and the audit events' table", () => {
    const { db } = databaseAt(11);
    db.prepare(
      `INSERT INTO commands (machine_id, kind, payload, actor, role, state, created_at, updated_at)
       VALUES ('m1', 'abort', '{}', 'op@line2', 'supervisor', 'acknowledged', ?, ?)`,
    ).run(AT, AT);
    db.prepare(`INSERT INTO feed_alerts (id, source, kind, title, text, subject, at, seq) VALUES ('a1', 'idv', 'verification', 't', 'x', 's', ?, 1)`).run(AT);
    db.prepare(`INSERT INTO feed_alert_acks (id, acked_at, actor) VALUES ('a1', ?, 'op@line2')`).run(AT);
    const before = { tables: tables(db), commands: rows(db, 'commands') };

    upgradeTo(db, 12);
    expect(schemaVersion(db)).toBe(12);
    expect(tables(db)).toEqual([...before.tables, 'audit_events'].sort());
    expect(columns(db, 'commands')).toEqual(expect.arrayContaining(['account_id', 'account_role', 'station', 'signed_in']));
    expect(rows(db, 'commands')).toEqual(before.commands.map((r) => ({ ...(r as object), account_id: null, account_role: null, station: null, signed_in: null })));

    // The repositories read the old rows as they were: an actor, nobody's account.
    const [old] = new CommandRepo(db).search({}, 10).rows;
    expect(old).toMatchObject({ actor: 'op@line2', role: 'supervisor' });
    expect(old).not.toHaveProperty('accountId');
    expect(new FeedAlertRepo(db).get('a1')).toMatchObject({ acknowledgedBy: 'op@line2' });
  });

  it('finds one person\'s trail across the audit events and the accounts\' own events, newest first', () => {
    const { db } = databaseAt(LATEST_VERSION);
    const audit = new AuditRepo(db);
    db.prepare(
      `INSERT INTO account_events (at, event, account_id, account_name, role, station, via) VALUES (?, 'sign-in', 3, 'Olga', 'operator', 'line2', 'app')`,
    ).run('2026-03-02T08:00:00.000Z');
    audit.record({ at: '2026-03-02T08:01:00.000Z', kind: 'refused', actor: 'Olga@line2', accountId: 3, role: 'operator', station: 'line2', method: 'abort', detail: asSent('no') });
    audit.record({ at: '2026-03-02T08:02:00.000Z', kind: 'setting', actor: 'Ida@line2', accountId: 1, role: 'it', station: 'line2', subject: 'x', oldValue: '1', newValue: '2' });
    const olga = audit.search({ accountId: 3 }, 10);
    expect(olga.total).toBe(2);
    expect(olga.rows.map((r) => [r.kind, r.actor, r.detail ?? r.method])).toEqual([
      ['refused', 'Olga@line2', 'no'],
      ['account', 'Olga', 'sign-in'],
    ]);
    expect(audit.search({}, 10).rows.map((r) => r.id)).toEqual(['e2', 'e1', 'a1']);
  });
});
