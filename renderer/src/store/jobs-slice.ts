import type { JobDetail } from '../../../shared/api/records';
import type { JobView } from '../../../shared/api/views';
import { applyPushed, keepNear, NO_ROWS, pagesMissing, placePage, type HeldRows } from './job-rows';
import { JobsPaging, type JobFilter, type JobRef, EMPTY_JOB_FILTER, KEPT_ROWS, PAGE_SIZE, jobRefKey } from './jobs-paging';
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
  /**
   * The queue's rows the renderer holds, by row index, with the filtered total (jobs cancelled by another job's error
   * counted under that job; a search's count stops at JOB_COUNT_CAP, `capped`): only rows around what is on screen,
   * never the whole queue. Replaced on every change, never mutated.
   */
  jobRows: HeldRows;
  /**
   * Rows put above the screen's first row by pushed changes since the filter was applied, less those taken out above
   * it: the list moves its view by as many, so the rows on screen stay put.
   */
  jobRowsShifted: number;
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
  /** The rows the list has on screen: their pages are fetched if missing. */
  showJobRows(first: number, last: number): void;
  /** Fetches the pages on screen and the total again, dropping the other rows held. */
  refreshJobs(): Promise<void>;
  /**
   * Jobs changed in the core, each as a page would list it: put on screen at once (see applyPushed), nothing read
   * again but an open detail or group they concern.
   */
  jobsChanged(changed?: readonly JobView[]): void;
  toggleCancelledGroup(job: JobView): Promise<void>;
  openJobDetail(job: JobRef): Promise<void>;
  closeJobDetail(): void;
}

/** The pause in typing after which a search or batch is applied: with the query, well under 200 ms at 1M jobs. */
const TYPING_PAUSE_MS = 100;
/**
 * Pages asked for at once while scrolling: a fling passes over many pages, and only those still on screen when one
 * answers are asked next, so none is fetched for rows already gone.
 */
const PAGES_AT_ONCE = 2;

export const createJobsSlice: SliceCreator<JobsSlice> = (set, get, client) => {
  // Everything the slice keeps besides its state, each in a named owner: the paging bookkeeping, the reads that
  // follow the core's job events (one at a time, never on a timer), and the pause before a typed filter is applied.
  const paging = new JobsPaging();
  // No wait (0 ms): only what one burst of events changed is read, once, and never two reads of it at a time.
  const opened = new RefreshScheduler(0, () => refreshOpened());
  const typing = new Debounce(TYPING_PAUSE_MS, () => void get().setJobFilter({}));

  const missingOnScreen = () => {
    const { first, last } = paging.wanted();
    return pagesMissing(get().jobRows, first, last, PAGE_SIZE).filter((p) => !paging.isFetching(p));
  };

  /** Fetches the missing pages on screen, a few at a time: each answer asks for what is on screen then. */
  function pump(): void {
    if (!get().jobsLoaded) return;
    for (const page of missingOnScreen()) {
      if (paging.pending >= PAGES_AT_ONCE) return;
      void fetchPage(page);
    }
  }

  async function fetchPage(page: number): Promise<void> {
    const read = paging.reads.join();
    paging.fetching([page]);
    const result = await client.listJobs(paging.query(page));
    paging.fetched([page]);
    if (!read.isCurrent()) return;
    if (!result.ok) {
      set({ jobsError: result.error.message });
      return;
    }
    const { first, last } = paging.visible;
    set((s) => ({ jobRows: keepNear(placePage(s.jobRows, result.value, PAGE_SIZE), first, last, KEPT_ROWS), jobsLoaded: true, jobsError: undefined }));
    pump();
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

  /** Open details and groups that the changed jobs concern are fetched again: the core pushes only the rows. */
  async function refreshOpened(): Promise<void> {
    const { jobDetail, cancelledGroups } = get();
    const changed = paging.takeChanges();
    const reads: Promise<void>[] = [];
    if (jobDetail && changed.job(jobRefKey(jobDetail.ref))) reads.push(fetchDetail(jobDetail.ref));
    for (const [key, { source, jobs }] of Object.entries(cancelledGroups)) {
      if (jobs.state === 'loading') continue;
      if (changed.job(key) || changed.cancelledBy(source)) reads.push(fetchGroup(source));
    }
    await Promise.all(reads);
  }

  return {
    jobFilter: EMPTY_JOB_FILTER,
    jobRows: NO_ROWS,
    jobRowsShifted: 0,
    jobsLoaded: false,
    jobsError: undefined,
    cancelledGroups: {},
    jobDetail: undefined,

    async setJobFilter(patch) {
      typing.cancel();
      const filter = { ...get().jobFilter, ...patch };
      paging.apply(filter);
      set({ jobFilter: filter, jobRows: NO_ROWS, jobRowsShifted: 0, jobsLoaded: false });
      await get().refreshJobs();
    },

    typeJobFilter(patch) {
      set((s) => ({ jobFilter: { ...s.jobFilter, ...patch } }));
      typing.call();
    },

    showJobRows(first, last) {
      paging.show(first, last);
      // Until the first answer for this filter, the refresh on its way fetches what is on screen.
      pump();
    },

    async refreshJobs() {
      const read = paging.reads.begin();
      paging.forgetFetching();
      const { first, last } = paging.wanted();
      // Before the first answer the total is unknown: the pages on screen as if the list were long enough.
      const pages = pagesMissing({ ...NO_ROWS, total: Number.MAX_SAFE_INTEGER }, first, last, PAGE_SIZE);
      paging.fetching(pages);
      const results = await Promise.all(pages.map((p) => client.listJobs(paging.query(p))));
      paging.fetched(pages);
      if (!read.isCurrent()) return;
      const failed = results.find((r) => !r.ok);
      if (failed && !failed.ok) {
        set({ jobsError: failed.error.message });
        return;
      }
      // Rows held before may have changed since they were read: only the fresh ones stay.
      let held: HeldRows = NO_ROWS;
      for (const r of results) if (r.ok) held = placePage(held, r.value, PAGE_SIZE);
      set({ jobRows: held, jobsLoaded: true, jobsError: undefined });
      // The screen may show rows past what the old total allowed: fetch those pages now.
      pump();
    },

    jobsChanged(changed = []) {
      paging.noteChanged(changed);
      opened.request();
      if (!get().jobsLoaded || changed.length === 0) return;
      const { held, insertedAt, removedAt } = applyPushed(get().jobRows, changed, paging.filter);
      const screenTop = paging.visible.first;
      const moved = screenTop > 0 ? insertedAt.filter((i) => i <= screenTop).length - removedAt.filter((i) => i < screenTop).length : 0;
      if (moved !== 0) paging.show(Math.max(0, screenTop + moved), Math.max(0, paging.visible.last + moved));
      set((s) => ({ jobRows: held, jobRowsShifted: s.jobRowsShifted + moved }));
      // A row taken out leaves the next one unknown at the end of the held rows: its page is read.
      if (removedAt.length > 0) pump();
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
