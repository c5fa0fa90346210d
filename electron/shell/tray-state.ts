import type { AlertView } from '../../shared/api/alerts';
import type { MachineView } from '../../shared/api/views';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';

export type TrayState = 'running' | 'alert' | 'stopped';

/** Worst first: an operator is needed, then a line not issuing, then all issuing. */
const RANK: Record<TrayState, number> = { alert: 2, stopped: 1, running: 0 };

/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127;

function machineState(machine: MachineView, alerting: ReadonlySet<string>): TrayState {
  if (machine.suspension || machine.scheduler === 'suspended' || alerting.has(machine.id)) return 'alert';
  return machine.scheduler === 'running' || machine.scheduler === 'stopping' ? 'running' : 'stopped';
}

/** What the tray shows: the worst state of any machine, and each machine's own state in the tooltip, in `lang`. */
export function trayStatus(
  machines: readonly MachineView[],
  activeAlerts: readonly AlertView[],
  mode: 'training' | 'live',
  lang: Language,
): { state: TrayState; tooltip: string } {
  const t = translator(lang);
  const word = (state: TrayState) => t(`shell:tray.state.${state}`);
  const alerting = new Set(activeAlerts.filter((a) => !a.closedAt).map((a) => a.machineId));
  const states = machines.map((m) => ({ label: m.label, state: machineState(m, alerting) }));
  const state = states.reduce<TrayState>((worst, m) => (RANK[m.state] > RANK[worst] ? m.state : worst), states.length ? 'running' : 'stopped');
  const head = t(mode === 'training' ? 'shell:tray.headTraining' : 'shell:tray.head', { state: word(state) });
  const detail = states.length ? states.map((m) => `${m.label} ${word(m.state)}`).join(', ') : t('shell:tray.noMachine');
  const tooltip = `${head} — ${detail}`;
  return { state, tooltip: tooltip.length > TOOLTIP_MAX ? `${tooltip.slice(0, TOOLTIP_MAX - 1)}…` : tooltip };
}
