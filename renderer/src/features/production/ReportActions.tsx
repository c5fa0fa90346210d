import { useState } from 'react';
import type { ShiftReport } from '../../../../shared/api/production';
import { useT } from '../../i18n/use-t';
import { selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { productionActionKey } from '../../store/production-slice';
import { saveText } from '../../ui/download';

/** Above a shift report, on screen only: back to the list, the CSV, and the PDF (saved by the app, or the browser's print). */
export function ReportActions({ report }: { report: ShiftReport }) {
  const t = useT();
  const exportReport = useConsole((s) => s.exportShiftReport);
  const exporting = useConsole(selectBusy(productionActionKey.export(report.id)));
  const close = useConsole((s) => s.closeShiftReport);
  const savePdf = useConsole((s) => s.saveShiftReportPdf);
  const savingPdf = useConsole(selectBusy(productionActionKey.pdf(report.id)));
  // Where the app wrote this report's PDF; a closed save dialog or the browser's print says nothing here.
  const [saved, setSaved] = useState<{ id: number; path: string } | undefined>();
  return (
    <div className="report-actions screen-only">
      <button type="button" className="btn btn-small" onClick={close}>
        <span aria-hidden="true">← </span>
        {t('report:reports.back')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={exporting}
        onClick={() => void exportReport(report.id).then((file) => file && saveText(file.filename, file.content, 'text/csv'))}
      >
        {t('report:export.csv')}
      </button>
      {/* One print stylesheet for A4: Electron's printToPDF in the app, the browser's print dialog in serve mode. */}
      <button
        type="button"
        className="btn btn-small"
        disabled={savingPdf}
        onClick={() => void savePdf(report.id).then((done) => done?.kind === 'saved' && setSaved({ id: report.id, path: done.path }))}
      >
        {t('report:export.pdf')}
      </button>
      {saved?.id === report.id && (
        <p className="muted saved-to" role="status">
          {t('report:export.savedTo', { path: saved.path })}
        </p>
      )}
    </div>
  );
}
