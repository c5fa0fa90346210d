import { createInterface } from 'node:readline/promises';
import type { ConsoleConfig } from '../config/schema';
import { restoreBackup } from './restore';

export interface RestoreRequest {
  file: string;
  /** `--yes`: confirmed on the command line. */
  yes: boolean;
}

export interface Terminal {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * `--restore <file>` in serve mode: asks y/N on a terminal (or takes `--yes`), then restores before the console
 * starts. Whatever happens the console then starts: on the restored database, or, when the restore was refused or
 * not confirmed, on the one that was there, untouched.
 */
export async function restoreFromCommandLine(
  request: RestoreRequest,
  config: ConsoleConfig,
  log: (line: string) => void,
  terminal: Terminal = { input: process.stdin, output: process.stdout },
  now: () => Date = () => new Date(),
): Promise<boolean> {
  const question =
    `Restore ${request.file} into ${config.dataDir}? The database there now is kept aside (console.sqlite.before-restore-…); ` +
    'open reviews and unsettled commands will wait until the machines are checked. [y/N] ';
  if (!request.yes) {
    if (!terminal.input.isTTY) {
      log('not restored: --restore asks for a confirmation; run it in a terminal, or add --yes');
      return false;
    }
    const rl = createInterface({ input: terminal.input, output: terminal.output });
    const answer = await rl.question(question).finally(() => rl.close());
    if (!/^y(es)?$/i.test(answer.trim())) {
      log('not restored: not confirmed');
      return false;
    }
  }
  const restored = await restoreBackup({ file: request.file, dataDir: config.dataDir, durability: config.durability, backupDir: config.backup.dir, now });
  if (!restored.ok) {
    log(`not restored: ${restored.error.message}`);
    return false;
  }
  const { keptAside, reviews, commands } = restored.value;
  log(
    `restored ${request.file}${keptAside ? `; the database that was there is kept as ${keptAside}` : ''}. ` +
      `${reviews} open review(s) and ${commands} unsettled command(s) are marked "restored: check at the machine"`,
  );
  return true;
}
