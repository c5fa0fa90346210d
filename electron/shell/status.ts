import type { AlertView } from '../../shared/api/alerts';
import { keepDisplayAwake } from '../../shared/api/keep-awake';
import type { MachineView } from '../../shared/api/views';
import type { Language } from '../../shared/i18n/languages';
import type { RunningConsole } from '../core/console';
import { trayStatus, type TrayState } from './tray-state';

const ISSUING = new Set(['running', 'stopping', 'suspended']);

/**
 * The machines' state as the shell needs it (tray, display sleep, quit confirmation), kept from the core's own
 * events: the same snapshot the window starts from, then every machines and alerts update. The tray's words are in
 * the station's language (`language`), shown again by `refresh` when it changes.
 */
export function watchStatus(
  core: RunningConsole,
  language: () => Language,
  show: (status: { state: TrayState; tooltip: string }, language: Language) => void,
  keepAwake: (needed: boolean) => void,
) {
  let machines: MachineView[] = [];
  let alerts: AlertView[] = [];
  const refresh = () => {
    const lang = language();
    show(trayStatus(machines, alerts, core.mode, lang), lang);
    keepAwake(keepDisplayAwake(machines, alerts));
  };
  core.onEvent((event) => {
    if (event.type === 'machines') machines = event.machines;
    else if (event.type === 'alerts') alerts = event.active;
    else return;
    refresh();
  });
  refresh();
  // The shell reads as a session of its own, nobody signed in: what the tray shows is no one's action.
  const session = core.people.open('app');
  const caller = core.people.callerFor(session, 'getSnapshot');
  if (caller) {
    void core.handlers
      .getSnapshot({}, caller)
      .then((snapshot) => {
        if (!snapshot.ok) return;
        machines = snapshot.value.machines;
        alerts = snapshot.value.alerts;
        refresh();
      })
      .finally(() => core.people.close(session));
  }
  return {
    refresh,
    /** Machines in the middle of a batch: running, stopping, or suspended waiting for an operator. */
    busyMachines: () => machines.filter((m) => m.actionable && ISSUING.has(m.scheduler)).map((m) => m.label),
  };
}
