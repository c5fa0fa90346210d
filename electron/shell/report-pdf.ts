import type { BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { ShiftReportPdf } from '../../shared/api/production';
import { fail, type Result } from '../../shared/api/result';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';
import type { Caller, CoreHandlers } from '../core/people/caller';
import { shiftReportFilename } from '../core/production/report-filename';
import { saveAs } from './save-as';

/**
 * The same A4 print stylesheet as a browser's print in serve mode; `preferCSSPageSize` lets its `@page` rule (size
 * and margins) win over Electron's defaults, and backgrounds keep the charts' bars.
 */
export const PDF_OPTIONS = { pageSize: 'A4', printBackground: true, preferCSSPageSize: true } as const;

/**
 * `saveShiftReportPdf` in the app: the person chooses where to save, and the main process prints the console's
 * window to PDF and writes it there. The page is showing the report when its button is pressed, so the window's
 * print media (the report alone) is that report. The save dialog speaks the caller's language.
 */
export function saveReportPdf(
  report: CoreHandlers['shiftReport'],
  window: () => BrowserWindow | undefined,
  languageOf: (caller: Caller) => Language,
): (params: { id: number }, caller: Caller) => Promise<Result<ShiftReportPdf>> {
  return async ({ id }, caller) => {
    const found = await report({ id }, caller);
    if (!found.ok) return found;
    const win = window();
    if (!win || win.isDestroyed()) return fail('unavailable', 'the console window is closed: open it and try again');
    const ask = {
      title: translator(languageOf(caller))('shell:save.shiftReportPdf'),
      filename: shiftReportFilename(found.value, 'pdf'),
      filter: { name: 'PDF', extensions: ['pdf'] },
    };
    return saveAs(win, ask, async (path) => {
      await writeFile(path, await win.webContents.printToPDF(PDF_OPTIONS));
      return {};
    });
  };
}
