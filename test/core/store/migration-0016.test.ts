import { describe, expect, it } from 'vitest';
import { coded } from '../../../shared/i18n/stored-text';
import { AccountRepo } from '../../../electron/core/store/account-repo';
import { CommandRepo } from '../../../electron/core/store/command-repo';
import { ReviewRepo } from '../../../electron/core/store/review-repo';
import { columns, databaseAt, rows, schemaVersion, upgradeTo } from './helpers';

const AT = '2026-03-02T08:00:00.000Z';

describe('migration 16: two languages', () => {
  it('keeps every row as written, adds the codes and the person\'s language empty, and reads old rows as before', () => {
    const { db } = databaseAt(12);
    db.prepare(
      `INSERT INTO commands (machine_id, kind, payload, actor, role, state, outcome, created_at, updated_at)
       VALUES ('m1', 'resume', '{}', 'op@line2', 'operator', 'failed', 'not sent: the machine is not configured', ?, ?)`,
    ).run(AT, AT);
    const before = { commands: rows(db, 'commands'), accounts: rows(db, 'accounts'), reviews: rows(db, 'reviews') };

    upgradeTo(db, 16);
    expect(schemaVersion(db)).toBe(16);
    expect(columns(db, 'commands')).toEqual(expect.arrayContaining(['outcome_code', 'outcome_params']));
    expect(columns(db, 'reviews')).toEqual(expect.arrayContaining(['closed_code', 'closed_params']));
    expect(columns(db, 'accounts')).toContain('language');
    expect(rows(db, 'commands')).toEqual(before.commands.map((r) => ({ ...(r as object), outcome_code: null, outcome_params: null })));

    // An outcome stored before is shown as written: no code to render it by.
    const [old] = new CommandRepo(db).recent();
    expect(old).toMatchObject({ outcome: 'not sent: the machine is not configured' });
    expect(old).not.toHaveProperty('outcomeText');
  });

  it('stores a coded outcome, closing reason and language, each read back with its code and parameters', () => {
    const { db } = databaseAt(16);
    const commands = new CommandRepo(db);
    const { command } = commands.create({ machineId: 'm1', kind: 'resume', payload: {}, actor: 'op', role: 'operator', at: AT });
    const updated = commands.update(command.id, 'acknowledged', coded('outcomes:appliedState', { status: 'Running' }), AT);
    expect(updated).toMatchObject({
      outcome: 'taken as applied: the machine reports Running',
      outcomeText: { code: 'outcomes:appliedState', params: { status: 'Running' } },
    });

    const reviews = new ReviewRepo(db);
    const id = reviews.open({ machineId: 'm1', workflowInstanceId: 'wf-1', jobKey: '1', kind: 'ocr', seq: 1, at: AT, payload: {} }) ?? 0;
    reviews.close(id, AT, coded('outcomes:movedOnWith', { message: 'WorkflowCompleted' }));
    expect(reviews.get(id)).toMatchObject({
      closed_reason: 'the machine moved on (WorkflowCompleted)',
      closed_code: 'outcomes:movedOnWith',
      closed_params: '{"message":"WorkflowCompleted"}',
    });

    const accounts = new AccountRepo(db);
    const ann = accounts.insert({ name: 'Ann', nameKey: 'ann', role: 'operator', source: 'console', pinHash: 'x', badgeKey: undefined, mustChangePin: false }, AT);
    expect(ann.language).toBeUndefined();
    expect(accounts.update(ann.id, { language: 'de' }, AT)?.language).toBe('de');
    expect(accounts.update(ann.id, { language: null }, AT)?.language).toBeUndefined();
  });
});
