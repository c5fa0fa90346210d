import type { JobQuery, JobView } from '../../../shared/api/views';
import type { SliceCreator } from './types';

export interface JobsSlice {
  jobQuery: JobQuery;
  jobs: JobView[];
  jobTotal: number;
  jobsError: string | undefined;
  refreshJobs(): Promise<void>;
  setJobQuery(patch: Partial<JobQuery>): Promise<void>;
  /** Jobs changed in the core: the page on screen is fetched again, at most every REFRESH_MS. */
  jobsChanged(): void;
}

export const PAGE_SIZE = 200;
const REFRESH_MS = 150;

export const createJobsSlice: SliceCreator<JobsSlice> = (set, get, client) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  return {
    jobQuery: { offset: 0, limit: PAGE_SIZE },
    jobs: [],
    jobTotal: 0,
    jobsError: undefined,
    async refreshJobs() {
      const mine = ++generation;
      const result = await client.listJobs(get().jobQuery);
      // A slower answer to an older query must not replace the newer one.
      if (mine !== generation) return;
      if (result.ok) set({ jobs: result.value.rows, jobTotal: result.value.total, jobsError: undefined });
      else set({ jobsError: result.error.message });
    },
    async setJobQuery(patch) {
      set((s) => ({ jobQuery: { ...s.jobQuery, ...patch } }));
      await get().refreshJobs();
    },
    jobsChanged() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void get().refreshJobs();
      }, REFRESH_MS);
    },
  };
};
