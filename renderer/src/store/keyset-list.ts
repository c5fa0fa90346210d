/**
 * A list read newest first a page at a time (shared/api/paging.ts): the rows on screen, where the next page begins
 * (`next`, undefined when the last page is shown) and, for lists that count, how many there are in all.
 */
export interface KeysetList<T> {
  rows: T[];
  next: number | undefined;
  total?: number | undefined;
  /** At least `total` rows: the core stopped counting there. */
  totalCapped?: boolean | undefined;
}

type Page<T> = { rows: T[]; next?: number | undefined; total?: number | undefined; totalCapped?: boolean | undefined };

export const emptyList = <T>(): KeysetList<T> => ({ rows: [], next: undefined });

/**
 * "Show more": the page read from `before` goes below the rows on screen, unless the list moved meanwhile (a fresh
 * read started it again from the top): then that page no longer follows it and is dropped.
 */
export function withOlder<T>(
  list: KeysetList<T>,
  before: number,
  page: Page<T>,
): KeysetList<T> {
  if (list.next !== before) return list;
  return { rows: [...list.rows, ...page.rows], next: page.next, total: page.total ?? list.total, totalCapped: page.totalCapped ?? list.totalCapped };
}

/**
 * The list after its first page was read again (something changed): the fresh page replaces the top, and the older
 * rows a person opened with "Show more" stay below it, each once (a row that moved up is shown where it is now). When
 * so many rows arrived that the fresh page does not reach the rows on screen, the list starts again from the top.
 */
export function withFreshHead<T>(
  list: KeysetList<T>,
  page: Page<T>,
  idOf: (row: T) => string | number,
): KeysetList<T> {
  const last = page.rows.at(-1);
  const fresh: KeysetList<T> = { rows: page.rows, next: page.next, total: page.total, totalCapped: page.totalCapped };
  if (page.next === undefined || last === undefined) return fresh;
  const at = list.rows.findIndex((r) => idOf(r) === idOf(last));
  if (at < 0) return fresh;
  const onTop = new Set(page.rows.map(idOf));
  const older = list.rows.slice(at + 1).filter((r) => !onTop.has(idOf(r)));
  return { rows: [...page.rows, ...older], next: list.next, total: page.total, totalCapped: page.totalCapped };
}
