import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The console's files hold personal data (applicants' names in messages, OCR reads, identity checks) and secrets:
 * only the user the console runs as may read them. On POSIX, directories are 0700 and files 0600, whatever the umask,
 * and ones an older version left readable are narrowed. On Windows a file under the user profile is private by its
 * ACLs already; modes mean little there, so nothing is changed.
 */
const POSIX = process.platform !== 'win32';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates the directory (and its parents) if missing, and makes the directory itself private. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates the file empty if missing, and makes it private: before anything is written into it. */
export function privateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  if (POSIX) chmodSync(path, PRIVATE_FILE_MODE);
}

/** Makes files that exist private (SQLite's -wal and -shm, made by SQLite itself). */
export function narrow(paths: readonly string[]): void {
  if (!POSIX) return;
  for (const path of paths) if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
}
