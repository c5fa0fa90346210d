import { app, dialog, type BrowserWindow } from 'electron';
import { basename, join } from 'node:path';
import type { Handler } from '../../shared/api/dispatch';
import { fail, ok } from '../../shared/api/result';
import type { AuditExporter } from '../core/api/audit-export';

/**
 * `exportAudit` in the app: the person chooses where to save, and the main process streams the CSV to that file
 * (the core's AuditExporter): the trail never crosses IPC as one string.
 */
export function saveExport(exporter: AuditExporter, window: () => BrowserWindow | undefined): Handler<'exportAudit'> {
  return async (query) => {
    const options = {
      title: 'Export the audit trail',
      defaultPath: join(app.getPath('documents'), exporter.filename()),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    };
    const win = window();
    const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (chosen.canceled || !chosen.filePath) return ok({ kind: 'cancelled' });
    const path = chosen.filePath;
    try {
      return ok({ kind: 'saved', filename: basename(path), path, rows: await exporter.writeFile(path, query) });
    } catch (err) {
      return fail('unavailable', `could not write ${path}: ${(err as Error).message}`);
    }
  };
}
