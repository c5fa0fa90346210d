import type { CommandView, JobView, MachineView } from '../../../shared/api/views';
import type { ConsoleState } from './types';

export const selectMachines = (s: ConsoleState): MachineView[] => s.machines;

export const selectMachine =
  (id: string) =>
  (s: ConsoleState): MachineView | undefined =>
    s.machines.find((m) => m.id === id);

/** The newest command of a machine, optionally of given kinds: what the alert shows under its buttons. */
export const selectLatestCommand =
  (machineId: string, kinds?: readonly string[]) =>
  (s: ConsoleState): CommandView | undefined =>
    s.commands.find((c) => c.machineId === machineId && (!kinds || kinds.includes(c.kind)));

export const selectIsTraining = (s: ConsoleState): boolean => s.mode === 'training';

/** The job at a row of the queue, when its page has been fetched. */
export const selectJobAt =
  (index: number) =>
  (s: ConsoleState): JobView | undefined =>
    s.jobRows.rows[index];

/** A machine's name as the operator knows it; the id itself for one the console does not list. */
export const selectMachineLabel =
  (id: string) =>
  (s: ConsoleState): string =>
    s.machines.find((m) => m.id === id)?.label ?? id;
