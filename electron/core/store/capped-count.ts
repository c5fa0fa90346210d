import type { Db } from './database';

/**
 * How far a list's count goes. Counting every row a filter matches reads them all (the audit trail has no index for
 * each filter): past this many, a list says "10,000+" and stops counting, so a count costs at most this many rows.
 */
export const COUNT_CAP = 10_000;

/** The rows `from` (a FROM … WHERE … clause) matches, counted up to COUNT_CAP; `capped` when there are more. */
export function cappedCount(db: Db, from: string, params: Record<string, unknown>): { total: number; capped: boolean } {
  const n = db.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM (SELECT 1 ${from} LIMIT @countCap)`).pluck().get({ ...params, countCap: COUNT_CAP + 1 }) ?? 0;
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}
