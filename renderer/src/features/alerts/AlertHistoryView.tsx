import { useEffect } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { closedReasonText } from '../../../../shared/alerts/alert-texts';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { translateCommand } from '../../ui/command-words';
import { ShowMore } from '../../ui/ShowMore';
import { useFormat } from '../format';
import { AlarmKpis } from './AlarmKpis';
import { PriorityMark } from './PriorityMark';
import { useAlertTexts } from './use-alert-texts';

function HistoryRow({ alert }: { alert: AlertView }) {
  const t = useT();
  const texts = useAlertTexts(alert);
  const reason = closedReasonText(t, alert);
  const format = useFormat();
  return (
    <tr data-alert-id={alert.id}>
      <td>{format.dateTime(alert.openedAt)}</td>
      <td>{texts.subject}</td>
      <td>
        <PriorityMark priority={alert.priority} /> <strong>{texts.title}</strong>
        {alert.code && <span className="muted mono"> {alert.code}</span>}
        {alert.suppressedBy !== undefined && <div className="muted">{t('alarmHistory:history.followOn')}</div>}
      </td>
      <td>
        {alert.actions.length === 0 ? (
          <span className="muted">{t('alarmHistory:history.nobodyActed')}</span>
        ) : (
          <ul className="plain-list">
            {alert.actions.map((a, i) => (
              <li key={i}>
                {format.time(a.at)} <strong>{translateCommand(t, a.what)}</strong> {t('alarmHistory:history.by', { actor: a.actor })} —{' '}
                {t(`commands:state.${a.state}`, { defaultValue: a.state })}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {alert.closedAt ? (
          <>
            <span className="badge badge-muted">
              <span aria-hidden="true">✓</span> {t('alarmHistory:history.closed')}
            </span>{' '}
            {format.dateTime(alert.closedAt)}
            {reason && <div className="muted">{reason}</div>}
          </>
        ) : (
          <span className="badge badge-warn">
            <span aria-hidden="true">⚠</span> {t('alarmHistory:history.open')}
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * The alarm figures, then every alert, newest first, a page at a time: when it opened, who pressed what while it was
 * open, and what closed it.
 */
export function AlertHistoryView() {
  const t = useT();
  const { rows: history, next, total } = useConsole((s) => s.alertHistory);
  const active = useConsole((s) => s.alerts);
  const load = useConsole((s) => s.loadAlertHistory);
  const loadMore = useConsole((s) => s.loadMoreAlertHistory);
  const error = useConsole((s) => s.alertHistoryError);
  // The open alerts changing means the history changed: fetch it again.
  useEffect(() => {
    void load();
  }, [load, active]);

  return (
    <>
      <AlarmKpis />
      <section className="panel" aria-labelledby="alert-history-title">
        <div className="panel-header">
          <h2 id="alert-history-title">{t('alarmHistory:history.title')}</h2>
          <span className="muted">{t('alarmHistory:history.newestFirst')}</span>
        </div>
        {error && (
          <p className="error-text" role="alert">
            {t('alarmHistory:history.failed', { error })}
          </p>
        )}
        {history.length === 0 ? (
          !error && <p className="muted">{t('alarmHistory:history.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('alarmHistory:history.opened')}</th>
                  <th scope="col">{t('alarmHistory:history.machine')}</th>
                  <th scope="col">{t('alarmHistory:history.alert')}</th>
                  <th scope="col">{t('alarmHistory:history.whoActed')}</th>
                  <th scope="col">{t('alarmHistory:history.closedColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((a) => (
                  <HistoryRow key={a.id} alert={a} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ShowMore shown={history.length} total={total} more={next !== undefined} what={t('alarmHistory:history.what')} onMore={loadMore} />
      </section>
    </>
  );
}
