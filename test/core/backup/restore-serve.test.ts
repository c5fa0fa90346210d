import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, tempDir, testConfig } from '../../helpers/core';
import { startServe, type ServeProcess } from '../../helpers/serve-process';
import { corrupt, jobIds } from './helpers';

let serve: ServeProcess | undefined;
afterEach(async () => {
  await serve?.stop();
  serve = undefined;
});

/** A data directory whose database holds these jobs, and a checked backup of it. */
async function consoleWith(jobs: string[]): Promise<{ dataDir: string; backup: string }> {
  const core = await startTestConsole(testConfig(), { backup: { firstDelayMs: 60 * 60_000 } });
  for (const j of jobs) await core.post(workflowStarted(j));
  const made = await core.handlers.backUpNow({});
  await core.stop();
  if (!made.ok || made.value.last?.result !== 'ok') throw new Error('no backup');
  return { dataDir: core.config.dataDir, backup: made.value.last.file };
}

const database = (dataDir: string) => join(dataDir, 'console.sqlite');
const keptAside = (dataDir: string) => readdirSync(dataDir).filter((f) => /^console\.sqlite\.before-restore-[\dTZ-]+$/.test(f));

describe('npm run serve -- --restore <file>', () => {
  it('with --yes, puts the backup in place, keeps the database that was there aside, and starts on the backup', async () => {
    const { backup } = await consoleWith(['5']);
    const { dataDir } = await consoleWith(['9']);
    serve = await startServe(['--restore', backup, '--yes'], dataDir);
    expect(serve.output()).toContain(`restored ${backup}`);
    await serve.stop();
    serve = undefined;
    expect(jobIds(database(dataDir))).toEqual(['5']);
    const aside = keptAside(dataDir);
    expect(aside).toHaveLength(1);
    expect(jobIds(join(dataDir, aside[0] ?? ''))).toEqual(['9']);
  });

  it('refuses a backup that fails its integrity check, and starts on the database that was there', async () => {
    const { backup } = await consoleWith(Array.from({ length: 40 }, (_, i) => String(i)));
    const damaged = join(tempDir(), 'damaged.sqlite');
    copyFileSync(backup, damaged);
    corrupt(damaged);
    const { dataDir } = await consoleWith(['9']);
    serve = await startServe(['--restore', damaged, '--yes'], dataDir);
    expect(serve.output()).toMatch(/not restored: .*fails its integrity check/);
    await serve.stop();
    serve = undefined;
    expect(jobIds(database(dataDir))).toEqual(['9']);
    expect(keptAside(dataDir)).toEqual([]);
  });

  it('without --yes and without a terminal to ask on, restores nothing', async () => {
    const { backup } = await consoleWith(['5']);
    const { dataDir } = await consoleWith(['9']);
    serve = await startServe(['--restore', backup], dataDir);
    expect(serve.output()).toContain('not restored: --restore asks for a confirmation');
    await serve.stop();
    serve = undefined;
    expect(jobIds(database(dataDir))).toEqual(['9']);
    expect(existsSync(join(dataDir, 'console.sqlite.restoring'))).toBe(false);
  });
});
