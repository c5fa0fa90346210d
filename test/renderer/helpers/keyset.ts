/**
 * A list served as the core serves it (shared/api/paging.ts): newest first, `before` a row's key, `next` the key of a
 * page's last row when more follow. `rows` may grow while a test runs (rows arriving on top).
 */
export function keysetServer<T>(rows: T[], keyOf: (row: T) => number) {
  return ({ before, limit = 50 }: { before?: number | undefined; limit?: number | undefined }) => {
    const from = before === undefined ? rows : rows.filter((r) => keyOf(r) < before);
    const page = from.slice(0, limit);
    const last = page.at(-1);
    return { rows: page, total: rows.length, ...(from.length > limit && last !== undefined ? { next: keyOf(last) } : {}) };
  };
}
