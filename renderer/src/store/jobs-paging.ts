import type { JobQuery, JobView } from '../../../shared/api/views';
import { LatestRead } from './loads';

/** What the operator narrows the queue to; an empty string means "all". */
export interface JobFilter {
  machineId: string;
  status: string;
  batchId: string;
  search: string;
  /** The archived years' jobs follow the live ones. */
  includeArchive: boolean;
}

export const EMPTY_JOB_FILTER: JobFilter = { machineId: '', status: '', batchId: '', search: '', includeArchive: false };

/** A job's identity in the queue. */
export type JobRef = Pick<JobView, 'machineId' | 'key'>;

export const jobRefKey = (job: JobRef): string => `${job.machineId}/${job.key}`;

export const PAGE_SIZE = 100;
/** Rows kept on each side of the screen, so scrolling back and forth does not ask again (about ten pages in all). */
export const KEPT_ROWS = 500;
/** Rows beyond the screen whose page is fetched ahead of the scroll. */
const PREFETCH_ROWS = 30;

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
    ...(filter.includeArchive ? { includeArchive: true } : {}),
  };
}

/**
 * The job list's bookkeeping that is not state to render: which rows are on screen, the filter the pages answer, the
 * pages on their way, which answers are too old to land, and which jobs changed since the last refresh. No I/O and no
 * timers: the jobs slice owns one, asks it, and does the fetching.
 */
export class JobsPaging {
  /** The rows the list has on screen. */
  private rows = { first: 0, last: 0 };
  /** The filter the pages answer: the fields may run ahead of it while the operator types. */
  private applied: JobFilter = EMPTY_JOB_FILTER;
  /** Answers to a request made before the filter changed or the pages were fetched again are dropped. */
  readonly reads = new LatestRead();
  private readonly inFlight = new Set<number>();
  private readonly changedKeys = new Set<string>();
  private readonly changedSources = new Set<string>();

  get visible(): { first: number; last: number } {
    return this.rows;
  }

  /** The filter the held rows answer (a pushed job is matched against it). */
  get filter(): JobFilter {
    return this.applied;
  }

  /** How many pages are on their way. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** A new filter: what was asked for the old one is dropped, and the list goes back to its top. */
  apply(filter: JobFilter): void {
    this.reads.invalidate();
    this.applied = filter;
    this.rows = { first: 0, last: this.rows.last - this.rows.first };
  }

  show(first: number, last: number): void {
    this.rows = { first, last };
  }

  /** The query for one page under the applied filter. */
  query(page: number): JobQuery {
    return { ...jobQueryOf(this.applied), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
  }

  /** The rows whose pages the screen needs: those on it, with a margin ahead of the scroll. */
  wanted(): { first: number; last: number } {
    return { first: Math.max(0, this.rows.first - PREFETCH_ROWS), last: this.rows.last + PREFETCH_ROWS };
  }

  fetching(pages: readonly number[]): void {
    pages.forEach((p) => this.inFlight.add(p));
  }

  fetched(pages: readonly number[]): void {
    pages.forEach((p) => this.inFlight.delete(p));
  }

  isFetching(page: number): boolean {
    return this.inFlight.has(page);
  }

  /** Every page is about to be fetched again: none counts as on its way any more. */
  forgetFetching(): void {
    this.inFlight.clear();
  }

  /** Jobs the core reports changed: an open detail or group they concern is fetched again at the next refresh. */
  noteChanged(jobs: readonly JobView[]): void {
    for (const job of jobs) {
      this.changedKeys.add(jobRefKey(job));
      if (job.sourceJobInstanceId) this.changedSources.add(`${job.machineId}/${job.sourceJobInstanceId}`);
    }
  }

  /** What changed since the last call (then forgotten): whether a job, or the jobs a source cancelled, changed. */
  takeChanges(): { job: (key: string) => boolean; cancelledBy: (source: JobView) => boolean } {
    const keys = new Set(this.changedKeys);
    const sources = new Set(this.changedSources);
    this.changedKeys.clear();
    this.changedSources.clear();
    return {
      job: (key) => keys.has(key),
      cancelledBy: (source) =>
        [source.workflowInstanceId, source.jobId].some((n) => n !== undefined && sources.has(`${source.machineId}/${n}`)),
    };
  }
}
