import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AlertView } from '../../../../shared/api/alerts';
import type { MachineView } from '../../../../shared/api/views';
import { selectSuspensionAlerts } from '../../store/alerts-slice';
import { useConsole } from '../../store/context';

/**
 * Single keys for the frequent actions that destroy nothing: R resumes and S stops (gracefully) the one suspended
 * machine. Abort, Reject and Failed never have a single key: they cost cards, so they always go through a dialog.
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

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The suspension the shortcuts act on: only when exactly one machine waits, so a key can never pick the wrong one. */
export function useShortcutTarget(): AlertView | undefined {
  const suspensions = useConsole(useShallow(selectSuspensionAlerts));
  return suspensions.length === 1 ? suspensions[0] : undefined;
}

export function useIssuanceShortcuts(): void {
  const target = useShortcutTarget();
  const machine = useConsole((s) => (target ? s.machines.find((m) => m.id === target.machineId) : undefined));
  const resume = useConsole((s) => s.resume);
  const stop = useConsole((s) => s.stop);
  useEffect(() => {
    if (!target || !canAct(machine)) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.repeat || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      // A dialog is asking something: a stray key must not act behind it.
      if (document.querySelector('[aria-modal="true"]')) return;
      const key = e.key.toUpperCase();
      if (key === SHORTCUTS.resume && offersResume(machine)) {
        e.preventDefault();
        void resume(target.machineId);
      } else if (key === SHORTCUTS.stop) {
        e.preventDefault();
        void stop(target.machineId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target, machine, resume, stop]);
}
