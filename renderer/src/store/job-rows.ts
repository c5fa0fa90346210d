import { JOB_COUNT_CAP, type JobView } from '../../../shared/api/views';
import { jobRefKey, type JobFilter } from './jobs-paging';

/**
 * The queue's rows the renderer holds, by row index: a few pages around the screen, never the whole queue. The core
 * lists jobs newest first by when it first saw them (`firstSeen`), so a job keeps its row when it changes and a new
 * one takes row 0; that is how pushed changes are put on screen without reading pages again.
 */
export interface HeldRows {
  rows: Record<number, JobView>;
  total: number;
  /** A search's count stopped at JOB_COUNT_CAP. */
  capped: boolean;
  /** The newest job known to be in this list (row 0's firstSeen once read): a newer one pushed is new. */
  top: number | undefined;
}

export const NO_ROWS: HeldRows = { rows: {}, total: 0, capped: false, top: undefined };

/**
 * Whether a job belongs in the list the filter shows, by the core's own rules (electron/core/store/job-query.ts): the
 * filters exactly, a search of 3+ characters anywhere in the job id, correlation id or batch, of 1-2 at the start
 * of one, both ignoring case; a job cancelled by another job that this console knows is listed under that job.
 */
export function matchesFilter(job: JobView, filter: JobFilter): boolean {
  if (filter.machineId && job.machineId !== filter.machineId) return false;
  if (filter.status && job.status !== filter.status) return false;
  const batch = filter.batchId.trim();
  if (batch && job.batchId !== batch) return false;
  if (job.status === 'Cancelled' && job.sourceJobSeen === true) return false;
  const term = filter.search.trim().toLowerCase();
  if (!term) return true;
  const ids = [job.jobId, job.correlationId, job.batchId].map((v) => v?.toLowerCase() ?? '');
  return [...term].length >= 3 ? ids.some((v) => v.includes(term)) : ids.some((v) => v.startsWith(term));
}

/**
 * A page of `limit` rows read from the core: its rows at their indexes, its count, and the list's newest job when it
 * is row 0. A short page ends the list, whatever the count said (so its missing rows are never asked for again).
 */
export function placePage(
  held: HeldRows,
  page: { rows: readonly JobView[]; offset: number; total: number; capped?: boolean | undefined },
  limit: number,
): HeldRows {
  const rows = { ...held.rows };
  page.rows.forEach((job, i) => {
    rows[page.offset + i] = job;
  });
  const first = page.offset === 0 ? page.rows[0]?.firstSeen : undefined;
  const total = page.rows.length < limit ? Math.min(page.total, page.offset + page.rows.length) : page.total;
  return { rows, total, capped: page.capped === true && total === page.total, top: first ?? held.top };
}

/** How many rows from row 0 on are held without a gap. */
function heldPrefix(rows: Record<number, JobView>): number {
  let n = 0;
  while (rows[n] !== undefined) n++;
  return n;
}

/**
 * Where a job not held belongs among the held rows, when that can be known: above every row when it is newer than the
 * list's top; else between two rows of the unbroken run from row 0 (or after its end when the run is the whole list).
 * A job there that matches did not before (it would be held): it is one more. Elsewhere: unknown (undefined).
 */
function placeOf(held: HeldRows, job: JobView): number | undefined {
  const seen = job.firstSeen;
  if (seen === undefined) return undefined;
  if (held.top === undefined || seen > held.top) return 0;
  const prefix = heldPrefix(held.rows);
  for (let i = 0; i < prefix; i++) if ((held.rows[i]?.firstSeen ?? Infinity) < seen) return i;
  return prefix === held.total ? prefix : undefined;
}

function insertAt(held: HeldRows, index: number, job: JobView): HeldRows {
  const limit = held.capped ? JOB_COUNT_CAP : Infinity;
  const rows: Record<number, JobView> = { [index]: job };
  for (const [i, row] of Object.entries(held.rows)) {
    const n = Number(i);
    const to = n < index ? n : n + 1;
    if (to < limit) rows[to] = row;
  }
  const top = Math.max(held.top ?? -Infinity, job.firstSeen ?? -Infinity);
  return { rows, total: Math.min(held.total + 1, limit), capped: held.capped, top: Number.isFinite(top) ? top : held.top };
}

function removeAt(held: HeldRows, index: number): HeldRows {
  const rows: Record<number, JobView> = {};
  for (const [i, row] of Object.entries(held.rows)) {
    const n = Number(i);
    if (n !== index) rows[n < index ? n : n - 1] = row;
  }
  // A capped search still has more matches than the cap.
  return { ...held, rows, total: held.capped ? held.total : Math.max(0, held.total - 1) };
}

/**
 * Jobs the core pushed as changed, put where they belong without reading a page: a held row that still matches the
 * filter is replaced where it is; one that no longer does (a job now listed under the job whose error cancelled it, a
 * status filter it left) is taken out, the rows below one up and the count one down; a job not held that matches goes
 * where the queue's order puts it, when the held rows tell where (on top, for a new job), the rows below one down and
 * the count one up. Returns the rows' moves, by index, so that the screen can stay on the rows it shows.
 */
export function applyPushed(
  held: HeldRows,
  jobs: readonly JobView[],
  filter: JobFilter,
): { held: HeldRows; insertedAt: number[]; removedAt: number[] } {
  let next: HeldRows = { ...held, rows: { ...held.rows } };
  const fresh: JobView[] = [];
  const removedAt: number[] = [];
  for (const job of jobs) {
    const key = jobRefKey(job);
    const entry = Object.entries(next.rows).find(([, row]) => jobRefKey(row) === key);
    if (!entry) {
      if (matchesFilter(job, filter)) fresh.push(job);
    } else if (matchesFilter(job, filter)) {
      next.rows[Number(entry[0])] = job;
    } else {
      next = removeAt(next, Number(entry[0]));
      removedAt.push(Number(entry[0]));
    }
  }
  const insertedAt: number[] = [];
  // Oldest first, so that each lands above the ones before it when several are new.
  fresh.sort((a, b) => (a.firstSeen ?? 0) - (b.firstSeen ?? 0));
  for (const job of fresh) {
    const index = placeOf(next, job);
    if (index === undefined) continue;
    next = insertAt(next, index, job);
    insertedAt.push(index);
  }
  return { held: next, insertedAt, removedAt };
}

/** Keeps the rows within `margin` of those on screen. */
export function keepNear(held: HeldRows, first: number, last: number, margin: number): HeldRows {
  const rows: Record<number, JobView> = {};
  for (const [i, job] of Object.entries(held.rows)) {
    const n = Number(i);
    if (n >= first - margin && n <= last + margin) rows[n] = job;
  }
  return { ...held, rows };
}

/** The pages (of `size` rows) with a row missing among rows first..last. */
export function pagesMissing(held: HeldRows, first: number, last: number, size: number): number[] {
  const pages: number[] = [];
  const end = Math.min(last, held.total - 1);
  for (let p = Math.floor(Math.max(0, first) / size); p * size <= end; p++) {
    for (let i = Math.max(first, p * size); i <= Math.min(end, p * size + size - 1); i++) {
      if (held.rows[i] === undefined) {
        pages.push(p);
        break;
      }
    }
  }
  return pages;
}
