import type { HealthWarning, MachineHealthView } from '../../../shared/api/machine-health';
import type { MachineStatusRead } from '../aida/health-answers';

/**
 * The machine's `SystemErrorCodes` that announce a stop before it happens: issuance goes on, and stops when nobody acts.
 * Every other code the machine reports is read as stopping or blocking now (a code of another version too: never
 * played down on a guess).
 */
const AHEAD = new Set(['cartridgelow', 'cartridgeexpiring', 'cartridgewarning', 'printheadwarming']);

/** What the machine's health reads mean for the line: the warnings, most urgent first. Pure. */
export function healthWarnings(systemErrors: readonly string[] | undefined, machine: MachineStatusRead | undefined): HealthWarning[] {
  const warnings: HealthWarning[] = (systemErrors ?? []).map((code) => ({ code, level: AHEAD.has(code.toLowerCase()) ? 'ahead' : 'now' }));
  const feeders = machine?.feeders ?? [];
  // One feeder empty while another still feeds: the line stops when the others run out. The machine reports no
  // "nearly empty"; this is the only early sign it gives of an empty feeder.
  const ready = feeders.filter((f) => f.status.toLowerCase() === 'ready').length;
  if (ready > 0 && machine?.allFeedersEmpty !== true) {
    for (const f of feeders) if (f.status.toLowerCase() === 'feederempty') warnings.push({ code: 'FeederEmpty', level: 'ahead', subject: f.name });
  }
  const rank = (w: HealthWarning) => (w.level === 'now' ? 0 : 1);
  return warnings.sort((a, b) => rank(a) - rank(b));
}

/** The health view of one read of the machine; each part only where the machine answered it. */
export function healthView(
  at: string,
  system: { status?: string; errors: string[] } | undefined,
  machine: MachineStatusRead | undefined,
  offers: MachineHealthView['offers'],
): MachineHealthView {
  const view: MachineHealthView = { at, warnings: healthWarnings(system?.errors, machine), offers };
  if (system?.status) view.systemStatus = system.status;
  if (system) view.systemErrors = system.errors;
  if (machine) {
    view.interlocks = machine.laserBoards.flatMap((b) => b.interlocks);
    view.feeders = machine.feeders;
    view.transport = { modules: machine.modules, ...(machine.transportBusy !== undefined ? { busy: machine.transportBusy } : {}) };
    view.laserBoards = machine.laserBoards.map(({ interlocks: _i, ...board }) => board);
  }
  return view;
}
