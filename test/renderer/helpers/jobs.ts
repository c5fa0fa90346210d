import type { JobDetail, TimelineEntry } from '../../../shared/api/records';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { JobPage, JobQuery, JobView } from '../../../shared/api/views';

/** A job as the core's projection shows it, with what a test cares about laid over it. */
export function job(jobId: string, overrides: Partial<JobView> = {}): JobView {
  return {
    source: 'aida',
    machineId: 'aida-1',
    key: jobId,
    jobId,
    correlationId: `CORR-${jobId}`,
    batchId: 'BATCH-7',
    workflowInstanceId: `wf-${jobId}`,
    status: 'Running',
    lastMessageType: 'WorkflowStarted',
    stateSince: '2025-03-01T10:00:00.000Z',
    updatedAt: '2025-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/**
 * The core's job reads over an array, newest first as given: listJobs with its filters, search, grouping and paging
 * (the same rules as electron/core/store/job-repo.ts), and getJobDetail with the cancelled jobs and a timeline.
 */
export function jobQueue(jobs: readonly JobView[], timelines: Record<string, TimelineEntry[]> = {}) {
  const cancelledBy = (source: JobView) =>
    jobs.filter(
      (j) =>
        j.machineId === source.machineId &&
        j.sourceJobInstanceId !== undefined &&
        (j.sourceJobInstanceId === source.workflowInstanceId || j.sourceJobInstanceId === source.jobId),
    );
  // Grouped under its source only when that job is known (as the core's `grouped` column says).
  const sourceSeen = (j: JobView) =>
    jobs.some((s) => s !== j && s.machineId === j.machineId && (s.workflowInstanceId === j.sourceJobInstanceId || s.jobId === j.sourceJobInstanceId));
  const cancelledByAnother = (j: JobView) => j.status === 'Cancelled' && j.sourceJobInstanceId !== undefined;
  const grouped = (j: JobView) => cancelledByAnother(j) && sourceSeen(j);
  return {
    listJobs(query: JobQuery): Result<JobPage> {
      const search = query.search?.trim().toLowerCase();
      const matching = jobs.filter(
        (j) =>
          (!query.machineId || j.machineId === query.machineId) &&
          (!query.status || j.status === query.status) &&
          (!query.batchId || j.batchId === query.batchId) &&
          (!query.groupCancelled || !grouped(j)) &&
          (!search || [j.jobId, j.correlationId, j.batchId].some((v) => v?.toLowerCase().includes(search))),
      );
      const offset = query.offset ?? 0;
      const rows = matching.slice(offset, offset + (query.limit ?? 100)).map((j) => {
        const n = cancelledBy(j).length;
        const seen = cancelledByAnother(j) ? { sourceJobSeen: sourceSeen(j) } : {};
        // The array is newest first: the last job was seen first.
        const listed = { ...j, firstSeen: j.firstSeen ?? jobs.length - jobs.indexOf(j), ...seen };
        return n > 0 ? { ...listed, cancelledCount: n } : listed;
      });
      return ok({ rows, total: matching.length, offset });
    },
    getJobDetail({ machineId, key }: { machineId: string; key: string }): Result<JobDetail> {
      const found = jobs.find((j) => j.machineId === machineId && j.key === key);
      if (!found) return fail('not-found', `no job ${key} on ${machineId}`);
      return ok({ job: found, timeline: timelines[key] ?? [], cancelledJobs: cancelledBy(found) });
    },
  };
}

/** A queue too large to hold as an array: row n is made when asked for, newest (n = 0) first. */
export function largeQueue(total: number) {
  const rowAt = (n: number) =>
    job(`J${String(total - n).padStart(6, '0')}`, { status: n % 50 === 7 ? 'Faulted' : 'Completed', firstSeen: total - n });
  return {
    listJobs(query: JobQuery): Result<JobPage> {
      const offset = query.offset ?? 0;
      const end = Math.min(total, offset + (query.limit ?? 100));
      const rows: JobView[] = [];
      for (let n = offset; n < end; n++) rows.push(rowAt(n));
      return ok({ rows, total, offset });
    },
  };
}
