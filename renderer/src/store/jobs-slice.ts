import type { JobDetail } from '../../../shared/api/records';
import type { JobQuery, JobView } from '../../../shared/api/views';
import type { SliceCreator } from './types';

/** What the operator narrows the queue to; an empty string means "all". */
export interface JobFilter {
  machineId: string;
  status: string;
  batchId: string;
  search: string;
}

/** A job's identity in the queue. */
export type JobRef = Pick<JobView, 'machineId' | 'key'>;

export const jobRefKey = (job: JobRef): string => `${job.machineId}/${job.key}`;

/** Something fetched on demand: still on its way, here, or refused with a reason a person can read. */
export type Loadable<T> = { state: 'loading' } | { state: 'loaded'; value: T } | { state: 'failed'; error: string };

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

export const PAGE_SIZE = 100;
/** Pages kept around the ones on screen, so scrolling back and forth does not ask again. */
const MAX_CACHED_PAGES = 10;
/** Rows beyond the screen whose page is fetched ahead of the scroll. */
const PREFETCH_ROWS = 30;
const REFRESH_MS = 150;
const TYPING_PAUSE_MS = 250;

export const EMPTY_JOB_FILTER: JobFilter = { machineId: '', status: '', batchId: '', search: '' };

/** The core's query for a filter: jobs cancelled by another job's error are always grouped under it. */
function jobQueryOf(filter: JobFilter): JobQuery {
  const search = filter.search.trim();
  const batchId = filter.batchId.trim();
  return {
    groupCancelled: true,
    ...(filter.machineId ? { machineId: filter.machineId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(batchId ? { batchId } : {}),
    ...(search ? { search } : {}),
  };
}

function pagesOf(first: number, last: number, total: number | undefined): number[] {
  const lastRow = Math.max(0, total === undefined ? last + PREFETCH_ROWS : Math.min(last + PREFETCH_ROWS, total - 1));
  const from = Math.floor(Math.max(0, first - PREFETCH_ROWS) / PAGE_SIZE);
  const to = Math.floor(lastRow / PAGE_SIZE);
  const pages: number[] = [];
  for (let p = from; p <= Math.max(from, to); p++) pages.push(p);
  return pages;
}

/** Keeps the pages nearest to the screen. */
function prune(pages: Record<number, JobView[]>, around: number): Record<number, JobView[]> {
  const kept = Object.keys(pages)
    .map(Number)
    .sort((a, b) => Math.abs(a - around) - Math.abs(b - around))
    .slice(0, MAX_CACHED_PAGES);
  return Object.fromEntries(kept.map((p) => [p, pages[p] ?? []]));
}

export const createJobsSlice: SliceCreator<JobsSlice> = (set, get, client) => {
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  // A live refresh in progress, and whether jobs changed again meanwhile (then one more follows it).
  let refreshing = false;
  let changedAgain = false;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  // Bumped whenever the filter changes or the pages are refetched: answers to an older generation are dropped.
  let generation = 0;
  const inFlight = new Set<number>();
  let visible = { first: 0, last: 0 };
  // The filter the pages answer: the fields may run ahead of it while the operator types.
  let applied = EMPTY_JOB_FILTER;
  // What changed since the last refresh, to know whether an open detail or group must be fetched again.
  const changedKeys = new Set<string>();
  const changedSources = new Set<string>();

  const visiblePages = () => pagesOf(visible.first, visible.last, get().jobsLoaded ? get().jobTotal : undefined);
  const centre = () => Math.floor(visible.first / PAGE_SIZE);

  async function fetchPage(page: number): Promise<void> {
    const mine = generation;
    inFlight.add(page);
    const result = await client.listJobs({ ...jobQueryOf(applied), offset: page * PAGE_SIZE, limit: PAGE_SIZE });
    if (mine !== generation) return;
    inFlight.delete(page);
    if (!result.ok) {
      set({ jobsError: result.error.message });
      return;
    }
    set((s) => ({
      jobPages: prune({ ...s.jobPages, [page]: result.value.rows }, centre()),
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
        [key]: {
          source: result.ok ? result.value.job : source,
          jobs: result.ok ? { state: 'loaded', value: result.value.cancelledJobs } : { state: 'failed', error: result.error.message },
        },
      },
    }));
  }

  async function fetchDetail(ref: JobRef): Promise<void> {
    const result = await client.getJobDetail({ machineId: ref.machineId, key: ref.key });
    const open = get().jobDetail;
    if (!open || jobRefKey(open.ref) !== jobRefKey(ref)) return;
    // A failed refresh keeps the detail already shown.
    if (!result.ok && open.detail.state === 'loaded') return;
    set({
      jobDetail: { ref, detail: result.ok ? { state: 'loaded', value: result.value } : { state: 'failed', error: result.error.message } },
    });
  }

  /** Open details and groups that the changed jobs concern are fetched again. */
  function refreshOpened(): void {
    const { jobDetail, cancelledGroups } = get();
    if (jobDetail && changedKeys.has(jobRefKey(jobDetail.ref))) void fetchDetail(jobDetail.ref);
    for (const [key, { source, jobs }] of Object.entries(cancelledGroups)) {
      if (jobs.state === 'loading') continue;
      const names = [source.workflowInstanceId, source.jobId].filter((x): x is string => x !== undefined);
      if (changedKeys.has(key) || names.some((n) => changedSources.has(`${source.machineId}/${n}`))) void fetchGroup(source);
    }
    changedKeys.clear();
    changedSources.clear();
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
      clearTimeout(typingTimer);
      generation += 1;
      applied = { ...get().jobFilter, ...patch };
      set({ jobFilter: applied, jobPages: {}, jobsLoaded: false });
      // The list goes back to its top for a new filter.
      visible = { first: 0, last: visible.last - visible.first };
      await get().refreshJobs();
    },

    typeJobFilter(patch) {
      set((s) => ({ jobFilter: { ...s.jobFilter, ...patch } }));
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => void get().setJobFilter({}), TYPING_PAUSE_MS);
    },

    showJobRows(first, last) {
      visible = { first, last };
      // Until the first answer for this filter, the refresh on its way fetches what is on screen.
      if (!get().jobsLoaded) return;
      for (const page of visiblePages()) {
        if (!get().jobPages[page] && !inFlight.has(page)) void fetchPage(page);
      }
    },

    async refreshJobs() {
      const mine = ++generation;
      inFlight.clear();
      const pages = visiblePages();
      pages.forEach((p) => inFlight.add(p));
      const query = jobQueryOf(applied);
      const results = await Promise.all(pages.map((p) => client.listJobs({ ...query, offset: p * PAGE_SIZE, limit: PAGE_SIZE })));
      if (mine !== generation) return;
      pages.forEach((p) => inFlight.delete(p));
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
      get().showJobRows(visible.first, visible.last);
    },

    jobsChanged(changed = []) {
      for (const job of changed) {
        changedKeys.add(jobRefKey(job));
        if (job.sourceJobInstanceId) changedSources.add(`${job.machineId}/${job.sourceJobInstanceId}`);
      }
      if (refreshing) changedAgain = true;
      if (refreshTimer || refreshing) return;
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        refreshing = true;
        refreshOpened();
        void get()
          .refreshJobs()
          .finally(() => {
            refreshing = false;
            if (changedAgain) {
              changedAgain = false;
              get().jobsChanged();
            }
          });
      }, REFRESH_MS);
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
