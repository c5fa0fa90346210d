import { app, dialog, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import type { AuditExport } from '../../shared/api/records';
import { fail, ok, type Result } from '../../shared/api/result';
import { exportRequest, type AuditExporter, type AuditQueryOf, type AuditTrail } from '../core/api/audit-export';

const TITLE: Record<AuditTrail, string> = {
  commands: 'Export the audit trail',
  events: 'Export the sign-ins, settings, accounts and refusals',
};

/**
 * `exportAudit` (the commands) or `exportAuditEvents` in the app: the person chooses where to save, and the main
 * process streams the CSV to that file (the core's AuditExporter): the trail never crosses IPC as one string.
 */
export function saveExport<T extends AuditTrail>(
  exporter: AuditExporter,
  trail: T,
  window: () => BrowserWindow | undefined,
): (query: AuditQueryOf<T>) => Promise<Result<AuditExport>> {
  return async (query) => {
    const options = {
      title: TITLE[trail],
      defaultPath: join(app.getPath('documents'), exporter.filename(trail)),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const win = window();
    const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return ok({ kind: 'cancelled' });
    const path = chosen.filePath;
    try {
      return ok({ kind: 'saved', filename: basename(path), path, rows: await exporter.writeFile(path, exportRequest(trail, query)) });
    } catch (err) {
      return fail('unavailable', `could not write ${path}: ${(err as Error).message}`);
    }
  };
}
