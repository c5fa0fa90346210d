import type { Db } from './database';

/** Tables a projection may be rebuilt into: emptied by name, so only these names are accepted. */
const PROJECTION_TABLES = new Set([
  'jobs',
  'machine_state',
  'job_metadata',
  'rapidadmin_persons',
  'rapidadmin_sequences',
  'feed_activity',
  'feed_alerts',
  'idv_verifications',
]);

/** How far the projections have folded the log, and with which reducer version. */
export class ProjectionState {
  private readonly getStmt;
  private readonly setStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.setStmt = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  }

  version(): number | undefined {
    const v = this.getStmt.get('projection_version')?.value;
    return v === undefined ? undefined : Number(v);
  }

  setVersion(version: number): void {
    this.setStmt.run('projection_version', String(version));
  }

  /** The last event folded into the projections. */
  projectedSeq(): number {
    return Number(this.getStmt.get('projected_seq')?.value ?? 0);
  }

  setProjectedSeq(seq: number): void {
    this.setStmt.run('projected_seq', String(seq));
  }

  empty(tables: Iterable<string>): void {
    for (const table of tables) {
      if (!PROJECTION_TABLES.has(table)) throw new Error(`${table} is not a projection table`);
      this.db.exec(`DELETE FROM ${table}`);
    }
  }
}
