import { useShallow } from 'zustand/react/shallow';
import type { FeedAlertView } from '../../../../shared/api/feeds';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOpenFeedAlerts } from '../../store/feeds-slice';
import { useFormat } from '../format';

const ALERT_ICON: Record<FeedAlertView['kind'], string> = { 'print-failed': '✕', verification: '⚠', refused: '✕' };

/** The title and text are the core's, shown as it sends them. */
function FeedAlert({ alert }: { alert: FeedAlertView }) {
  const t = useT();
  const format = useFormat();
  const busy = useConsole(selectBusy(actionKey.feedAlert(alert.id)));
  const acknowledge = useConsole((s) => s.acknowledgeFeedAlert);
  const titleId = `feed-alert-${alert.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <section className="band-line band-bad feed-alert" role="alert" aria-labelledby={titleId} data-alert-kind={alert.kind}>
      <span className="band-icon" aria-hidden="true">
        {ALERT_ICON[alert.kind]}
      </span>
      <div className="band-text">
        <h2 id={titleId} className="band-heading">
          {alert.title}
        </h2>
        <p>
          {alert.text}{' '}
          <span className="muted">
            {t(`band:feedSource.${alert.source}`)} · {format.time(alert.at)}
          </span>
        </p>
      </div>
      <button type="button" className="btn btn-row" disabled={busy} onClick={() => void acknowledge(alert.id)}>
        <span aria-hidden="true">✓</span> {t('band:notice.acknowledge')}
      </button>
    </section>
  );
}

/**
 * Failed prints, failed verifications and deliveries refused for want of credentials, until a person acknowledges
 * them; they stay above every view.
 */
export function FeedAlerts() {
  const alerts = useConsole(useShallow(selectOpenFeedAlerts));
  return (
    <>
      {alerts.map((a) => (
        <FeedAlert key={a.id} alert={a} />
      ))}
    </>
  );
}
