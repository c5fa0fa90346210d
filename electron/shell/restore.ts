import { app, dialog, type BrowserWindow } from 'electron';
import { restoreBackup } from '../core/backup/restore';
import { parseCliFlags } from '../core/config/flags';
import type { ConsoleConfig } from '../core/config/schema';
import type { Logger } from './logging';

const CONSEQUENCES =
  'The database in use now is kept aside (console.sqlite.before-restore-…), not deleted. Open reviews and unsettled ' +
  'commands from the backup are not sent by themselves: each is marked "restored: check at the machine" until the ' +
  "machine's list of suspended jobs, or a newer message from it, settles it.";

/**
 * `--restore <file>` given to the app (also how the menu item restarts it): asks first unless `--yes`, then restores
 * before the core starts. A refused restore leaves the database as it was, and the console starts on it.
 */
export async function restoreAtStart(argv: readonly string[], config: ConsoleConfig, nativeBinding: string | undefined, log: Logger): Promise<void> {
  const { restore, yes } = parseCliFlags(argv).flags;
  if (restore === undefined) return;
  if (!yes) {
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Restore a backup',
      message: `Restore the backup ${restore}?`,
      detail: CONSEQUENCES,
      buttons: ['Restore', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    });
    if (response !== 0) {
      log.info(`restore of ${restore} cancelled`);
      return;
    }
  }
  const { dataDir, durability } = config;
  const restored = await restoreBackup({ file: restore, dataDir, durability, backupDir: config.backup.dir, now: () => new Date(), nativeBinding });
  if (!restored.ok) {
    log.warn(`not restored: ${restored.error.message}`);
    dialog.showErrorBox('The backup was not restored', `${restored.error.message}\n\nThe console starts on the database it had.`);
    return;
  }
  const { keptAside, reviews, commands } = restored.value;
  log.info(`restored ${restore}; kept aside: ${keptAside ?? 'nothing'}; marked ${reviews} review(s), ${commands} command(s)`);
}

/**
 * The menu's "Restore from a backup…": picks a file, confirms, then restarts the app with `--restore <file> --yes`,
 * so the restore happens with the console stopped (webhooks closed, database shut).
 */
export function restoreFromMenu(backupDir: string, window: () => BrowserWindow | undefined, log: Logger): () => Promise<void> {
  return async () => {
    const parent = window();
    const options = {
      title: 'Restore from a backup',
      defaultPath: backupDir,
      properties: ['openFile' as const],
      filters: [{ name: 'Console backups', extensions: ['sqlite'] }],
    };
    const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const file = picked.filePaths[0];
    if (picked.canceled || file === undefined) return;
    const confirm = {
      type: 'warning' as const,
      title: 'Restore a backup',
      message: `Restart the console and restore ${file}?`,
      detail: `Webhooks are not received while it restarts. ${CONSEQUENCES}`,
      buttons: ['Restart and restore', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
    };
    const { response } = parent ? await dialog.showMessageBox(parent, confirm) : await dialog.showMessageBox(confirm);
    if (response !== 0) return;
    log.info(`restarting to restore ${file}`);
    app.relaunch({ args: [...relaunchArgs(process.argv.slice(1)), '--restore', file, '--yes'] });
    app.quit();
  };
}

/** This launch's arguments without a restore it already did. */
export function relaunchArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--yes' || a.startsWith('--restore=')) continue;
    if (a === '--restore') {
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}
