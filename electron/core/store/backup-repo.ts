import { copyFileSync } from 'node:fs';
import type { Db } from './database';

export type BackupReason = 'daily' | 'manual' | 'migration';
export type BackupResult = 'running' | 'unchecked' | 'ok' | 'failed';

export interface BackupRecord {
  id: number;
  file: string;
  reason: BackupReason;
  startedAt: string;
  finishedAt?: string;
  bytes?: number;
  result: BackupResult;
  detail?: string;
}

interface BackupRow {
  id: number;
  file: string;
  reason: BackupReason;
  started_at: string;
  finished_at: string | null;
  bytes: number | null;
  result: BackupResult;
  detail: string | null;
}

const fromRow = (r: BackupRow): BackupRecord => ({
  id: r.id,
  file: r.file,
  reason: r.reason,
  startedAt: r.started_at,
  result: r.result,
  ...(r.finished_at !== null ? { finishedAt: r.finished_at } : {}),
  ...(r.bytes !== null ? { bytes: r.bytes } : {}),
  ...(r.detail !== null ? { detail: r.detail } : {}),
});

/** The record of each copy of the database made into a backup file (the copy itself: backup-worker.ts). */
export class BackupRepo {
  constructor(private readonly db: Db) {}

  /** The live database's file, which a backup copies on a connection of its own. */
  databaseFile(): string {
    return this.db.name;
  }

  begin(file: string, reason: BackupReason, at: string): number {
    const info = this.db
      .prepare(`INSERT INTO backups (file, reason, started_at, result) VALUES (?, ?, ?, 'running')`)
      .run(file, reason, at);
    return Number(info.lastInsertRowid);
  }

  /** The copy is written (`unchecked`), or its check is done (`ok` / `failed`, with what was found). */
  end(id: number, result: Exclude<BackupResult, 'running'>, at: string, bytes?: number, detail?: string): void {
    this.db
      .prepare('UPDATE backups SET result = ?, finished_at = ?, bytes = coalesce(?, bytes), detail = ? WHERE id = ?')
      .run(result, at, bytes ?? null, detail ?? null, id);
  }

  /** The newest backup written (checked or not, passed or failed); not one being copied now. */
  latest(): BackupRecord | undefined {
    const row = this.db.prepare<[], BackupRow>(`SELECT * FROM backups WHERE result != 'running' ORDER BY id DESC LIMIT 1`).get();
    return row ? fromRow(row) : undefined;
  }

  /** The newest backup whose check passed: how old it is decides the stale alert. */
  latestGood(): BackupRecord | undefined {
    const row = this.db.prepare<[], BackupRow>(`SELECT * FROM backups WHERE result = 'ok' ORDER BY id DESC LIMIT 1`).get();
    return row ? fromRow(row) : undefined;
  }

  /** Copies written but not checked (before a migration, or by a console stopped mid-check). */
  unchecked(): BackupRecord[] {
    return this.db
      .prepare<[], BackupRow>(`SELECT * FROM backups WHERE result IN ('unchecked', 'running') ORDER BY id`)
      .all()
      .map(fromRow);
  }
}

/** Whether the database holds data written by an older schema: its migrations are about to run. */
export function hasPendingMigrations(db: Db, latest: number): boolean {
  const current = db.pragma('user_version', { simple: true }) as number;
  return current > 0 && current < latest;
}

/**
 * Copies the database file before its migrations run. Nothing else runs at that moment (the console is opening), so a
 * plain file copy after folding the WAL back is consistent, and faster than a page-by-page backup.
 */
export function copyBeforeMigration(db: Db, dest: string): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(db.name, dest);
  return db.prepare<[], number>('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() ?? 0;
}
