import { app, dialog, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import type { AuditExport } from '../../shared/api/records';
import { fail, ok, type Result } from '../../shared/api/result';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';
import { exportRequest, type AuditExporter, type AuditQueryOf, type AuditTrail } from '../core/api/audit-export';
import type { Caller } from '../core/people/caller';

const TITLE: Record<AuditTrail, string> = { commands: 'shell:save.auditCommands', events: 'shell:save.auditEvents' };

/**
 * `exportAudit` (the commands) or `exportAuditEvents` in the app: the person chooses where to save, and the main
 * process streams the CSV to that file (the core's AuditExporter): the trail never crosses IPC as one string. The
 * dialog and the CSV are in the language of whoever exports.
 */
export function saveExport<T extends AuditTrail>(
  exporter: AuditExporter,
  trail: T,
  window: () => BrowserWindow | undefined,
  languageOf: (caller: Caller) => Language,
): (query: AuditQueryOf<T>, caller: Caller) => Promise<Result<AuditExport>> {
  return async (query, caller) => {
    const lang = languageOf(caller);
    const options = {
      title: translator(lang)(TITLE[trail]),
      defaultPath: join(app.getPath('documents'), exporter.filename(trail)),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const win = window();
    const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return ok({ kind: 'cancelled' });
    const path = chosen.filePath;
    try {
      return ok({ kind: 'saved', filename: basename(path), path, rows: await exporter.writeFile(path, exportRequest(trail, query, lang)) });
    } catch (err) {
      return fail('unavailable', `could not write ${path}: ${(err as Error).message}`);
    }
  };
}
