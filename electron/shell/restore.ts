import { app, dialog, type BrowserWindow } from 'electron';
import { restoreBackup } from '../core/backup/restore';
import { parseCliFlags } from '../core/config/flags';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';
import type { ConsoleConfig } from '../core/config/schema';
import type { Logger } from './logging';

/**
 * `--restore <file>` given to the app (also how the menu item restarts it): asks first unless `--yes`, then restores
 * before the core starts. A refused restore leaves the database as it was, and the console starts on it.
 */
export async function restoreAtStart(argv: readonly string[], config: ConsoleConfig, nativeBinding: string | undefined, log: Logger): Promise<void> {
  const { restore, yes } = parseCliFlags(argv).flags;
  if (restore === undefined) return;
  // Before the core starts, the station's language is the configuration's.
  const t = translator(config.language);
  if (!yes) {
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: t('shell:restore.title'),
      message: t('shell:restore.ask', { file: restore }),
      detail: t('shell:restore.consequences'),
      buttons: [t('shell:restore.restore'), t('shell:restore.cancel')],
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
    dialog.showErrorBox(t('shell:restore.failedTitle'), t('shell:restore.failedDetail', { reason: restored.error.message }));
    return;
  }
  const { keptAside, reviews, commands } = restored.value;
  log.info(`restored ${restore}; kept aside: ${keptAside ?? 'nothing'}; marked ${reviews} review(s), ${commands} command(s)`);
}

/**
 * The menu's "Restore from a backup…": picks a file, confirms, then restarts the app with `--restore <file> --yes`,
 * so the restore happens with the console stopped (webhooks closed, database shut).
 */
export function restoreFromMenu(
  backupDir: string,
  window: () => BrowserWindow | undefined,
  language: () => Language,
  log: Logger,
): () => Promise<void> {
  return async () => {
    const parent = window();
    const t = translator(language());
    const options = {
      title: t('shell:restore.pick'),
      defaultPath: backupDir,
      properties: ['openFile' as const],
      filters: [{ name: t('shell:restore.filter'), extensions: ['sqlite'] }],
    };
    const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    const file = picked.filePaths[0];
    if (picked.canceled || file === undefined) return;
    const confirm = {
      type: 'warning' as const,
      title: t('shell:restore.title'),
      message: t('shell:restore.askRestart', { file }),
      detail: `${t('shell:restore.whileRestarting')} ${t('shell:restore.consequences')}`,
      buttons: [t('shell:restore.restartAndRestore'), t('shell:restore.cancel')],
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
