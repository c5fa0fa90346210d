import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export interface OpenOptions {
  dataDir: string;
  durability: 'power-cut' | 'crash';
  /** Path of a better-sqlite3 build for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
}

export type Db = Database.Database;

export function openDatabase(options: OpenOptions): Db {
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database(join(options.dataDir, 'console.sqlite'), {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  db.pragma('journal_mode = WAL');
  // FULL fsyncs the WAL at every commit: an acknowledged webhook survives a power cut. Commits are grouped by the
  // ingest queue, so many deliveries share one fsync.
  db.pragma(`synchronous = ${options.durability === 'power-cut' ? 'FULL' : 'NORMAL'}`);
  db.pragma('foreign_keys = ON');
  // Checkpoints run on a timer (startCheckpoints), not inside whichever commit happens to cross the threshold: that
  // commit would hold its webhooks' acknowledgements for the whole copy.
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('busy_timeout = 5000');
  migrate(db, MIGRATIONS);
  return db;
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
