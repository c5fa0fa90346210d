import type { LinkedJob, ProcessDetails } from '../../../shared/api/feeds';
import { field, idText } from '../../../shared/json-values';
import type { VerificationState } from '../domain/idv/verification';
import type { Db } from './database';
import { literalLike } from './where-builder';

/** Process ids are UUIDs: matched whatever their case. */
export const processKey = (processId: string) => processId.trim().toLowerCase();

const MAX_LINKED = 50;

/**
 * Identity verifications, what GetProcess answered about them, and what links them to jobs: a job's CorrelationId
 * or a configured key of its AdditionalMetadata carrying the processId.
 */
export class IdvRepo {
  private readonly getStmt;
  private readonly putStmt;
  private readonly putMetadata;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], { state: string }>('SELECT state FROM idv_verifications WHERE process_key = ?');
    this.putStmt = db.prepare(
      `INSERT INTO idv_verifications (process_key, state, last_seq) VALUES (?, ?, ?)
       ON CONFLICT (process_key) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq`,
    );
    this.putMetadata = db.prepare(
      `INSERT INTO job_metadata (machine_id, job_key, metadata) VALUES (?, ?, ?)
       ON CONFLICT (machine_id, job_key) DO UPDATE SET metadata = excluded.metadata WHERE metadata != excluded.metadata`,
    );
  }

  get(processId: string): VerificationState | undefined {
    const row = this.getStmt.get(processKey(processId));
    return row ? (JSON.parse(row.state) as VerificationState) : undefined;
  }

  put(state: VerificationState, seq: number): void {
    this.putStmt.run(processKey(state.processId), JSON.stringify(state), seq);
  }

  /** Most recently delivered first, each with the sequence number of its last delivery (the key to page on). */
  recent(limit: number, before?: number): { state: VerificationState; seq: number }[] {
    type Row = { state: string; last_seq: number };
    const rows =
      before === undefined
        ? this.db.prepare<[number], Row>('SELECT state, last_seq FROM idv_verifications ORDER BY last_seq DESC LIMIT ?').all(limit)
        : this.db
            .prepare<[number, number], Row>('SELECT state, last_seq FROM idv_verifications WHERE last_seq < ? ORDER BY last_seq DESC LIMIT ?')
            .all(before, limit);
    return rows.map((r) => ({ state: JSON.parse(r.state) as VerificationState, seq: r.last_seq }));
  }

  details(processId: string): ProcessDetails | undefined {
    const row = this.db
      .prepare<[string], { details: string }>('SELECT details FROM idv_process_details WHERE process_key = ?')
      .get(processKey(processId));
    return row ? (JSON.parse(row.details) as ProcessDetails) : undefined;
  }

  saveDetails(processId: string, details: ProcessDetails): void {
    this.db
      .prepare('INSERT OR REPLACE INTO idv_process_details (process_key, details) VALUES (?, ?)')
      .run(processKey(processId), JSON.stringify(details));
  }

  saveJobMetadata(machineId: string, jobKey: string, metadata: Record<string, unknown>): void {
    this.putMetadata.run(machineId, jobKey, JSON.stringify(metadata));
  }

  /**
   * For a page of jobs, in one query: each job's AdditionalMetadata (when a link key is configured) and the
   * verification its CorrelationId names. Returns metadata by `machineId\u0000key` and verifications by process key.
   */
  forJobs(
    jobs: readonly { machineId: string; key: string; correlationId?: string | undefined }[],
    withMetadata: boolean,
  ): { metadata: Map<string, Record<string, unknown>>; verifications: Map<string, VerificationState> } {
    const metadata = new Map<string, Record<string, unknown>>();
    const verifications = new Map<string, VerificationState>();
    if (jobs.length === 0) return { metadata, verifications };
    const refs = JSON.stringify(jobs.map((j) => [j.machineId, j.key, j.correlationId ? processKey(j.correlationId) : null]));
    const rows = this.db
      .prepare<[string, number], { machine_id: string; job_key: string; metadata: string | null; state: string | null }>(
        `SELECT r.value ->> 0 AS machine_id, r.value ->> 1 AS job_key, m.metadata, v.state
         FROM json_each(?) AS r
         LEFT JOIN job_metadata m ON ? AND m.machine_id = r.value ->> 0 AND m.job_key = r.value ->> 1
         LEFT JOIN idv_verifications v ON v.process_key = r.value ->> 2`,
      )
      .all(refs, withMetadata ? 1 : 0);
    for (const r of rows) {
      if (r.metadata !== null) metadata.set(`${r.machine_id}\u0000${r.job_key}`, JSON.parse(r.metadata) as Record<string, unknown>);
      if (r.state !== null) {
        const state = JSON.parse(r.state) as VerificationState;
        verifications.set(processKey(state.processId), state);
      }
    }
    return { metadata, verifications };
  }

  /** Verifications by process id, in one query; the map is keyed by process key. */
  getMany(processIds: readonly string[]): Map<string, VerificationState> {
    const found = new Map<string, VerificationState>();
    if (processIds.length === 0) return found;
    const rows = this.db
      .prepare<[string], { state: string }>('SELECT state FROM idv_verifications WHERE process_key IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(processIds.map(processKey)));
    for (const r of rows) {
      const state = JSON.parse(r.state) as VerificationState;
      found.set(processKey(state.processId), state);
    }
    return found;
  }

  /** The jobs whose CorrelationId, or AdditionalMetadata[metadataKey], is this processId. */
  linkedJobs(processId: string, metadataKey: string | undefined): LinkedJob[] {
    type Row = { source: string; machine_id: string; job_key: string; job_id: string | null; status: string };
    const view = (r: Row, via: string): LinkedJob => ({
      source: r.source,
      machineId: r.machine_id,
      key: r.job_key,
      ...(r.job_id !== null ? { jobId: r.job_id } : {}),
      status: r.status,
      via,
    });
    const id = processId.trim();
    const byCorrelation = this.db
      .prepare<[string, number], Row>(
        'SELECT source, machine_id, job_key, job_id, status FROM jobs WHERE correlation_id = ? COLLATE NOCASE ORDER BY last_seq DESC LIMIT ?',
      )
      .all(id, MAX_LINKED)
      .map((r) => view(r, 'CorrelationId'));
    if (!metadataKey) return byCorrelation;
    // LIKE narrows to rows mentioning the id anywhere; the key itself is then matched exactly, case-insensitively.
    const byMetadata = this.db
      .prepare<[string, number], Row & { metadata: string }>(
        `SELECT j.source, j.machine_id, j.job_key, j.job_id, j.status, m.metadata
         FROM job_metadata m JOIN jobs j ON j.machine_id = m.machine_id AND j.job_key = m.job_key
         WHERE m.metadata LIKE ? ESCAPE '\\' ORDER BY j.last_seq DESC LIMIT ?`,
      )
      .all(`%${literalLike(id)}%`, MAX_LINKED)
      .filter((r) => idText(field(JSON.parse(r.metadata) as Record<string, unknown>, metadataKey))?.toLowerCase() === processKey(id))
      .map((r) => view(r, `AdditionalMetadata.${metadataKey}`));
    const seen = new Set(byCorrelation.map((j) => `${j.machineId}/${j.key}`));
    return [...byCorrelation, ...byMetadata.filter((j) => !seen.has(`${j.machineId}/${j.key}`))];
  }

  setting<T>(key: string): { value: T; changedAt: string; changedBy: string } | undefined {
    const row = this.db
      .prepare<[string], { value: string; changed_at: string; changed_by: string }>(
        'SELECT value, changed_at, changed_by FROM feed_settings WHERE key = ?',
      )
      .get(key);
    return row ? { value: JSON.parse(row.value) as T, changedAt: row.changed_at, changedBy: row.changed_by } : undefined;
  }

  saveSetting(key: string, value: unknown, at: string, by: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO feed_settings (key, value, changed_at, changed_by) VALUES (?, ?, ?, ?)')
      .run(key, JSON.stringify(value), at, by);
  }

  clearSetting(key: string): void {
    this.db.prepare('DELETE FROM feed_settings WHERE key = ?').run(key);
  }
}
