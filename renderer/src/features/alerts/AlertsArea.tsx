import { useEffect, useRef } from 'react';
import type { AlertKind, AlertView } from '../../../../shared/api/alerts';
import { useConsole } from '../../store/context';
import { notifyAlert, useAlertNotifications } from './alert-notification';
import { playAlarm, useAlertSound } from './alert-sound';
import { NoticeAlert } from './NoticeAlert';
import { SuspensionAlert } from './SuspensionAlert';
import { SHORTCUTS, useIssuanceShortcuts } from './shortcuts';

const isNotice = (a: AlertView): a is AlertView & { kind: Exclude<AlertKind, 'suspension'> } => a.kind !== 'suspension';

/** Sound and an OS notification for every alert the screen has not shown before. */
function useAlertSignals(alerts: readonly AlertView[]): void {
  const seen = useRef(new Set<number>());
  useEffect(() => {
    const fresh = alerts.filter((a) => !seen.current.has(a.id));
    if (fresh.length === 0) return;
    for (const a of fresh) {
      seen.current.add(a.id);
      notifyAlert(a);
    }
    playAlarm();
  }, [alerts]);
}

/** Offers, until the browser allows them, the sound and the OS notifications that make an alert impossible to miss. */
function SignalSettings() {
  const { sound, enableSound } = useAlertSound();
  const { notifications, enableNotifications } = useAlertNotifications();
  const offerSound = sound === 'blocked';
  const offerNotifications = notifications === 'default';
  if (!offerSound && !offerNotifications && notifications !== 'denied' && sound !== 'unsupported') return null;
  return (
    <div className="alert-signals" role="group" aria-label="Alert sound and notifications">
      {offerSound && (
        <button type="button" className="btn btn-attention" onClick={enableSound}>
          <span aria-hidden="true">♪</span> Enable sound
        </button>
      )}
      {offerNotifications && (
        <button type="button" className="btn btn-attention" onClick={enableNotifications}>
          <span aria-hidden="true">⚑</span> Enable notifications
        </button>
      )}
      {offerSound && <span>Alerts are silent until you allow sound (the browser asks for one click).</span>}
      {sound === 'unsupported' && <span className="muted">This screen cannot play sound: watch it for alerts.</span>}
      {notifications === 'denied' && (
        <span className="muted">Notifications are blocked for this page: allow them in the browser settings.</span>
      )}
    </div>
  );
}

/** Above every view: each open alert, as the core reports them. Nothing here closes an alert by itself. */
export function AlertsArea() {
  const alerts = useConsole((s) => s.alerts);
  const suspended = alerts.filter((a) => a.kind === 'suspension').length;
  useAlertSignals(alerts);
  useIssuanceShortcuts();
  return (
    <section className="alerts-area" aria-label="Alerts">
      <SignalSettings />
      <div className="alerts" aria-live="assertive">
        {alerts.map((a) => (isNotice(a) ? <NoticeAlert key={a.id} alert={a} /> : <SuspensionAlert key={a.id} alert={a} />))}
      </div>
      {suspended > 1 && (
        <p className="muted">
          {suspended} machines wait: the keys {SHORTCUTS.resume} and {SHORTCUTS.stop} are off, so that a key never picks the
          wrong machine. Use the buttons.
        </p>
      )}
    </section>
  );
}
