import type { ClosedReasonCode } from '../../../shared/api/alerts';
import type { MachineView } from '../../../shared/api/views';
import type { AlertRow } from '../store/alert-repo';

export interface ClosedReason {
  code: ClosedReasonCode;
  params?: Record<string, string>;
}

/** Why an alert the rules no longer want closed, read from the machine's state now: stored as a code, rendered per viewer. */
export function closeReason(row: AlertRow, machines: readonly MachineView[]): ClosedReason {
  const m = machines.find((x) => x.id === row.machine_id);
  switch (row.kind) {
    case 'suspension':
      if (m?.scheduler === 'running') return { code: 'runs-again' };
      if (m?.scheduler === 'stopped' || m?.scheduler === 'stopping') return { code: 'issuance-stopped' };
      return m?.suspension ? { code: 'now-reports', params: { code: m.suspension.code } } : { code: 'no-longer-reported' };
    case 'stopped':
      return { code: 'started-again' };
    case 'silence':
      return { code: 'heard-again' };
    case 'unreachable':
      return { code: 'answers-again' };
    case 'encoder-wait':
      return { code: 'left-encoder-queue' };
    case 'api-refused':
      return m?.api?.state === 'unreachable' ? { code: 'stopped-answering' } : { code: 'accepts-again' };
    case 'scheduler-error':
      return m?.schedulerError ? { code: 'other-errors-now' } : { code: 'no-longer-in-error' };
    case 'message-conflict':
      return { code: 'newer-collision' };
    case 'disk-low':
      return { code: 'disk-space-back' };
    case 'backup-failed':
    case 'backup-stale':
      return { code: 'newer-backup' };
    case 'machine-warning':
      return { code: 'no-longer-reported' };
  }
}
