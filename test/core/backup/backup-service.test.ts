import { existsSync, mkdtempSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/core/backup/backup-files';
import { STALE_MS } from '../../../electron/core/backup/backup-rules';
import type { ConsoleOptions } from '../../../electron/core/console';
import { checkBackupFile } from '../../../electron/core/store/backup-worker';
import type { ConfigFile } from '../../../electron/core/config/schema';
import type { ConsoleEvent } from '../../../shared/api/contract';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { staysTrue } from '../../helpers/absence';
import { corrupt, HOUR, jobIds, manualClock } from './helpers';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

async function start(file: ConfigFile = {}, options: ConsoleOptions = {}, clock = manualClock()) {
  core = await startTestConsole(testConfig(file), { now: clock.now, ...options, backup: { firstDelayMs: 60 * 60_000, ...options.backup } });
  return { core, clock };
}

const backupAlert = (e: ConsoleEvent, kind: string) => (e.type === 'alerts' ? e.active.find((a) => a.kind === kind) : undefined);

describe('daily backups', () => {
  it('copies the database soon after start-up when none was made, checks it, and shows its age, size and result', async () => {
    const { core } = await start({}, { backup: { firstDelayMs: 0 } });
    await core.post(workflowStarted('5'));
    // Copy and check run in worker threads, which start slowly on a loaded machine.
    const done = await core.waitForEvent((e) => e.type === 'backup' && !e.backup.running && e.backup.last?.result === 'ok', 15_000);
    const status = done.type === 'backup' ? done.backup : undefined;
    expect(status).toMatchObject({
      dir: join(core.config.dataDir, 'backups'),
      keep: 7,
      last: { reason: 'daily', result: 'ok', startedAt: '2026-03-02T03:00:00.000Z', bytes: expect.any(Number) },
      lastGoodAt: '2026-03-02T03:00:00.000Z',
      // The next one a day after this one.
      nextAt: '2026-03-03T03:00:00.000Z',
    });
    const files = listBackups(join(core.config.dataDir, 'backups'));
    expect(files.map((f) => basename(f))).toEqual(['console-2026-03-02T03-00-00-000Z-daily.sqlite']);
    expect(await core.handlers.getBackupStatus({})).toEqual({ ok: true, value: status });
  });

  it('keeps the newest backup.keep copies and deletes the older ones', async () => {
    const { core, clock } = await start({ backup: { keep: 2 } });
    for (const jobId of ['1', '2', '3', '4']) {
      await core.post(workflowStarted(jobId));
      clock.advance(24 * HOUR);
      const made = await core.handlers.backUpNow({});
      expect(made.ok && made.value.last?.result).toBe('ok');
    }
    const files = listBackups(join(core.config.dataDir, 'backups'));
    expect(files.map((f) => basename(f))).toEqual(['console-2026-03-05T03-00-00-000Z-manual.sqlite', 'console-2026-03-06T03-00-00-000Z-manual.sqlite']);
    // Each copy holds what the database held when it was made.
    expect(files.map(jobIds)).toEqual([['1', '2', '3'], ['1', '2', '3', '4']]);
  });

  it('raises an alert when a copy fails its integrity check, and closes it once a backup passes', async () => {
    let damage = true;
    const check = async (file: string) => {
      if (damage) corrupt(file);
      return checkBackupFile(file);
    };
    const { core } = await start({}, { backup: { check } });
    for (let i = 0; i < 50; i++) await core.post(workflowStarted(String(i)));
    const failed = await core.handlers.backUpNow({});
    expect(failed.ok && failed.value.last).toMatchObject({ result: 'failed', detail: expect.stringContaining('integrity check') });
    expect(listBackups(join(core.config.dataDir, 'backups'))).toEqual([]);
    const alert = backupAlert(await core.waitForEvent((e) => backupAlert(e, 'backup-failed') !== undefined), 'backup-failed');
    expect(alert).toMatchObject({ machineLabel: 'This console', title: "The console's backup failed", action: expect.stringContaining('Back up now') });

    damage = false;
    const seen = core.events.length;
    const passed = await core.handlers.backUpNow({});
    expect(passed.ok && passed.value.last?.result).toBe('ok');
    await core.waitForEvent((e) => core!.events.indexOf(e) >= seen && e.type === 'alerts' && !e.active.some((a) => a.kind === 'backup-failed'));
    const history = await core.handlers.listAlertHistory({ limit: 5 });
    expect(history.ok && history.value.rows[0]).toMatchObject({ kind: 'backup-failed', closedReason: 'a newer backup was made and checked' });
  });

  it('raises a stale-backup alert when no backup passed for over a day while the console ran', async () => {
    const { core, clock } = await start();
    const made = await core.handlers.backUpNow({});
    expect(made.ok && made.value.last?.result).toBe('ok');
    clock.advance(STALE_MS - HOUR);
    await staysTrue(() => !core.events.some((e) => backupAlert(e, 'backup-stale')), { forMs: 1100, why: 'the alert rules run once a second' });
    clock.advance(2 * HOUR);
    const alert = backupAlert(await core.waitForEvent((e) => backupAlert(e, 'backup-stale') !== undefined), 'backup-stale');
    // Written in the station's time, as the page writes it.
    const lastGood = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-03-02T03:00:00.000Z'));
    expect(alert).toMatchObject({ title: "The console's data has no recent backup", text: expect.stringContaining(`made on ${lastGood}.`) });
  });

  it('stops promptly with the console, in the middle of a copy, and leaves no partial file', async () => {
    const { core: running } = await start({}, {});
    core = undefined;
    for (let i = 0; i < 300; i++) await running.post(workflowStarted(String(i), { Notes: 'x'.repeat(2000) }));
    const dir = join(running.config.dataDir, 'backups');
    const backingUp = running.handlers.backUpNow({});
    await running.waitForEvent((e) => e.type === 'backup' && e.backup.running);
    await running.stop();
    const status = await backingUp;
    expect(status.ok && status.value.last).toMatchObject({ result: 'failed', detail: expect.stringContaining('the console stopped') });
    expect(listBackups(dir)).toEqual([]);
  });
});

describe('where backups go', () => {
  it('warns when the backup folder is on the same disk as the data', async () => {
    const { core } = await start();
    const status = await core.handlers.getBackupStatus({});
    expect(status.ok && status.value.sameDisk).toBe(true);
  });

  it.runIf(existsSync('/dev/shm'))('does not warn when it is on another disk', async () => {
    const other = mkdtempSync('/dev/shm/ic-backups-');
    const { core } = await start({ backup: { dir: other } });
    const status = await core.handlers.getBackupStatus({});
    expect(status.ok && status.value).toMatchObject({ sameDisk: false, dir: other });
  });
});
