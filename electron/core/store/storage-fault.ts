/**
 * SQLite result codes that say the storage failed, not the data written: the disk is full, an I/O error, the file
 * cannot be opened or written, another writer holds the lock, memory ran out, the file is damaged. A write failing with
 * one of these fails whatever it holds; retried later (a webhook answered 503), it may succeed.
 */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|NOMEM|CORRUPT|NOTADB|PROTOCOL|PERM|NOLFS|AUTH)(_|$)/;

/** Whether an error thrown by a write is a fault of the storage (retry later) rather than of what was written. */
export function isStorageFault(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && STORAGE_CODES.test(code)) return true;
  // better-sqlite3 on a closed connection (the console is stopping): nothing can be written now, later it can.
  return err instanceof TypeError && /database connection is not open/i.test(err.message);
}
