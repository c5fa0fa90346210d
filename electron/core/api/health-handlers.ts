import type { ConsoleHandlers } from '../../../shared/api/dispatch';
import type { MachineEvidence } from '../machines/machine-evidence';

/** The machine's own production totals and the camera's picture, asked of the machine on a person's request. */
export function healthHandlers(evidence: MachineEvidence): Pick<ConsoleHandlers, 'machineSessions' | 'reviewSnapshot'> {
  return {
    machineSessions: ({ machineId }) => evidence.sessions(machineId),
    reviewSnapshot: ({ reviewId }) => evidence.snapshot(reviewId),
  };
}
