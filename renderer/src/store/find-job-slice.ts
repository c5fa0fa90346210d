import type { JobView } from '../../../shared/api/views';
import { EMPTY_JOB_FILTER } from './jobs-paging';
import type { SliceCreator } from './types';

/** What the last "Find job" came to, said under the box. */
export type FoundJob =
  | { state: 'idle' }
  | { state: 'looking'; code: string }
  | { state: 'opened'; code: string; job: JobView }
  | { state: 'listed'; code: string; how: 'batch' | 'several' }
  | { state: 'none'; code: string }
  | { state: 'failed'; code: string; error: string };

export interface FindJobSlice {
  foundJob: FoundJob;
  /**
   * Finds what a scanned or typed code names and shows it: a job id or correlation id opens that job; a batch with
   * one job opens it, a batch with more lists them under Machines & jobs; anything else says it found nothing.
   */
  findJob(code: string): Promise<void>;
}

/** The longest code the job queries take (JobQuerySchema). */
const MAX_CODE = 200;

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

export const createFindJobSlice: SliceCreator<FindJobSlice> = (set, get, client) => {
  /** The job list under Machines & jobs, narrowed to what was found: where a batch's jobs, or a job's detail, are. */
  async function showInQueue(patch: { batchId?: string; search?: string }): Promise<void> {
    get().closeSettings();
    get().showView('operate');
    await get().setJobFilter({ ...EMPTY_JOB_FILTER, ...patch });
  }

  async function open(code: string, job: JobView): Promise<void> {
    set({ foundJob: { state: 'opened', code, job } });
    get().closeSettings();
    get().showView('operate');
    await get().openJobDetail(job);
  }

  return {
    foundJob: { state: 'idle' },

    async findJob(raw) {
      const code = raw.trim();
      if (code === '') return;
      if (code.length > MAX_CODE) {
        set({ foundJob: { state: 'none', code: `${code.slice(0, 40)}…` } });
        return;
      }
      set({ foundJob: { state: 'looking', code } });
      // A batch as written first (an exact, indexed read), counted as the job list counts it.
      const batch = await client.listJobs({ batchId: code, limit: 2, groupCancelled: true });
      if (!batch.ok) {
        set({ foundJob: { state: 'failed', code, error: batch.error.message } });
        return;
      }
      const only = batch.value.rows[0];
      if (batch.value.total === 1 && only) return open(code, only);
      if (batch.value.total > 1) {
        set({ foundJob: { state: 'listed', code, how: 'batch' } });
        return showInQueue({ batchId: code });
      }
      // Then a job id or correlation id, or a batch in other capitals (a scanner with Caps Lock on).
      const found = await client.listJobs({ search: code, limit: 100 });
      if (!found.ok) {
        set({ foundJob: { state: 'failed', code, error: found.error.message } });
        return;
      }
      const byId = found.value.rows.filter((j) => same(j.jobId, code) || same(j.correlationId, code));
      const one = byId[0];
      if (byId.length === 1 && one) return open(code, one);
      if (byId.length > 1) {
        set({ foundJob: { state: 'listed', code, how: 'several' } });
        return showInQueue({ search: code });
      }
      const inBatch = found.value.rows.filter((j) => same(j.batchId, code));
      const first = inBatch[0];
      if (inBatch.length === 1 && first) return open(code, first);
      if (inBatch.length > 1 && first?.batchId) {
        set({ foundJob: { state: 'listed', code, how: 'batch' } });
        return showInQueue({ batchId: first.batchId });
      }
      set({ foundJob: { state: 'none', code } });
    },
  };
};
