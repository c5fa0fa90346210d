import { CONSOLE_SUBJECT, type AlertKind } from '../../../shared/api/alerts';
import { machineWarningCode } from '../../../shared/alerts/machine-warning-code';
import type { MachineView } from '../../../shared/api/views';

/** An alert that should be open now, as the pure rules see the machines; keyed so the tracker can diff. */
export interface WantedAlert {
  machineId: string;
  kind: AlertKind;
  code?: string;
  detail?: string;
}

export const alertKey = (a: { machineId: string; kind: string; code?: string | undefined }) => `${a.machineId}|${a.kind}|${a.code ?? ''}`;

/**
 * The machine's warnings before a stop that ask a person to act. The print head warming up is one too, and asks
 * nothing of anyone: it stays in the health panel.
 */
const WARNINGS_TO_ACT_ON = new Set(['cartridgelow', 'cartridgeexpiring', 'cartridgewarning', 'feederempty']);

/** Stop reasons that mean something went wrong, as opposed to a batch ending or a person stopping it. */
const ERROR_STOPS = new Set(['CardJam', 'UnhandledException', 'WebhooksServerUnreachable', 'InvalidDataSourceConfiguration', 'TransportResetFailed']);

export interface RuleInput {
  machines: readonly MachineView[];
  now: number;
  silenceMs: number;
  unreachable: ReadonlySet<string>;
  /** Per machine, the newest message that reused another's MessageId with a different body. */
  conflicts: readonly { machineId: string; seq: number; conflictsWith: number }[];
  /** Encoder reviews waiting longer than allowed: machine id and review id. */
  waitingEncoders: readonly { machineId: string; reviewId: number; since: string }[];
  /** The data volume's free space, when it is low (disk-space.ts decides). */
  lowDisk?: { freeBytes: number } | undefined;
  /** A failed or stale backup (backup/backup-rules.ts decides). */
  backup?: { kind: 'backup-failed' | 'backup-stale'; detail: string } | undefined;
}

/** Which alerts should be open. Pure: the tracker opens what is new and closes what is no longer wanted. */
export function wantedAlerts(input: RuleInput): WantedAlert[] {
  const wanted: WantedAlert[] = [];
  for (const m of input.machines) {
    if (m.suspension) wanted.push({ machineId: m.id, kind: 'suspension', code: m.suspension.code });
    if (m.scheduler === 'stopped' && m.stopReason && ERROR_STOPS.has(m.stopReason)) {
      wanted.push({ machineId: m.id, kind: 'stopped', code: m.stopReason });
    }
    const last = m.lastMessageAt ? Date.parse(m.lastMessageAt) : undefined;
    if (m.scheduler === 'running' && last !== undefined && input.now - last > input.silenceMs) {
      wanted.push({ machineId: m.id, kind: 'silence', ...(m.lastMessageAt ? { detail: m.lastMessageAt } : {}) });
    }
    if (input.unreachable.has(m.id)) wanted.push({ machineId: m.id, kind: 'unreachable' });
    if (m.api?.state === 'refused') wanted.push({ machineId: m.id, kind: 'api-refused', ...(m.api.detail ? { detail: m.api.detail } : {}) });
    // Keyed by its codes: different errors are a new alert; details that only reword the same ones are not.
    if (m.schedulerError) {
      const code = m.schedulerError.errors.map((e) => e.code).join(',');
      wanted.push({ machineId: m.id, kind: 'scheduler-error', code, ...(m.schedulerError.details ? { detail: m.schedulerError.details } : {}) });
    }
    for (const w of m.health?.warnings ?? []) {
      if (w.level !== 'ahead' || !WARNINGS_TO_ACT_ON.has(w.code.toLowerCase())) continue;
      wanted.push({ machineId: m.id, kind: 'machine-warning', code: machineWarningCode(w) });
    }
  }
  // Keyed by the newest colliding event: acknowledging closes it, and a later collision raises it again.
  for (const c of input.conflicts) {
    wanted.push({ machineId: c.machineId, kind: 'message-conflict', code: String(c.seq), detail: String(c.conflictsWith) });
  }
  for (const e of input.waitingEncoders) {
    wanted.push({ machineId: e.machineId, kind: 'encoder-wait', code: String(e.reviewId), detail: e.since });
  }
  // One alert while it lasts: the free space it opened with is its detail, not its key.
  if (input.lowDisk) wanted.push({ machineId: CONSOLE_SUBJECT, kind: 'disk-low', detail: String(input.lowDisk.freeBytes) });
  if (input.backup) wanted.push({ machineId: CONSOLE_SUBJECT, kind: input.backup.kind, detail: input.backup.detail });
  return wanted;
}
