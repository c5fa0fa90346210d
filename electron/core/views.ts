import { ERROR_CODES, STOP_REASONS, describe } from '../../shared/aida/vocabulary';
import type { JobView, MachineView } from '../../shared/api/views';
import type { JobState } from './domain/job-state';
import type { MachineState } from './domain/machine-state';
import { resumeRefusal } from './domain/machine-rules';
import { REASON_UNKNOWN, REASON_UNKNOWN_TEXT } from './domain/reconciliation';
import type { RegisteredMachine } from './machines/registry';

export function machineView(machine: RegisteredMachine, state: MachineState): MachineView {
  const view: MachineView = {
    id: machine.id,
    label: machine.label,
    kind: machine.kind,
    actionable: machine.client !== undefined,
    scheduler: state.scheduler,
  };
  if (state.schedulerSince) view.schedulerSince = state.schedulerSince;
  if (state.stopReason) {
    view.stopReason = state.stopReason;
    view.stopReasonText = describe(STOP_REASONS, state.stopReason).text;
  }
  if (state.lastMessageAt) view.lastMessageAt = state.lastMessageAt;
  if (state.lastHealthCheckAt) view.lastHealthCheckAt = state.lastHealthCheckAt;
  if (state.suspension) {
    const { text, action } =
      state.suspension.code === REASON_UNKNOWN ? REASON_UNKNOWN_TEXT : describe(ERROR_CODES, state.suspension.code);
    const refusal = resumeRefusal(machine.kind, state.suspension.code);
    view.suspension = {
      code: state.suspension.code,
      text,
      ...(action ? { action } : {}),
      since: state.suspension.since,
      resumable: refusal === undefined,
      ...(refusal ? { resumeRefusal: refusal } : {}),
    };
  }
  return view;
}

const errorText = (code: string | undefined) => (code ? { errorText: describe(ERROR_CODES, code).text } : {});

/** A job as the UI shows it; `grouped` (from the queue's query) says whether its cancelling job is known here. */
export function jobView(job: JobState & { cancelledCount?: number; grouped?: boolean }): JobView {
  const { attempts, grouped, ...rest } = job;
  return {
    ...rest,
    ...errorText(job.errorCode),
    ...(grouped !== undefined ? { sourceJobSeen: grouped } : {}),
    ...(attempts ? { attempts: attempts.map((a) => ({ ...a, ...errorText(a.errorCode) })) } : {}),
  };
}
