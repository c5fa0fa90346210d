import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildIfStale } from '../../../electron/core/ingest/projector';
import { Store } from '../../../electron/core/store/store';
import { AidaSource } from '../../../electron/core/ingest/aida-source';
import { migrate } from '../../../electron/core/store/migrate';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { openDatabase } from '../../../electron/core/store/database';
import { workflowCompleted, workflowStarted } from '../../fixtures/aida';
import { startTestConsole, tempDir, testConfig } from '../../helpers/core';

describe('the store', () => {
  it('applies every migration in order to a new database, in WAL mode with full sync', () => {
    const dir = tempDir();
    const db = openDatabase({ dataDir: dir, durability: 'power-cut' });
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
    const light = openDatabase({ dataDir: tempDir(), durability: 'crash' });
    expect(light.pragma('synchronous', { simple: true })).toBe(1);
    light.close();
  });

  it('refuses a database written by a newer console rather than guessing', () => {
    const db = new Database(join(tempDir(), 'x.sqlite'));
    db.pragma('user_version = 999');
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer console/);
    db.close();
  });

  it('rebuilds the job projection from the event log when it is stale', async () => {
    const config = testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' }] });
    const core = await startTestConsole(config);
    await core.post(workflowStarted('5'));
    await core.post(workflowCompleted('5'));
    await core.stop();

    const db = openDatabase({ dataDir: config.dataDir, durability: 'power-cut' });
    db.exec("DELETE FROM jobs; UPDATE meta SET value = '0' WHERE key = 'projection_version'");
    const replayed = rebuildIfStale(new Store(db), [new AidaSource(new Store(db), () => [{ id: 'm1' }])]);
    expect(replayed).toBe(2);
    expect(db.prepare('SELECT job_id, status FROM jobs').all()).toEqual([{ job_id: '5', status: 'Completed' }]);
    expect(rebuildIfStale(new Store(db), [new AidaSource(new Store(db), () => [{ id: 'm1' }])])).toBeUndefined();
    db.close();
  });
});

describe('projections folded after the acknowledgement', () => {
  it('catches up at start-up with messages acknowledged but not yet folded, and folds each only once', async () => {
    const config = testConfig({ machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:5999', kind: 'box' }] });
    const core = await startTestConsole(config);
    await core.post(workflowStarted('7'));
    await core.stop();

    // As if the console died between the log's commit and the projections' commit: the event is logged, unfolded.
    const db = openDatabase({ dataDir: config.dataDir, durability: 'power-cut' });
    const last = (db.prepare("SELECT value FROM meta WHERE key = 'projected_seq'").get() as { value: string }).value;
    db.prepare(
      "INSERT INTO events (source, machine_id, message_id, message_type, received_at, message) VALUES ('aida', 'm1', 'late-1', 'WorkflowCompleted', ?, ?)",
    ).run(new Date().toISOString(), JSON.stringify({ messageType: 'WorkflowCompleted', jobId: '7', messageId: 'late-1', notes: [] }));
    db.close();

    const again = await startTestConsole(config);
    const page = await again.handlers.listJobs({ offset: 0, limit: 10 });
    expect(page.ok && page.value.rows.map((j) => [j.jobId, j.status])).toEqual([['7', 'Completed']]);
    await again.stop();
    const after = openDatabase({ dataDir: config.dataDir, durability: 'power-cut' });
    expect(Number((after.prepare("SELECT value FROM meta WHERE key = 'projected_seq'").get() as { value: string }).value)).toBe(Number(last) + 1);
    expect(rebuildIfStale(new Store(after), [new AidaSource(new Store(after), () => [{ id: 'm1' }])])).toBeUndefined();
    after.close();
  });
});
