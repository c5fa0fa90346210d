import { z } from 'zod';

/**
 * The lists people read newest first (alerts, the audit trail, refused deliveries, finished reviews, the feeds) are
 * read page by page with a key, never whole: `before` is the `next` the previous page ended on. Rows that arrive
 * meanwhile are newer than every key already handed out, so "Show more" neither repeats nor skips a row, as an
 * offset would while the list grows at its top.
 */
export const keysetParams = (pageSize: number, maxPage: number) => ({
  before: z.number().int().optional(),
  limit: z.number().int().min(1).max(maxPage).default(pageSize),
});

/** `next`: what to pass as `before` for the following page; absent on the last page. */
export const keysetPageSchema = <T extends z.ZodTypeAny>(row: T) => z.object({ rows: z.array(row), next: z.number().int().optional() });

/**
 * A page from rows read with one more than `limit` (which says whether another page follows): the page's rows, and
 * the key of the last of them when there is more.
 */
export function keysetPage<T>(rows: readonly T[], limit: number, keyOf: (row: T) => number): { rows: T[]; next?: number } {
  if (rows.length <= limit) return { rows: [...rows] };
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return last === undefined ? { rows: page } : { rows: page, next: keyOf(last) };
}
