import Database from 'better-sqlite3';
import { redactPersonalData } from './retention-redaction';

/** Rows per table per transaction: small, so a backup's redaction never holds the main thread for long. */
const BATCH = 200;

/**
 * Redacts personal data older than `before` in a backup file, on a connection of its own, a batch at a time with the
 * event loop free in between (webhooks keep being acknowledged). Returns how many rows were read.
 */
export async function redactBackupFile(file: string, before: string, nativeBinding?: string): Promise<number> {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    let total = 0;
    for (let read = redactPersonalData(db, before, { limit: BATCH }); read > 0; read = redactPersonalData(db, before, { limit: BATCH })) {
      total += read;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return total;
  } finally {
    db.close();
  }
}
