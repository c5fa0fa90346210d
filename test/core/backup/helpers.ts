import Database from 'better-sqlite3';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';

/** A clock the test moves by hand: backups and their staleness are days apart. */
export function manualClock(start = '2026-03-02T03:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}

export const HOUR = 3600 * 1000;

/** Overwrites the middle of a database file with garbage, as a failing disk would. */
export function corrupt(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  try {
    const junk = Buffer.alloc(Math.min(size / 2, 64 * 1024), 0xa5);
    writeSync(fd, junk, 0, junk.length, Math.floor(size / 4));
  } finally {
    closeSync(fd);
  }
}

/** The jobs a database file holds, by job id. */
export function jobIds(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare<[], string>('SELECT job_id FROM jobs ORDER BY job_id').pluck().all();
  } finally {
    db.close();
  }
}

export const schemaOf = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};
