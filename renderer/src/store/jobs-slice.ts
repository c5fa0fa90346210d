import type { JobDetail } from '../../../shared/api/records';
import type { JobView } from '../../../shared/api/views';
import { JobsPaging, type JobFilter, type JobRef, EMPTY_JOB_FILTER, jobRefKey } from './jobs-paging';
import { loadable, type Loadable } from './loads';
import { Debounce, RefreshScheduler } from './refresh-scheduler';
import type { SliceCreator } from './types';

export { EMPTY_JOB_FILTER, PAGE_SIZE, jobRefKey, type JobFilter, type JobRef } from './jobs-paging';
export type { Loadable } from './loads';

/** A source job opened to show the jobs its critical error cancelled. */
export interface CancelledGroup {
  source: JobView;
  jobs: Loadable<JobView[]>;
}

export interface JobsSlice {
  jobFilter: JobFilter;
  /** How many jobs match the filter; jobs cancelled by another job's error are counted under that job instead. */
  jobTotal: number;
  /**
   * The queue's rows by page number, only a few pages around what is on screen: the core holds the projection and
   * answers paged queries, the renderer never holds it whole. Replaced on every change, never mutated.
   */
  jobPages: Record<number, JobView[]>;
  /** Whether the core has answered for the current filter (until then the list says it is loading). */
  jobsLoaded: boolean;
  jobsError: string | undefined;
  /** Source jobs opened to show the jobs their critical error cancelled, by jobRefKey. */
  cancelledGroups: Record<string, CancelledGroup>;
  /** The job whose detail (timeline, raw bodies) is open. */
  jobDetail: { ref: JobRef; detail: Loadable<JobDetail> } | undefined;
  /** Applies a filter at once (lists and buttons). */
  setJobFilter(patch: Partial<JobFilter>): Promise<void>;
  /** Typing in a text filter (search, batch): the field follows every key, the query waits until typing pauses. */
  typeJobFilter(patch: Partial<Pick<JobFilter, 'search' | 'batchId'>>): void;
  /** The rows the list has on screen: their pages are fetched if missing, and refreshed when jobs change. */
  showJobRows(first: number, last: number): void;
  /** Fetches the pages on screen and the total again, dropping pages that may have moved. */
  refreshJobs(): Promise<void>;
  /** Jobs changed in the core: what is on screen is fetched again, at most every REFRESH_MS. */
  jobsChanged(changed?: readonly JobView[]): void;
  toggleCancelledGroup(job: JobView): Promise<void>;
  openJobDetail(job: JobRef): Promise<void>;
  closeJobDetail(): void;
}

const REFRESH_MS = 150;
const TYPING_PAUSE_MS = 250;

