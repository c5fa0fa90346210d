import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { restoreFromCommandLine } from '../../../electron/core/backup/restore-cli';
import { parseCliFlags } from '../../../electron/core/config/flags';
import { workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig } from '../../helpers/core';
import { jobIds } from './helpers';

describe('the --restore and --yes flags', () => {
  it('are read from the command line, and a value given to --yes is refused', () => {
    expect(parseCliFlags(['--restore', '/backups/b.sqlite', '--yes'])).toEqual({ flags: { restore: '/backups/b.sqlite', yes: true }, problems: [] });
    expect(parseCliFlags(['--yes=no']).problems.map((p) => p.message)).toEqual(['--yes takes no value; ignored']);
  });
});

/** A terminal the test types into. */
function terminal(answer: string) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let asked = '';
  output.on('data', (d: Buffer) => {
    asked += d.toString();
    if (asked.includes('[y/N]')) input.write(`${answer}\n`);
  });
  return { terminal: { input, output }, asked: () => asked };
}

describe('restoring from a terminal', () => {
  it('asks y/N, and restores only on yes', async () => {
    const core = await startTestConsole(testConfig(), { backup: { firstDelayMs: 60 * 60_000 } });
    await core.post(workflowStarted('5'));
    const made = await core.handlers.backUpNow({});
    await core.stop();
    const file = made.ok ? (made.value.last?.file ?? '') : '';
    const target = testConfig();
    const lines: string[] = [];

    const no = terminal('n');
    expect(await restoreFromCommandLine({ file, yes: false }, target, (l) => lines.push(l), no.terminal)).toBe(false);
    expect(no.asked()).toContain(`Restore ${file} into ${target.dataDir}?`);
    expect(lines).toEqual(['not restored: not confirmed']);

    const yes = terminal('y');
    expect(await restoreFromCommandLine({ file, yes: false }, target, (l) => lines.push(l), yes.terminal)).toBe(true);
    expect(lines[1]).toContain('0 open review(s) and 0 unsettled command(s) are marked "restored: check at the machine"');
    expect(jobIds(`${target.dataDir}/console.sqlite`)).toEqual(['5']);
  });
});
