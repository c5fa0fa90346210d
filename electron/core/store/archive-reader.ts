import Database from 'better-sqlite3';
import { archiveFiles } from './archive-files';
import type { CommandRow } from './command-repo';
import type { JobRow } from './job-repo';

/** One year's archive, opened read-only: the console's own writes go through the live connection (archive-mover.ts). */
export interface ArchiveHandle {
  year: number;
  path: string;
  db: Database.Database;
}

/** A command as the archive holds it: the live `commands` table's columns (older archives gain later columns). */
export type ArchivedCommandRow = CommandRow;

/** A job as the archive holds it: the live `jobs` table's columns. */
export type ArchivedJobRow = JobRow & { last_seq: number };

/** Which archived commands to read: created within [since, until] (ISO times, either optional). */
export interface ArchivedCommandRange {
  since?: string | undefined;
  until?: string | undefined;
}

/** Whether an archive has the table (a file cut short before its first batch may have none). */
export const hasTable = (db: Database.Database, table: string): boolean =>
  db.prepare<[string], number>("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) === 1;

/**
 * Every year's archive in the data directory, read-only, newest year first (the order an audit trail is read in).
 * The caller closes them (`closeArchives`). A file that cannot be opened is skipped and named in `unreadable`.
 */
export function openArchives(dataDir: string, nativeBinding?: string): { archives: ArchiveHandle[]; unreadable: string[] } {
  const archives: ArchiveHandle[] = [];
  const unreadable: string[] = [];
  for (const { year, path } of archiveFiles(dataDir).reverse()) {
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
      db.pragma('busy_timeout = 5000');
      archives.push({ year, path, db });
    } catch {
      unreadable.push(path);
    }
  }
  return { archives, unreadable };
}

export function closeArchives(archives: readonly ArchiveHandle[]): void {
  for (const a of archives) a.db.close();
}

/**
 * An archive's commands, newest first, one row at a time (a cursor, never the whole table): what the audit export
 * streams after the live rows.
 */
export function* archivedCommands(archive: ArchiveHandle, range: ArchivedCommandRange = {}): Generator<ArchivedCommandRow> {
  if (!hasTable(archive.db, 'commands')) return;
  yield* archive.db
    .prepare<{ since: string | null; until: string | null }, ArchivedCommandRow>(
      'SELECT * FROM commands WHERE (@since IS NULL OR created_at >= @since) AND (@until IS NULL OR created_at <= @until) ORDER BY id DESC',
    )
    .iterate({ since: range.since ?? null, until: range.until ?? null });
}

/** An archive's jobs, most recently updated first, one row at a time. */
export function* archivedJobs(archive: ArchiveHandle): Generator<ArchivedJobRow> {
  if (!hasTable(archive.db, 'jobs')) return;
  yield* archive.db.prepare<[], ArchivedJobRow>('SELECT * FROM jobs ORDER BY last_seq DESC').iterate();
}
