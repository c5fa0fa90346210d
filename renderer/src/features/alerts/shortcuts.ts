import { useShallow } from 'zustand/react/shallow';
import type { AlertView } from '../../../../shared/api/alerts';
import type { MachineView } from '../../../../shared/api/views';
import { selectSuspensionAlerts } from '../../store/alerts-slice';
import { useConsole } from '../../store/context';
import { selectOffer } from '../../store/people-slice';
import { useFloorKeys, type Hold } from '../keyboard/use-floor-keys';

/**
 * Keys for the frequent actions that destroy nothing: holding R resumes and holding S stops (gracefully) the one
 * suspended machine. They drive a machine, so a tap never does (a scanner taps keys: see keyboard/use-floor-keys.ts).
 * The letters are R and S in every language: they are not translated, so that the key on the button, the key on the
 * keyboard and the instructions on the floor stay the same. Abort, Reject and Failed never have a key: they cost
 * cards, so they always go through a dialog.
 */
export const SHORTCUTS = { resume: 'R', stop: 'S' } as const;

/**
 * Whether Resume is offered: the core's machine view says whether its suspension can be resumed, and the UI never
 * works that out itself. Without a view yet (the alert may arrive first) Resume is offered: the core refuses one
 * that is not allowed, with its reason, which the failure panel shows.
 */
export const offersResume = (machine: MachineView | undefined): boolean => machine?.suspension?.resumable ?? true;

/** Whether the console may act on the machine: not on one it reports unknown; without a view yet, the core decides. */
export const canAct = (machine: MachineView | undefined): boolean => machine?.actionable !== false;

/** The suspension the shortcuts act on: only when exactly one machine waits, so a key can never pick the wrong one. */
export function useShortcutTarget(): AlertView | undefined {
  const suspensions = useConsole(useShallow(selectSuspensionAlerts));
  return suspensions.length === 1 ? suspensions[0] : undefined;
}

/** What a held shortcut does, and on which machine. */
export interface ShortcutAction {
  id: string;
  kind: 'resume' | 'stop';
  machineId: string;
}

/**
 * Hold R to resume, hold S to stop the one suspended machine; returns the hold in progress, which the alert shows
 * filling its button. Scanner bursts go to the screen that takes scans, never here.
 */
export function useIssuanceShortcuts(): Hold<ShortcutAction> | undefined {
  const target = useShortcutTarget();
  const machine = useConsole((s) => (target ? s.machines.find((m) => m.id === target.machineId) : undefined));
  const resume = useConsole((s) => s.resume);
  const stop = useConsole((s) => s.stop);
  // A key acts only for someone who may: never while nobody is signed in, never for a role the core would refuse.
  const on = { machineId: target?.machineId ?? '' };
  const mayResume = useConsole(selectOffer('resume', on)) === 'allowed';
  const mayStop = useConsole(selectOffer('stop', on)) === 'allowed';
  return useFloorKeys<ShortcutAction>(
    (key) => {
      if (!target || !canAct(machine)) return undefined;
      const letter = key.toUpperCase();
      const on = target.machineId;
      if (letter === SHORTCUTS.resume && mayResume && offersResume(machine)) return { id: `resume/${on}`, kind: 'resume', machineId: on };
      if (letter === SHORTCUTS.stop && mayStop) return { id: `stop/${on}`, kind: 'stop', machineId: on };
      return undefined;
    },
    (action) => void (action.kind === 'resume' ? resume(action.machineId) : stop(action.machineId)),
  );
}
