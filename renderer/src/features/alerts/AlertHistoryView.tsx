import { useEffect } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { useConsole } from '../../store/context';
import { commandWord } from '../../ui/command-words';
import { ShowMore } from '../../ui/ShowMore';
import { formatDateTime, formatTime } from '../format';

function HistoryRow({ alert }: { alert: AlertView }) {
  return (
    <tr data-alert-id={alert.id}>
      <td>{formatDateTime(alert.openedAt)}</td>
      <td>{alert.machineLabel}</td>
      <td>
        <strong>{alert.title}</strong>
        {alert.code && <span className="muted mono"> {alert.code}</span>}
      </td>
      <td>
        {alert.actions.length === 0 ? (
          <span className="muted">Nobody acted from the console</span>
        ) : (
          <ul className="plain-list">
            {alert.actions.map((a, i) => (
              <li key={i}>
                {formatTime(a.at)} <strong>{commandWord(a.what)}</strong> by {a.actor} — {a.state}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {alert.closedAt ? (
          <>
            <span className="badge badge-muted">
              <span aria-hidden="true">✓</span> Closed
            </span>{' '}
            {formatDateTime(alert.closedAt)}
            {alert.closedReason && <div className="muted">{alert.closedReason}</div>}
          </>
        ) : (
          <span className="badge badge-warn">
            <span aria-hidden="true">⚠</span> Open
          </span>
        )}
      </td>
    </tr>
  );
}

/**
 * Every alert, newest first, a page at a time: when it opened, who pressed what while it was open, and what closed
 * it.
 */
export function AlertHistoryView() {
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
    <section className="panel" aria-labelledby="alert-history-title">
      <div className="panel-header">
        <h2 id="alert-history-title">Alert history</h2>
        <span className="muted">Newest first</span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          Could not load the alert history: {error}
        </p>
      )}
      {history.length === 0 ? (
        !error && <p className="muted">No alert so far.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Opened</th>
                <th scope="col">Machine</th>
                <th scope="col">Alert</th>
                <th scope="col">Who acted, and when</th>
                <th scope="col">Closed</th>
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
      <ShowMore shown={history.length} total={total} more={next !== undefined} what="alerts" onMore={loadMore} />
    </section>
  );
}
