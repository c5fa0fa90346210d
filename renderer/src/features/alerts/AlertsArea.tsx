import { useEffect, useRef, useState } from 'react';
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

/** While a line stands still, the alarm sounds again every REMIND_MS: one beep is easy to miss on a loud floor. */
export const REMIND_MS = 60_000;

/**
 * Repeats the alarm while any suspension stays open, until someone silences the reminder for the suspensions open
 * now; a new suspension sounds again.
 */
function useAlarmReminder(alerts: readonly AlertView[]): { waiting: number; silence: () => void } {
  const [silenced, setSilenced] = useState<ReadonlySet<number>>(new Set());
  const recordSilenced = useConsole((s) => s.recordSilenced);
  const loud = alerts.filter((a) => a.kind === 'suspension' && !silenced.has(a.id)).length;
  useEffect(() => {
    if (loud === 0) return;
    const timer = setInterval(playAlarm, REMIND_MS);
    return () => clearInterval(timer);
  }, [loud]);
  return {
    waiting: loud,
    silence: () => {
      const ids = alerts.filter((a) => a.kind === 'suspension').map((a) => a.id);
      setSilenced(new Set(ids));
      void recordSilenced(ids);
    },
  };
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
  const hold = useIssuanceShortcuts()?.action;
  const reminder = useAlarmReminder(alerts);
  return (
    <section className="alerts-area" aria-label="Alerts">
      <SignalSettings />
      {reminder.waiting > 0 && (
        <div className="alert-signals">
          <button type="button" className="btn btn-slim" onClick={reminder.silence}>
            <span aria-hidden="true">♪</span> Silence the reminder
          </button>
          <span className="muted">The alarm sounds again every minute while issuance waits.</span>
        </div>
      )}
      <div className="alerts" aria-live="assertive">
        {alerts.map((a) =>
          isNotice(a) ? (
            <NoticeAlert key={a.id} alert={a} />
          ) : (
            <SuspensionAlert key={a.id} alert={a} holding={hold?.machineId === a.machineId ? hold.kind : undefined} />
          ),
        )}
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
