import Database from 'better-sqlite3';
import { narrow, privateDir, privateFile } from '../files/private';
import { join } from 'node:path';
import { BackupRepo, copyBeforeMigration, hasPendingMigrations } from './backup-repo';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export interface OpenOptions {
  dataDir: string;
  durability: 'power-cut' | 'crash';
  /** Path of a better-sqlite3 build for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  /**
   * Where to copy a database of an older schema before its migrations run (a path per call), and the time to record
   * it under. Absent: no copy (tests of one migration).
   */
  beforeMigration?: { path: () => string; at: () => string } | undefined;
}

export type Db = Database.Database;

export function openDatabase(options: OpenOptions): Db {
  privateDir(options.dataDir);
  const path = join(options.dataDir, 'console.sqlite');
  // SQLite gives the -wal and -shm files the main file's permissions: private from the first byte.
  privateFile(path);
  const db = new Database(path, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  db.pragma('journal_mode = WAL');
  narrow([`${path}-wal`, `${path}-shm`]);
  // FULL fsyncs the WAL at every commit: an acknowledged webhook survives a power cut. Commits are grouped by the
  // ingest queue, so many deliveries share one fsync.
  db.pragma(`synchronous = ${options.durability === 'power-cut' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  // Checkpoints run on a timer (startCheckpoints), not inside whichever commit happens to cross the threshold: that
  // commit would hold its webhooks' acknowledgements for the whole copy.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('busy_timeout = 5000');
  const copied = options.beforeMigration && hasPendingMigrations(db, Math.max(...MIGRATIONS.map((m) => m.version)))
    ? backUpBeforeMigration(db, options.beforeMigration)
    : undefined;
  migrate(db, MIGRATIONS);
  // Recorded once the backups table exists; checked later, in a worker, by the backup service.
  if (copied) {
    const backups = new BackupRepo(db);
    backups.end(backups.begin(copied.file, 'migration', copied.at), 'unchecked', copied.at, copied.bytes);
  }
  return db;
}

function backUpBeforeMigration(db: Db, target: { path: () => string; at: () => string }): { file: string; at: string; bytes: number } {
  const file = target.path();
  const at = target.at();
  privateFile(file);
  return { file, at, bytes: copyBeforeMigration(db, file) };
}

/** Copies the WAL back into the database every `everyMs`, between commits. Returns the function that stops it. */
export function startCheckpoints(db: Db, everyMs: number, log: (line: string) => void = () => {}): () => void {
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      log(`checkpoint failed: ${(err as Error).message}`);
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
