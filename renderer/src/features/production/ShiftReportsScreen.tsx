import { useEffect } from 'react';
import type { ShiftReportSummary } from '../../../../shared/api/production';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { ShowMore } from '../../ui/ShowMore';
import { useFormats } from './formats';
import { ShiftReportView } from './ShiftReportView';

function ReportRow({ row }: { row: ShiftReportSummary }) {
  const t = useT();
  const f = useFormats(row.timeZone);
  const open = useConsole((s) => s.openShiftReport);
  return (
    <tr data-report-id={row.id}>
      <th scope="row">{row.shiftName}</th>
      <td>{f.dateTime(row.from)}</td>
      <td>{f.dateTime(row.to)}</td>
      <td className="num">{f.count(row.total.completed)}</td>
      <td className="num">{f.share(row.total.yield)}</td>
      <td>{row.signedOff ? `✓ ${row.signedOff.by}` : t('report:reports.notSigned')}</td>
      <td>{row.lateMessages > 0 ? <strong>⚠ {f.count(row.lateMessages)}</strong> : '—'}</td>
      <td>
        <button type="button" className="btn btn-small" onClick={() => void open(row.id)}>
          {t('report:reports.open')}
        </button>
      </td>
    </tr>
  );
}

/** The shift reports made so far, newest first; one opened shows whole in their place. */
export function ShiftReportsScreen() {
  const t = useT();
  const list = useConsole((s) => s.shiftReports);
  const error = useConsole((s) => s.shiftReportsError);
  const load = useConsole((s) => s.loadShiftReports);
  const loadMore = useConsole((s) => s.loadMoreShiftReports);
  const opened = useConsole((s) => s.shiftReport);
  const close = useConsole((s) => s.closeShiftReport);
  useEffect(() => {
    void load();
  }, [load]);

  if (opened?.state === 'loaded') return <ShiftReportView report={opened.value} />;
  return (
    <section className="shift-reports" aria-labelledby="shift-reports-title">
      <h2 id="shift-reports-title">{t('report:reports.title')}</h2>
      {opened?.state === 'loading' && <p className="muted">{t('report:reports.loading')}</p>}
      {opened?.state === 'failed' && (
        <p className="error-text" role="alert">
          {t('report:reports.reportFailed', { reason: opened.error })}{' '}
          <button type="button" className="btn btn-small" onClick={close}>
            {t('common:close')}
          </button>
        </p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {t('report:reports.loadFailed', { reason: error })}
        </p>
      )}
      {list.rows.length === 0 ? (
        !error && <p className="muted">{t('report:reports.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                {(['shift', 'from', 'to', 'completed', 'yield', 'signOff', 'late'] as const).map((c) => (
                  <th key={c} scope="col" className={c === 'completed' || c === 'yield' ? 'num' : undefined}>
                    {t(`report:reports.${c}`)}
                  </th>
                ))}
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <ReportRow key={r.id} row={r} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ShowMore shown={list.rows.length} total={list.total} more={list.next !== undefined} what={t('report:reports.plural')} onMore={loadMore} />
    </section>
  );
}
