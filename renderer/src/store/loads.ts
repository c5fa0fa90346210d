import type { Result } from '../../../shared/api/result';

/**
 * Reads (lists, pages, a job's or a delivery's detail) are data, not actions: their failure stays where the data would
 * be, in words ("Could not load …: reason"), and is not posted to the failure panel. Every read handles its Result
 * with these.
 */

/** Something fetched on demand: still on its way, here, or refused with a reason a person can read. */
export type Loadable<T> = { state: 'loading' } | { state: 'loaded'; value: T } | { state: 'failed'; error: string };

export const loadable = <T>(result: Result<T>): Loadable<T> =>
  result.ok ? { state: 'loaded', value: result.value } : { state: 'failed', error: result.error.message };

/**
 * Only the newest of overlapping reads may land: `begin()` marks a read, and its `isCurrent()` says whether a later
 * one (or an `invalidate()`, when what the reads answer changed) has overtaken it.
 */
export class LatestRead {
  private generation = 0;

  begin(): { isCurrent: () => boolean } {
    this.generation += 1;
    return this.join();
  }

  /** A read that lands with the newest one begun (another page of the same list), not over it. */
  join(): { isCurrent: () => boolean } {
    const mine = this.generation;
    return { isCurrent: () => mine === this.generation };
  }

  /** A read begun before this must not land (the filter changed, say), though none is begun now. */
  invalidate(): void {
    this.generation += 1;
  }
}
