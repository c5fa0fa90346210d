import { describe, expect, it } from 'vitest';
import { AccountRepo } from '../../../electron/core/store/account-repo';
import { CLEARED } from '../../../electron/core/people/lockout';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { databaseAt, job, LATEST_VERSION, rows, schemaVersion, tables, upgradeTo } from './helpers';

const at = '2025-03-01T10:00:00.000Z';
const olga = { name: 'Olga', nameKey: 'olga', role: 'operator' as const, source: 'console' as const, pinHash: 'scrypt$…', badgeKey: 'b1', mustChangePin: true };

describe('migration 11: accounts and their sign-in events', () => {
  it('adds accounts and account_events to an older database and leaves everything else as it was', () => {
    const { db } = databaseAt(10);
    new JobRepo(db).put(job(1), 1);
    const before = { tables: tables(db), jobs: rows(db, 'jobs') };
    upgradeTo(db, 11);
    expect(schemaVersion(db)).toBe(11);
    expect(tables(db)).toEqual([...before.tables, 'account_events', 'accounts'].sort());
    expect(rows(db, 'jobs')).toEqual(before.jobs);
  });

  it('keeps an account by its name (whatever the case) and its badge hash, with its wrong-PIN counters', () => {
    const { db } = databaseAt(LATEST_VERSION);
    const repo = new AccountRepo(db);
    const created = repo.insert(olga, at);
    expect(created).toMatchObject({ name: 'Olga', role: 'operator', disabled: false, mustChangePin: true, attempts: CLEARED });
    expect(repo.byName('olga')?.id).toBe(created.id);
    expect(repo.byBadge('b1')?.id).toBe(created.id);
    expect(() => repo.insert({ ...olga, name: 'OLGA', badgeKey: undefined }, at)).toThrow(/UNIQUE/);

    const attempts = { failures: 5, lastFailureAt: new Date(at), notBefore: new Date('2025-03-01T10:05:00.000Z') };
    repo.setAttempts(created.id, attempts);
    expect(repo.get(created.id)?.attempts).toEqual(attempts);
    expect(repo.update(created.id, { badgeKey: null, disabled: true }, at)).toMatchObject({ badgeKey: undefined, disabled: true });
    expect(repo.count()).toBe(1);

    repo.recordEvent({ at, event: 'sign-in', accountId: created.id, accountName: 'Olga', role: 'operator', station: 'line-2', via: 'app' });
    repo.recordEvent({ at, event: 'sign-in-failed', accountId: undefined, accountName: 'unknown badge', role: undefined, station: 'line-2', via: 'serve-lan' });
    expect(repo.events(10)).toMatchObject({ total: 2, rows: [{ event: 'sign-in-failed', accountName: 'unknown badge' }, { event: 'sign-in', accountId: created.id }] });
    expect(repo.events(10, 0, created.id).total).toBe(1);
  });
});
