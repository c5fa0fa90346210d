import { useShallow } from 'zustand/react/shallow';
import type { FeedAlertView } from '../../../../shared/api/feeds';
import { actionKey, selectBusy } from '../../store/actions';
import { useT } from '../../i18n/use-t';
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
    <section className="alert feed-alert" role="alert" aria-labelledby={titleId} data-alert-kind={alert.kind}>
      <div className="alert-icon" aria-hidden="true">
        {ALERT_ICON[alert.kind]}
      </div>
      <div className="alert-body">
        <h2 id={titleId}>{alert.title}</h2>
        <p className="alert-text">{alert.text}</p>
        <p className="muted">
          {alert.source === 'rapidadmin' ? 'RapIDadmin' : t('activity:alert.identityVerification')} · {format.time(alert.at)}
        </p>
        <div className="alert-buttons">
          <button type="button" className="btn" disabled={busy} onClick={() => void acknowledge(alert.id)}>
            <span aria-hidden="true">✓</span> {t('activity:alert.acknowledge')}
          </button>
        </div>
      </div>
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
