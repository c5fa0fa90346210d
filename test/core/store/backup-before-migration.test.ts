import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/core/backup/backup-files';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { jobIds, manualClock, schemaOf } from '../backup/helpers';
import { databaseAt, job, latest } from './helpers';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const older = Math.max(...MIGRATIONS.filter((m) => m.version < latest).map((m) => m.version));

describe('a backup before every migration', () => {
  it('copies a database of an older schema before migrating it, and checks the copy', async () => {
    const { db, dataDir } = databaseAt(older);
    new JobRepo(db).put(job(1), 1);
    db.close();
    const clock = manualClock();
    core = await startTestConsole(testConfig({}, dataDir), { now: clock.now, backup: { firstDelayMs: 60 * 60_000 } });
    const files = listBackups(join(dataDir, 'backups'));
    expect(files.map((f) => basename(f))).toEqual(['console-2026-03-02T03-00-00-000Z-migration.sqlite']);
    // The copy is the database as it was: the old schema, its rows.
    expect(schemaOf(files[0] ?? '')).toBe(older);
    expect(jobIds(files[0] ?? '')).toEqual(['1']);
    // The check runs in a worker thread of its own, which starts slowly on a loaded machine.
    // The reads above may still hold the file when the check starts: it waits for them rather than failing the copy.
    const checked = await core.waitForEvent((e) => e.type === 'backup' && !e.backup.running && e.backup.last?.result !== 'unchecked', 15_000);
    expect(checked.type === 'backup' && checked.backup.last).toMatchObject({ reason: 'migration', result: 'ok' });
  });

  it('copies nothing when the database is new or already current', async () => {
    const config = testConfig();
    core = await startTestConsole(config, { backup: { firstDelayMs: 60 * 60_000 } });
    await core.stop();
    core = await startTestConsole(config, { backup: { firstDelayMs: 60 * 60_000 } });
    expect(listBackups(join(config.dataDir, 'backups'))).toEqual([]);
  });
});