export const createJobsSlice: SliceCreator<JobsSlice> = (set, get, client) => {
  // Everything the slice keeps besides its state, each in a named owner: the paging bookkeeping, the refresh that
  // follows the core's job events, and the pause before a typed filter is applied.
  const paging = new JobsPaging();
  const live = new RefreshScheduler(REFRESH_MS, () => {
    refreshOpened();
    return get().refreshJobs();
  });
  const typing = new Debounce(TYPING_PAUSE_MS, () => void get().setJobFilter({}));

  const visiblePages = () => paging.pagesOnScreen(get().jobsLoaded ? get().jobTotal : undefined);

  async function fetchPage(page: number): Promise<void> {
    const read = paging.reads.join();
    paging.fetching([page]);
    const result = await client.listJobs(paging.query(page));
    if (!read.isCurrent()) return;
    paging.fetched([page]);
    if (!result.ok) {
      set({ jobsError: result.error.message });
      return;
    }
    set((s) => ({
      jobPages: paging.prune({ ...s.jobPages, [page]: result.value.rows }),
      jobTotal: result.value.total,
      jobsLoaded: true,
      jobsError: undefined,
    }));
  }

  async function fetchGroup(source: JobView): Promise<void> {
    const key = jobRefKey(source);
    const result = await client.getJobDetail({ machineId: source.machineId, key: source.key });
    const open = get().cancelledGroups[key];
    // Closed while the answer was on its way: stay closed. A failed refresh keeps the jobs already shown.
    if (!open || (!result.ok && open.jobs.state === 'loaded')) return;
    set((s) => ({
      cancelledGroups: {
        ...s.cancelledGroups,
        [key]: result.ok
          ? { source: result.value.job, jobs: { state: 'loaded', value: result.value.cancelledJobs } }
          : { source, jobs: { state: 'failed', error: result.error.message } },
      },
    }));
  }

  async function fetchDetail(ref: JobRef): Promise<void> {
    const result = await client.getJobDetail({ machineId: ref.machineId, key: ref.key });
    const open = get().jobDetail;
    if (!open || jobRefKey(open.ref) !== jobRefKey(ref)) return;
    // A failed refresh keeps the detail already shown.
    if (!result.ok && open.detail.state === 'loaded') return;
    set({ jobDetail: { ref, detail: loadable(result) } });
  }

  /** Open details and groups that the changed jobs concern are fetched again. */
  function refreshOpened(): void {
    const { jobDetail, cancelledGroups } = get();
    const changed = paging.takeChanges();
    if (jobDetail && changed.job(jobRefKey(jobDetail.ref))) void fetchDetail(jobDetail.ref);
    for (const [key, { source, jobs }] of Object.entries(cancelledGroups)) {
      if (jobs.state === 'loading') continue;
      if (changed.job(key) || changed.cancelledBy(source)) void fetchGroup(source);
    }
  }

  return {
    jobFilter: EMPTY_JOB_FILTER,
    jobTotal: 0,
    jobPages: {},
    jobsLoaded: false,
    jobsError: undefined,
    cancelledGroups: {},
    jobDetail: undefined,

    async setJobFilter(patch) {
      typing.cancel();
      const filter = { ...get().jobFilter, ...patch };
      paging.apply(filter);
      set({ jobFilter: filter, jobPages: {}, jobsLoaded: false });
      await get().refreshJobs();
    },

    typeJobFilter(patch) {
      set((s) => ({ jobFilter: { ...s.jobFilter, ...patch } }));
      typing.call();
    },

    showJobRows(first, last) {
      paging.show(first, last);
      // Until the first answer for this filter, the refresh on its way fetches what is on screen.
      if (!get().jobsLoaded) return;
      for (const page of visiblePages()) {
        if (!get().jobPages[page] && !paging.isFetching(page)) void fetchPage(page);
      }
    },

    async refreshJobs() {
      const read = paging.reads.begin();
      paging.forgetFetching();
      const pages = visiblePages();
      paging.fetching(pages);
      const results = await Promise.all(pages.map((p) => client.listJobs(paging.query(p))));
      if (!read.isCurrent()) return;
      paging.fetched(pages);
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) {
        set({ jobsError: failed.error.message });
        return;
      }
      const fresh: Record<number, JobView[]> = {};
      let total = get().jobTotal;
      results.forEach((r, i) => {
        const page = pages[i];
        if (r.ok && page !== undefined) {
          fresh[page] = r.value.rows;
          total = r.value.total;
        }
      });
      // Pages outside the screen may have shifted since they were fetched: only the fresh ones stay.
      set({ jobPages: fresh, jobTotal: total, jobsLoaded: true, jobsError: undefined });
      // The screen may show rows past what the old total allowed: fetch those pages now.
      const { first, last } = paging.visible;
      get().showJobRows(first, last);
    },

    jobsChanged(changed = []) {
      paging.noteChanged(changed);
      live.request();
    },

    async toggleCancelledGroup(job) {
      const key = jobRefKey(job);
      if (get().cancelledGroups[key]) {
        set((s) => {
          const { [key]: _closed, ...rest } = s.cancelledGroups;
          return { cancelledGroups: rest };
        });
        return;
      }
      set((s) => ({ cancelledGroups: { ...s.cancelledGroups, [key]: { source: job, jobs: { state: 'loading' } } } }));
      await fetchGroup(job);
    },

    async openJobDetail(job) {
      const ref = { machineId: job.machineId, key: job.key };
      set({ jobDetail: { ref, detail: { state: 'loading' } } });
      await fetchDetail(ref);
    },

    closeJobDetail() {
      set({ jobDetail: undefined });
    },
  };
};
