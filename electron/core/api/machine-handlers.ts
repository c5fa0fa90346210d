import { takesWorkflowTypeName } from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { CommandKind, CommandView, Role } from '../../../shared/api/views';
import { personStampOf, type ActingCaller } from '../people/audit-stamp';
import { actorOf, type CoreHandlers } from '../people/caller';
import { toView } from '../store/command-repo';
import { jobView } from '../views';
import type { CoreContext } from './context';
import type { PinGuard } from './pin';

type MachineHandlers = Pick<CoreHandlers, 'resume' | 'stop' | 'abort' | 'startIssuance' | 'listJobs' | 'getJobDetail'>;

/** Issuance control (Resume, Stop, Abort, Start) through the outbox, and the job queue's reads. */
export function machineHandlers(ctx: CoreContext, pin: PinGuard): MachineHandlers {
  async function command(machineId: string, kind: CommandKind, payload: unknown, role: Role, caller: ActingCaller): Promise<Result<CommandView>> {
    const machine = ctx.registry().get(machineId);
    if (!ctx.registry().has(machineId) || !machine.client) {
      return fail('not-allowed', `machine "${machineId}" is not configured: the console cannot act on it`);
    }
    const alertId = ctx.alerts.openAlertFor(machineId);
    const c = await ctx.outbox.submit({ machineId, kind, payload, actor: actorOf(caller), person: personStampOf(caller), role, alertId });
    return ok(toView(c));
  }

  return {
    resume: async ({ machineId }, caller) => {
      // Refused here, not only hidden in the UI: a Resume sent anyway (a second window, a script) is not forwarded.
      const suspension = ctx.machineViews().find((m) => m.id === machineId)?.suspension;
      if (suspension?.resumeRefusal) return fail('not-allowed', `Resume refused: ${suspension.resumeRefusal}`);
      return command(machineId, 'resume', {}, 'operator', caller);
    },
    stop: ({ machineId }, caller) => command(machineId, 'stop', { stopRunningWorkflows: false }, 'operator', caller),
    abort: async ({ machineId, pin: given }, caller) =>
      pin.check(given, { action: 'abort', machineId }, actorOf(caller)) ??
      command(machineId, 'abort', { stopRunningWorkflows: true }, 'supervisor', caller),
    startIssuance: ({ machineId, workflowTypeName, ...params }, caller) => {
      // Deprecated in AIDA 1.6: dropped for a machine known to run 1.6 or later, sent only when filled otherwise.
      const version = ctx.machineViews().find((m) => m.id === machineId)?.api?.version;
      const typed = workflowTypeName !== undefined && takesWorkflowTypeName(version) ? { workflowTypeName } : {};
      return command(machineId, 'start', { ...params, ...typed }, 'operator', caller);
    },
    listJobs: async (query) => {
      const page = ctx.jobs.query(query);
      return ok({ ...page, rows: page.rows.map(jobView) });
    },
    getJobDetail: async ({ machineId, key }) => {
      const job = ctx.jobs.get(machineId, key);
      if (!job) return fail('not-found', `no job ${key} on ${machineId}`);
      const seen = job.sourceJobInstanceId !== undefined && job.status === 'Cancelled' ? { grouped: ctx.jobs.sourceOf(job) !== undefined } : {};
      return ok({
        job: jobView({ ...job, ...seen }),
        timeline: ctx.deliveries.timeline(machineId, job.jobId, job.workflowInstanceId),
        cancelledJobs: ctx.jobs.cancelledBy(machineId, job).map(jobView),
      });
    },
  };
}
