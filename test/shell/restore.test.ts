import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { workflowStarted } from '../fixtures/aida';
import { appHandlers, startTestConsole, testConfig } from '../helpers/core';
import { jobIds } from '../core/backup/helpers';
import { fake } from './fake-electron';
import { closeShell, launchShell, until } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

afterEach(closeShell);

/** A checked backup holding this job. */
async function backupOfJob(jobId = '5'): Promise<{ file: string; dataDir: string }> {
  const core = await startTestConsole(testConfig(), { backup: { firstDelayMs: 60 * 60_000 } });
  await core.post(workflowStarted(jobId));
  const made = await core.handlers.backUpNow({});
  await core.stop();
  if (!made.ok || !made.value.last) throw new Error('no backup');
  return { file: made.value.last.file, dataDir: core.config.dataDir };
}

describe('restoring a backup in the app', () => {
  it('--restore asks first, then starts on the backup with the old database kept aside', async () => {
    const { file } = await backupOfJob('5');
    const { dataDir } = await backupOfJob('9');
    const { shell } = await launchShell(['--data-dir', dataDir, '--restore', file], () => fake.dialogs.answers.push(0));
    expect(fake.dialogs.messageBoxes[0]).toMatchObject({ message: `Restore the backup ${file}?`, buttons: ['Restore', 'Cancel'] });
    const jobs = await appHandlers(shell.core).listJobs({ offset: 0, limit: 10 });
    expect(jobs.ok && jobs.value.rows.map((j) => j.jobId)).toEqual(['5']);
    const aside = readdirSync(dataDir).find((f) => /^console\.sqlite\.before-restore-[\dTZ-]+$/.test(f));
    expect(jobIds(`${dataDir}/${aside ?? ''}`)).toEqual(['9']);
  });

  it('restores nothing when the dialog is cancelled', async () => {
    const { file } = await backupOfJob('5');
    const { dataDir } = await backupOfJob('9');
    await launchShell(['--data-dir', dataDir, '--restore', file], () => fake.dialogs.answers.push(1));
    await closeShell();
    expect(jobIds(`${dataDir}/console.sqlite`)).toEqual(['9']);
  });

  it("the menu's Restore from a backup… picks a file, confirms, and restarts the app to restore it", async () => {
    await launchShell(['--ui-port', '0']);
    const menu = fake.applicationMenu as { template: { submenu: { label?: string; click?: () => void }[] }[] };
    const item = menu.template[0]?.submenu.find((i) => i.label === '&Restore from a backup…');
    fake.dialogs.openFiles = ['/backups/console-2026-03-02T03-00-00-000Z-daily.sqlite'];
    fake.dialogs.answers.push(0);
    item?.click?.();
    await until(() => fake.app.relaunches.length === 1);
    expect(fake.dialogs.messageBoxes.at(-1)?.message).toBe('Restart the console and restore /backups/console-2026-03-02T03-00-00-000Z-daily.sqlite?');
    expect(fake.app.relaunches[0]?.slice(-3)).toEqual(['--restore', '/backups/console-2026-03-02T03-00-00-000Z-daily.sqlite', '--yes']);
    expect(fake.app.quitCalls).toBe(1);
  });
});
