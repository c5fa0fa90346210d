import type { AlertView } from './alerts';
import type { MachineView } from './views';

/** A scheduler in the middle of a batch: making cards, finishing the last ones, or suspended waiting for an operator. */
const ISSUING = new Set<MachineView['scheduler']>(['running', 'stopping', 'suspended']);

/**
 * Whether the screen must not go dark: while a machine is issuing an operator may be needed at any moment, and an
 * open alert must stay in view until someone deals with it. The Electron app and the served page both decide by it.
 */
export function keepDisplayAwake(machines: readonly Pick<MachineView, 'scheduler'>[], alerts: readonly Pick<AlertView, 'closedAt'>[]): boolean {
  return machines.some((m) => ISSUING.has(m.scheduler)) || alerts.some((a) => a.closedAt === undefined);
}
