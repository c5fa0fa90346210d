import type { BrowserWindow } from 'electron';
import type { AuditExport } from '../../shared/api/records';
import type { Result } from '../../shared/api/result';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';
import { exportRequest, type AuditExporter, type AuditQueryOf, type AuditTrail } from '../core/api/audit-export';
import type { Caller } from '../core/people/caller';
import { saveAs } from './save-as';

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
    const ask = { title: translator(lang)(TITLE[trail]), filename: exporter.filename(trail), filter: { name: 'CSV', extensions: ['csv'] } };
    return saveAs(window(), ask, async (path) => ({ rows: await exporter.writeFile(path, exportRequest(trail, query, lang)) }));
  };
}
