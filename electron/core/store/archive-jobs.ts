import type { TimelineEntry } from '../../../shared/api/records';
import type { JobQuery } from '../../../shared/api/views';
import type { JobState } from '../domain/job-state';
import { closeArchives, hasTable, openArchives } from './archive-reader';
import { fromRow, type JobRow } from './job-repo';
import { literalLike } from './where-builder';

type Filter = Omit<JobQuery, 'offset' | 'limit' | 'includeArchive'>;

function whereOf(q: Filter): { clause: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  for (const [key, column] of [
    ['machineId', 'machine_id'],
    ['status', 'status'],
    ['batchId', 'batch_id'],
    ['source', 'source'],
  ] as const) {
    const value = q[key];
    if (!value) continue;
    where.push(`${column} = @${key}`);
    params[key] = value;
  }
  if (q.groupCancelled) where.push('grouped = 0');
  const search = q.search?.trim();
  if (search) {
    // What a person types is matched literally: % and _ are not wildcards here.
    where.push(`(job_id LIKE @search ESCAPE '\\' OR correlation_id LIKE @search ESCAPE '\\' OR batch_id LIKE @search ESCAPE '\\')`);
    params['search'] = `%${literalLike(search)}%`;
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * Matches counted per archive, at most: the count runs on the thread that acknowledges webhooks, and a search over a
 * year of jobs would hold it for a whole scan. The queue pages through this many of each year.
 */
const COUNT_CAP = 10_000;

/**
 * "Include archive" in the job queue: the archived jobs matching the queue's filters, newest year first and newest
 * first within it, a page at `offset` of them, and how many match in all. Each archive is opened read-only for the
 * call and closed after it: archives are read rarely, and never hold the live file's connection.
 */
export function searchArchivedJobs(dataDir: string, query: Filter, offset: number, limit: number): { rows: JobState[]; total: number } {
  const { archives } = openArchives(dataDir);
  try {
    const { clause, params } = whereOf(query);
    const rows: JobState[] = [];
    let total = 0;
    let skip = offset;
    for (const archive of archives.filter((a) => hasTable(a.db, 'jobs'))) {
      const count =
        archive.db.prepare<Record<string, unknown>, number>(`SELECT count(*) FROM (SELECT 1 FROM jobs ${clause} LIMIT ${COUNT_CAP})`).pluck().get(params) ?? 0;
      total += count;
      if (rows.length >= limit || skip >= count) {
        skip = Math.max(0, skip - count);
        continue;
      }
      const page = archive.db
        .prepare<Record<string, unknown>, JobRow>(`SELECT * FROM jobs ${clause} ORDER BY last_seq DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit: limit - rows.length, offset: skip });
      rows.push(...page.map(fromRow));
      skip = 0;
    }
    return { rows, total };
  } finally {
    closeArchives(archives);
  }
}

/**
 * An archived job with its messages, oldest first, each with the body it arrived in (redacted, once personal data
 * expired): what the job's detail shows when it is no longer live. Newest year first; undefined when no archive has it.
 */
export function archivedJobDetail(dataDir: string, machineId: string, key: string): { job: JobState; timeline: TimelineEntry[] } | undefined {
  const { archives } = openArchives(dataDir);
  try {
    for (const { db } of archives) {
      if (!hasTable(db, 'jobs') || !hasTable(db, 'events') || !hasTable(db, 'deliveries')) continue;
      const row = db.prepare<[string, string], JobRow>('SELECT * FROM jobs WHERE machine_id = ? AND job_key = ?').get(machineId, key);
      if (!row) continue;
      // The path is written out, not bound: only then is the archive's expression index used.
      const path = key.startsWith('wf:') ? '$.workflowInstanceId' : '$.jobId';
      const events = db
        .prepare<[string, string], { seq: number; message_type: string; received_at: string; message: string; body: Buffer | null }>(
          `SELECT e.seq, e.message_type, e.received_at, e.message, d.body FROM events e LEFT JOIN deliveries d ON d.id = e.delivery_id
           WHERE e.source = 'aida' AND e.machine_id = ? AND json_extract(e.message, '${path}') = ? ORDER BY e.seq`,
        )
        .all(machineId, key.startsWith('wf:') ? key.slice(3) : key);
      const timeline = events.map((e) => ({
        seq: e.seq,
        type: e.message_type,
        receivedAt: e.received_at,
        message: JSON.parse(e.message) as unknown,
        ...(e.body && e.body.length > 0 ? { raw: e.body.toString('utf8') } : {}),
      }));
      return { job: fromRow(row), timeline };
    }
    return undefined;
  } finally {
    closeArchives(archives);
  }
}
