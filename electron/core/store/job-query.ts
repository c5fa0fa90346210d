import { JOB_COUNT_CAP, type JobQuerySchema } from '../../../shared/api/views';
import type { Db } from './database';
import { literalLike } from './where-builder';

type ParsedQuery = ReturnType<typeof JobQuerySchema.parse>;

/** A queue query as SQL: the rows it reads, its WHERE terms, their parameters, and its order. */
export interface JobSql {
  from: string;
  terms: string[];
  params: Record<string, unknown>;
  order: string;
  /** A search: its count stops past JOB_COUNT_CAP. */
  searched: boolean;
}

const where = (terms: readonly string[]) => (terms.length ? `WHERE ${terms.join(' AND ')}` : '');

/** A search's test on one row, kept off the ids' indexes (unary +): the term in, or at the start of, an id. */
const LIKE_ANY_ID = `(+job_id LIKE @like ESCAPE '\\' OR +correlation_id LIKE @like ESCAPE '\\' OR +batch_id LIKE @like ESCAPE '\\')`;
/** The same test through the ids' NOCASE indexes: a short term's candidates. */
const PREFIX_CANDIDATES = `SELECT rowid FROM jobs WHERE job_id LIKE @like ESCAPE '\\' OR correlation_id LIKE @like ESCAPE '\\'
  OR batch_id LIKE @like ESCAPE '\\'`;
/** Terms this short match the start of an id: FTS5's trigrams need three characters. */
const SHORTEST_INFIX = 3;
/** How far the filters' rows and a search's candidates are counted to tell which are fewer (a few ms each). */
const COMPARED = 100_000;

/** The filters' terms. */
function filterOf(q: ParsedQuery): { terms: string[]; params: Record<string, unknown> } {
  const terms: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (term: string, name: string, value: string | undefined) => {
    if (!value) return;
    terms.push(term);
    params[name] = value;
  };
  add('machine_id = @machineId', 'machineId', q.machineId);
  add('status = @status', 'status', q.status);
  add('batch_id = @batchId', 'batchId', q.batchId);
  add('source = @source', 'source', q.source);
  // Written exactly as the WHERE of the queue's partial indexes: SQLite uses them only for this very term.
  if (q.groupCancelled) terms.push('grouped = 0');
  return { terms, params };
}

/**
 * The queue's rows for the filters, through the index migration 8 made for them, named: every one of them can serve
 * the order (each ends with the rowid), and without statistics SQLite takes the one for all jobs (no sort) over the
 * narrow one a filter has, walking a million entries for a batch of 250.
 */
function queueRows(q: ParsedQuery): string {
  if (!q.groupCancelled) return 'jobs';
  const index = q.batchId
    ? 'jobs_queue_batch'
    : q.machineId && q.status
      ? 'jobs_queue_machine_status'
      : q.machineId
        ? 'jobs_queue_machine'
        : q.status
          ? 'jobs_queue_status'
          : q.source
            ? 'jobs_queue_source'
            : 'jobs_queue_all';
  return `jobs INDEXED BY ${index}`;
}

const count = (db: Db, sql: string, params: Record<string, unknown>) =>
  db.prepare<Record<string, unknown>, number>(sql).pluck().get(params) ?? 0;

/**
 * The SQL of a queue query: newest job first, by when the console first saw it (rowid), so that a job keeps its place
 * when it changes. Without a search, over the filters' indexes (each ends with the rowid: no sort). A search's page
 * never sorts every match:
 *
 * - filters that leave fewer jobs than the search has candidates: those, each tested, in the filter's index's order;
 * - 3+ characters: the trigram index, which yields its matches newest first, each row tested against the filters;
 * - 1-2 characters with few candidates (the ids' NOCASE indexes): those rows, sorted; with many, the queue newest
 *   first, each row tested (a common prefix meets a match within a few rows).
 */
export function jobSql(db: Db, q: ParsedQuery): JobSql {
  const filter = filterOf(q);
  const term = q.search?.trim();
  const rows = queueRows(q);
  if (!term) return { from: rows, ...filter, order: 'jobs.rowid DESC', searched: false };
  const infix = [...term].length >= SHORTEST_INFIX;
  const params = { ...filter.params, like: infix ? `%${literalLike(term)}%` : `${literalLike(term)}%` };
  const search = { params, order: 'jobs.rowid DESC', searched: true };
  const upTo = (most: number, from: string, terms: readonly string[] = [], extra: Record<string, unknown> = {}) =>
    count(db, `SELECT count(*) FROM (SELECT 1 FROM ${from} ${where(terms)} LIMIT ${most})`, { ...params, ...extra });
  const phrase = { phrase: `"${term.replaceAll('"', '""')}"` };

  // The filters' rows or the search's candidates, whichever are fewer, are the rows each tested against the other.
  const filtered = filter.terms.some((t) => t !== 'grouped = 0') ? upTo(COMPARED, rows, filter.terms) : COMPARED;
  const candidates = infix ? upTo(COMPARED, 'jobs_search', ['jobs_search MATCH @phrase'], phrase) : upTo(COMPARED, `(${PREFIX_CANDIDATES})`);
  if (filtered < COMPARED && filtered <= candidates) return { from: rows, terms: [...filter.terms, LIKE_ANY_ID], ...search };
  if (infix) {
    // Ordered by the trigram index's own rowid: SQLite then reads its matches in that order, with no sort.
    return {
      from: 'jobs_search CROSS JOIN jobs ON jobs.rowid = jobs_search.rowid',
      terms: ['jobs_search MATCH @phrase', ...filter.terms],
      ...search,
      order: 'jobs_search.rowid DESC',
      params: { ...params, ...phrase },
    };
  }
  // NOT INDEXED: rowid lookups and the table's own order only, never a filter's index walked in whole.
  if (candidates <= JOB_COUNT_CAP) return { from: 'jobs NOT INDEXED', terms: [`rowid IN (${PREFIX_CANDIDATES})`, ...filter.terms], ...search };
  return { from: rows, terms: [LIKE_ANY_ID, ...filter.terms], ...search };
}

/** How many jobs match, stopping past JOB_COUNT_CAP for a search. */
export function countOf(db: Db, sql: JobSql): { total: number; capped: boolean } {
  const body = `FROM ${sql.from} ${where(sql.terms)}`;
  if (!sql.searched) return { total: count(db, `SELECT count(*) ${body}`, sql.params), capped: false };
  const n = count(db, `SELECT count(*) FROM (SELECT 1 ${body} LIMIT ${JOB_COUNT_CAP + 1})`, sql.params);
  return n > JOB_COUNT_CAP ? { total: JOB_COUNT_CAP, capped: true } : { total: n, capped: false };
}

/**
 * The row ids of one page, read from indexed columns only where the plan allows. A page in the older half of the
 * queue is read from its far end (the index walked backwards), so that the last page of a million costs what the
 * first does, not a walk past every job before it.
 */
export function pageIds(db: Db, sql: JobSql, page: { limit: number; offset: number; total: number }): number[] {
  const read = (order: string, limit: number, offset: number) =>
    db
      .prepare<Record<string, unknown>, number>(`SELECT jobs.rowid FROM ${sql.from} ${where(sql.terms)} ORDER BY ${order} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...sql.params, limit, offset });
  const { limit, offset, total } = page;
  if (sql.searched || offset <= total / 2 || offset >= total) return read(sql.order, limit, offset);
  const shown = Math.min(limit, total - offset);
  return read(sql.order.replace(/ DESC$/, ' ASC'), shown, total - offset - shown).reverse();
}
