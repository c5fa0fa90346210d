import { useEffect, useRef, useState } from 'react';
import { PRIORITY_ORDER, type AlertView } from '../../../../shared/api/alerts';
import { useConsole } from '../../store/context';
import { notifyAlert } from './alert-notification';
import { playAlarm } from './alert-sound';
import { soundingAlerts } from './alarm-order';

const mostUrgent = (alerts: readonly AlertView[]) =>
  PRIORITY_ORDER.find((p) => alerts.some((a) => a.priority === p)) ?? 'high';

/**
 * Sound (by the most urgent priority) and an OS notification for every alert the screen has not shown before; a
 * follow-on, a shelved or a latched alert makes no sound.
 */
export function useAlertSignals(alerts: readonly AlertView[], texts: (a: AlertView) => { title: string; body: string }): void {
  const seen = useRef(new Set<number>());
  useEffect(() => {
    const fresh = soundingAlerts(alerts).filter((a) => !seen.current.has(a.id));
    for (const a of alerts) seen.current.add(a.id);
    if (fresh.length === 0) return;
    for (const a of fresh) notifyAlert(a, texts(a));
    playAlarm(mostUrgent(fresh));
  }, [alerts, texts]);
}

/** While a line stands still, the alarm sounds again every REMIND_MS: one beep is easy to miss on a loud floor. */
export const REMIND_MS = 60_000;

/**
 * Repeats the alarm while any suspension stays open, until someone silences the reminder for the suspensions open
 * now; a new suspension sounds again. Silencing never hides the suspension: its row and buttons stay.
 */
export function useAlarmReminder(): { loud: ReadonlySet<number>; silence: () => void } {
  const alerts = useConsole((s) => s.alerts);
  const [silenced, setSilenced] = useState<ReadonlySet<number>>(new Set());
  const recordSilenced = useConsole((s) => s.recordSilenced);
  const loud = soundingAlerts(alerts).filter((a) => a.kind === 'suspension' && !silenced.has(a.id));
  const priority = mostUrgent(loud);
  useEffect(() => {
    if (loud.length === 0) return;
    const timer = setInterval(() => playAlarm(priority), REMIND_MS);
    return () => clearInterval(timer);
  }, [loud.length, priority]);
  return {
    loud: new Set(loud.map((a) => a.id)),
    silence: () => {
      const ids = alerts.filter((a) => a.kind === 'suspension').map((a) => a.id);
      setSilenced(new Set(ids));
      void recordSilenced(ids);
    },
  };
}
