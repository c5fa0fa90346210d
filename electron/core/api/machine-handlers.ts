import { takesWorkflowTypeName } from '../../../shared/api/contract';
import { fail, failCoded, ok, type Result } from '../../../shared/api/result';
import type { CommandKind, CommandView, Role } from '../../../shared/api/views';
import { archivedJobDetail, searchArchivedJobs } from '../store/archive-jobs';
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
      if (suspension?.resumeRefusal) return failCoded('not-allowed', 'refusals:resumeRefused', { reason: suspension.resumeRefusal });
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
      if (!query.includeArchive) return ok({ ...page, rows: page.rows.map(jobView) });
      // Archived jobs are older than every live one: they follow the live rows, the page running on into them.
      const { offset = 0, limit = 100 } = query;
      const archived = searchArchivedJobs(ctx.config.dataDir, query, Math.max(0, offset - page.total), limit - page.rows.length);
      return ok({ rows: [...page.rows, ...archived.rows].map(jobView), total: page.total + archived.total, offset: page.offset });
    },
    getJobDetail: async ({ machineId, key }) => {
      const job = ctx.jobs.get(machineId, key);
      if (!job) {
        // Listed with "include archive": read from the year's archive, as it was when it left the live file.
        const archived = archivedJobDetail(ctx.config.dataDir, machineId, key);
        if (!archived) return fail('not-found', `no job ${key} on ${machineId}`);
        return ok({ job: jobView(archived.job), timeline: archived.timeline, cancelledJobs: [] });
      }
      const seen = job.sourceJobInstanceId !== undefined && job.status === 'Cancelled' ? { grouped: ctx.jobs.sourceOf(job) !== undefined } : {};
      return ok({
        job: jobView({ ...job, ...seen }),
        timeline: ctx.deliveries.timeline(machineId, job.jobId, job.workflowInstanceId),
        cancelledJobs: ctx.jobs.cancelledBy(machineId, job).map(jobView),
      });
    },
  };
}
