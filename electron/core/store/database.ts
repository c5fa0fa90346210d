import Database from 'better-sqlite3';
import { narrow, privateDir, privateFile } from '../files/private';
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
