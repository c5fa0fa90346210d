import type { CommandView, MachineView } from '../../../shared/api/views';
import type { ConsoleState } from './types';

export const selectMachines = (s: ConsoleState): MachineView[] => s.machines;

export const selectSuspendedMachines = (s: ConsoleState): MachineView[] => s.machines.filter((m) => m.suspension);

export const selectMachine =
  (id: string) =>
  (s: ConsoleState): MachineView | undefined =>
    s.machines.find((m) => m.id === id);

/** The newest command of a machine, optionally of given kinds: what the alert shows under its buttons. */
export const selectLatestCommand =
  (machineId: string, kinds?: readonly string[]) =>
  (s: ConsoleState): CommandView | undefined =>
    s.commands.find((c) => c.machineId === machineId && (!kinds || kinds.includes(c.kind)));

export const selectBusy =
  (machineId: string, kind: string) =>
  (s: ConsoleState): boolean =>
    s.busy[`${machineId}:${kind}`] === true;

export const selectIsTraining = (s: ConsoleState): boolean => s.mode === 'training';
