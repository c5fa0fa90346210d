import type { AlertKind, AlertView } from '../../../../shared/api/alerts';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectReadOnly } from '../../store/people-slice';
import { formatWaiting } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { formatTime } from '../format';
import { SignInToAct } from '../people/SignInToAct';

const LOOK: Record<Exclude<AlertKind, 'suspension'>, { icon: string; word: string; withMachine: boolean }> = {
  stopped: { icon: '■', word: 'Issuance stopped with an error', withMachine: true },
  silence: { icon: '…', word: 'Machine silent', withMachine: false },
  unreachable: { icon: '⚡', word: 'Machine not answering', withMachine: false },
  'encoder-wait': { icon: '◷', word: 'Card waiting in the encoder', withMachine: true },
  'message-conflict': { icon: '≠', word: 'Two messages under one MessageId', withMachine: false },
  'api-refused': { icon: '⚿', word: 'Machine refuses the console', withMachine: false },
  'scheduler-error': { icon: '⚠', word: 'Issuance in error', withMachine: true },
  'disk-low': { icon: '⛁', word: 'Disk almost full', withMachine: false },
  'backup-failed': { icon: '⛁', word: 'Backup failed', withMachine: false },
  'backup-stale': { icon: '⛁', word: 'No recent backup', withMachine: false },
};

/**
 * Alerts that do not hold issuance waiting on a button here (a stop with an error, a silent or unreachable machine, a
 * card left in the encoder): their text, what to do, and Acknowledge once someone has seen to it.
 */
export function NoticeAlert({ alert }: { alert: AlertView & { kind: Exclude<AlertKind, 'suspension'> } }) {
  const busy = useConsole(selectBusy(actionKey.alert(alert.id)));
  const acknowledge = useConsole((s) => s.acknowledgeAlert);
  const showView = useConsole((s) => s.showView);
  const readOnly = useConsole(selectReadOnly);
  const now = useNow();
  const look = LOOK[alert.kind];
  const titleId = `alert-${alert.id}`;

  return (
    <section className={`alert alert-notice alert-${alert.kind}`} role="alert" aria-labelledby={titleId} data-alert-code={alert.code} data-alert-kind={alert.kind}>
      <div className="alert-icon" aria-hidden="true">
        {look.icon}
      </div>
      <div className="alert-body">
        <p className="alert-state">{look.word}</p>
        <h2 id={titleId}>
          {alert.title}
          {look.withMachine ? ` — ${alert.machineLabel}` : ''}
        </h2>
        <p className="alert-text">{alert.text}</p>
        {alert.action && (
          <p className="alert-action">
            <strong>What to do:</strong> {alert.action}
          </p>
        )}
        <p className="muted">
          {/* The alert is a live region: a screen reader hears it once, not the age ticking every second. */}
          Since {formatTime(alert.openedAt)} <span aria-hidden="true">({formatWaiting(alert.openedAt, now)})</span>
        </p>
        <div className="alert-buttons">
          {alert.kind === 'encoder-wait' && (
            <button type="button" className="btn" onClick={() => showView('reviews')}>
              <span aria-hidden="true">☰</span> Open reviews
            </button>
          )}
          <button
            type="button"
            className="btn"
            disabled={busy || readOnly}
            onClick={() => void acknowledge(alert.id)}
          >
            <span aria-hidden="true">✓</span> Acknowledge
          </button>
        </div>
        <SignInToAct />
      </div>
    </section>
  );
}
