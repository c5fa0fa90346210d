import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What `PRAGMA integrity_check` found in a backup file, and the schema version it holds. */
export interface BackupCheck {
  ok: boolean;
  /** "ok", or SQLite's first few complaints (or why the file could not be read at all). */
  problems: string[];
  /** The file's `user_version`; absent when it could not be read. */
  schema?: number;
}

/** A copy made, or why not. */
export type BackupCopy = { ok: true } | { ok: false; error: string };

/**
 * How long a worker waits for a lock another connection holds: a person (or the restore tool) reading a backup file
 * while it is checked is no reason to fail the check and delete a good copy.
 */
const BUSY_TIMEOUT_MS = 10_000;

/*
 * Both run in a worker thread, on a connection of their own, so neither a large copy nor its check ever holds the
 * main thread (which acknowledges webhooks). Plain JavaScript evaluated in the worker: the build bundles the core into
 * one file, so there is no module of its own to point a Worker at.
 */
const OPEN = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const open = (file, readonly) => {
  const db = new Database(file, { fileMustExist: true, readonly, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma('busy_timeout = ${BUSY_TIMEOUT_MS}');
  return db;
};
`;

/**
 * VACUUM INTO reads the live database in one read transaction of this connection: a consistent snapshot, while the
 * console goes on writing through its own (WAL: readers and the writer do not wait for each other).
 */
const COPY = `${OPEN}
let db;
try {
  db = open(workerData.source, true);
  db.prepare('VACUUM INTO ?').run(workerData.dest);
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, error: err && err.message ? err.message : String(err) });
} finally {
  if (db) db.close();
}
`;

/**
 * The copy is checked, then made a standalone file (rollback journal, no -wal beside it to go missing). Leaving WAL mode
 * needs the file to itself, and SQLite does not wait for that on its own: a reader holding the copy open at that moment
 * (IT looking into it, the restore tool) is waited for up to BUSY_TIMEOUT_MS, after which the copy, already checked,
 * stays in WAL mode, which SQLite opens just as well.
 */
const CHECK = `${OPEN}
const standalone = (db) => {
  const until = Date.now() + ${BUSY_TIMEOUT_MS};
  for (;;) {
    try {
      db.pragma('journal_mode = DELETE');
      return;
    } catch (err) {
      if (!err || err.code !== 'SQLITE_BUSY') throw err;
      if (Date.now() > until) return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
};
let db;
try {
  db = open(workerData.file, false);
  const problems = db.pragma('integrity_check(5)').map((row) => String(Object.values(row)[0]));
  const schema = db.pragma('user_version', { simple: true });
  const ok = problems.length === 1 && problems[0] === 'ok';
  if (ok) standalone(db);
  parentPort.postMessage({ ok, problems, schema });
} catch (err) {
  parentPort.postMessage({ ok: false, problems: [err && err.message ? err.message : String(err)] });
} finally {
  if (db) db.close();
}
`;

/**
 * Runs `code` in a worker and resolves to its one message; `failed` turns a worker that died into an answer. `signal`
 * ends the worker at once (the console is stopping): the answer is then undefined.
 */
function inWorker<T>(code: string, data: Record<string, unknown>, failed: (why: string) => T, signal?: AbortSignal): Promise<T | undefined> {
  const module = createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve(undefined);
      return;
    }
    const worker = new Worker(code, { eval: true, workerData: { ...data, module } });
    let answered = false;
    const answer = (value: T | undefined) => {
      if (answered) return;
      answered = true;
      resolve(value);
    };
    signal?.addEventListener('abort', () => {
      answer(undefined);
      void worker.terminate();
    });
    worker.once('message', (value: T) => answer(value));
    worker.once('error', (err) => answer(failed(err.message)));
    worker.once('exit', (code) => answer(failed(`the worker stopped (exit code ${code})`)));
  });
}

/** Copies the database file `source` to `dest` (which must not exist) in a worker thread. */
export function copyDatabase(source: string, dest: string, nativeBinding?: string, signal?: AbortSignal): Promise<BackupCopy | undefined> {
  return inWorker<BackupCopy>(COPY, { source, dest, nativeBinding }, (error) => ({ ok: false, error }), signal);
}

/** Checks a backup file in a worker thread. Never rejects: a file that cannot be read is a failed check. */
export function checkBackupFile(file: string, nativeBinding?: string, signal?: AbortSignal): Promise<BackupCheck | undefined> {
  return inWorker<BackupCheck>(CHECK, { file, nativeBinding }, (why) => ({ ok: false, problems: [why] }), signal);
}
