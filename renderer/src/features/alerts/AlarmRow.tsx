import type { ReactNode } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { useT } from '../../i18n/use-t';
import { formatWaiting } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { formatTime } from '../format';
import { SignInToAct } from '../people/SignInToAct';
import { PriorityMark } from './PriorityMark';
import { useAlertTexts } from './use-alert-texts';

/**
 * One alert in the band, on one line: priority (colour, shape, word), FIRST for the first of a burst, what and where,
 * since when, and its buttons within reach. Pressing the heading opens its details ("What to do"), which the only or
 * the selected alert shows at once; follow-on alerts of the same cause fold under it.
 */
export function AlarmRow({
  alert,
  followOn,
  expanded,
  onToggle,
  buttons,
  details,
  actionSuffix,
  state,
  outcome,
}: {
  alert: AlertView;
  followOn: readonly AlertView[];
  expanded: boolean;
  onToggle: () => void;
  buttons: ReactNode;
  /** What only this kind shows when open (a machine's note, why there is no Resume, the command's fate). */
  details?: ReactNode;
  /** Added after "What to do" (a suspension: "Then press Resume."). */
  actionSuffix?: string | undefined;
  /** What state the alert holds the machine in, said first ("Issuance suspended — waiting for you"). */
  state?: string;
  /** Shown folded or not: a pressed button's fate must stay in view. */
  outcome?: ReactNode;
}) {
  const t = useT();
  const now = useNow();
  const texts = useAlertTexts(alert);
  const titleId = `alert-${alert.id}`;
  return (
    <section
      className={`alarm-row priority-row-${alert.priority}${expanded ? ' alarm-row-open' : ''}${alert.latched ? ' alarm-row-latched' : ''}`}
      role="alert"
      aria-labelledby={titleId}
      data-alert-code={alert.code}
      data-alert-kind={alert.kind}
      data-priority={alert.priority}
    >
      <div className="alarm-line">
        <PriorityMark priority={alert.priority} />
        {alert.firstOut && (
          <span className="first-out" title={t('band:row.firstOutNote')}>
            {t('band:row.firstOut')}
          </span>
        )}
        <h2 id={titleId} className="alarm-title">
          <button type="button" className="alarm-toggle" aria-expanded={expanded} onClick={onToggle}>
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {texts.heading}
          </button>
        </h2>
        {alert.latched && <span className="latched-word">{t('band:row.latched')}</span>}
        {followOn.length > 0 && <span className="follow-on-count">{t('band:row.followOn', { count: followOn.length })}</span>}
        {/* Ticks every second: kept out of the live region, so that a screen reader announces the alert once. */}
        <span className="alarm-since" aria-hidden="true" title={t('band:row.since', { time: formatTime(alert.openedAt) })}>
          {formatWaiting(alert.openedAt, now)}
        </span>
        <div className="alarm-buttons">{buttons}</div>
      </div>
      <SignInToAct />
      {outcome}
      {expanded && (
        <div className="alarm-details">
          <p className="alert-text">
            {state && <strong className="alarm-state">{state} </strong>}
            {texts.text}
            {texts.action && (
              <span className="alert-action">
                {' '}
                <strong>{t('band:row.whatToDo')}</strong> {texts.action}
                {actionSuffix ? ` ${actionSuffix}` : ''}
              </span>
            )}
          </p>
          {details}
          {followOn.length > 0 && <FollowOn alerts={followOn} />}
        </div>
      )}
    </section>
  );
}

function FollowOnItem({ alert }: { alert: AlertView }) {
  const texts = useAlertTexts(alert);
  return (
    <li data-alert-kind={alert.kind}>
      {texts.heading} <span className="muted">({formatTime(alert.openedAt)})</span>
    </li>
  );
}

/** What the root's cause raised besides: recorded, never sounded, listed so that nobody wonders where it went. */
function FollowOn({ alerts }: { alerts: readonly AlertView[] }) {
  const t = useT();
  return (
    <div className="follow-on">
      <p className="muted">{t('band:row.followOnNote')}</p>
      <ul>
        {alerts.map((a) => (
          <FollowOnItem key={a.id} alert={a} />
        ))}
      </ul>
    </div>
  );
}
