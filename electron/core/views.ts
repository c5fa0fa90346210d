import type { JobView, MachineView } from '../../shared/api/views';
import type { JobState } from './domain/job-state';
import type { MachineState } from './domain/machine-state';
import { resumeRefusal } from './domain/machine-rules';
import type { RegisteredMachine } from './machines/registry';

/**
 * A machine as the UI shows it. Codes (stop reason, suspension) travel as codes: each page says them in its viewer's
 * language (shared/aida/vocabulary-texts.ts).
 */
export function machineView(machine: RegisteredMachine, state: MachineState): MachineView {
  const view: MachineView = {
    id: machine.id,
    label: machine.label,
    kind: machine.kind,
    actionable: machine.client !== undefined,
    scheduler: state.scheduler,
  };
  if (state.schedulerSince) view.schedulerSince = state.schedulerSince;
  if (state.stopReason) view.stopReason = state.stopReason;
  if (state.lastMessageAt) view.lastMessageAt = state.lastMessageAt;
  if (state.lastHealthCheckAt) view.lastHealthCheckAt = state.lastHealthCheckAt;
  if (state.suspension) {
    const refusal = resumeRefusal(machine.kind, state.suspension.code);
    view.suspension = {
      code: state.suspension.code,
      since: state.suspension.since,
      resumable: refusal === undefined,
      ...(refusal ? { resumeRefusal: refusal } : {}),
    };
  }
  return view;
}

/** A job as the UI shows it; `grouped` (from the queue's query) says whether its cancelling job is known here. */
export function jobView(job: JobState & { cancelledCount?: number; grouped?: boolean }): JobView {
  const { attempts, grouped, ...rest } = job;
  return {
    ...rest,
    ...(grouped !== undefined ? { sourceJobSeen: grouped } : {}),
    ...(attempts ? { attempts } : {}),
  };
}
