import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { privateDir } from '../files/private';
import type { BackupReason } from '../store/backup-repo';

const BACKUP_FILE = /^console-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-(daily|manual|migration)\.sqlite$/;

/** `console-2026-11-27T03-00-00-000Z-daily.sqlite`: sorts by time, says why it was made, valid on every file system. */
export function backupFileName(at: Date, reason: BackupReason): string {
  return `console-${at.toISOString().replace(/[:.]/g, '-')}-${reason}.sqlite`;
}

/** A new backup's path in `dir`, made private first. */
export function newBackupPath(dir: string, at: Date, reason: BackupReason): string {
  privateDir(dir);
  return join(dir, backupFileName(at, reason));
}

/** The console's backup files in `dir`, oldest first (other files there are not the console's to touch). */
export function listBackups(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => BACKUP_FILE.test(n)).sort().map((n) => join(dir, n));
}

/** Deletes all but the newest `keep` backups. Returns the paths deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const gone = all.slice(0, Math.max(0, all.length - keep));
  for (const path of gone) rmSync(path, { force: true });
  return gone;
}

/**
 * Whether two folders are on one disk (one device id): a backup there is lost with the data. Makes the backup folder
 * first, so that it can be compared.
 */
export function onSameDisk(dataDir: string, backupDir: string): boolean {
  privateDir(backupDir);
  return statSync(dataDir).dev === statSync(backupDir).dev;
}
