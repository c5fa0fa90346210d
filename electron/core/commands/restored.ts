import type { CodedText } from '../../../shared/api/coded-text';
import type { Command } from '../store/command-repo';
import type { Review } from '../store/review-repo';

/** What the machine's API said when it was read: its scheduler's status, and the jobs that wait (when offered). */
export interface MachineAnswer {
  schedulerStatus?: string | undefined;
  suspendedInstanceIds?: readonly string[] | undefined;
}

/**
 * What a reading of a machine's API settles of what a restored backup left marked on that machine. Pure. Nothing is
 * sent by it: a job still waiting clears its review's mark (it may be decided), but a decision recorded before the
 * restore may or may not have reached the machine (the job could now wait at a later step), so it fails for a person
 * to check and send again. A Resume / Stop / Start is stale by now. A job no longer waiting is left to the projection,
 * which closes its review; the outbox then settles its signal as it does for any newer message.
 */
export function restoredSettlements(
  machineId: string,
  machine: MachineAnswer,
  open: readonly Review[],
  unsettled: readonly Command[],
): { clear: number[]; fail: { id: number; outcome: CodedText }[] } {
  const still = new Set(machine.suspendedInstanceIds ?? []);
  const waiting = open.filter((r) => r.machine_id === machineId && r.restored_at && still.has(r.workflow_instance_id));
  const clear = waiting.map((r) => r.id);
  const cleared = new Set(clear);
  const fail: { id: number; outcome: CodedText }[] = [];
  for (const c of unsettled) {
    if (c.machineId !== machineId || c.restoredAt === undefined) continue;
    if (c.kind === 'signal' && c.reviewId !== undefined && cleared.has(c.reviewId)) {
      fail.push({ id: c.id, outcome: { code: 'outcomes:restoredStillWaits' } });
    } else if (c.kind !== 'signal' && machine.schedulerStatus !== undefined) {
      fail.push({ id: c.id, outcome: { code: 'outcomes:restoredNotSent', params: { status: machine.schedulerStatus } } });
    }
  }
  return { clear, fail };
}
