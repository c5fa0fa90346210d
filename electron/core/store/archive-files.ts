import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The live database's file name in the data directory. */
export const LIVE_FILE = 'console.sqlite';

const ARCHIVE_NAME = /^archive-(\d{4})\.sqlite$/;

/** The archive of one year: beside the live file, so a copy of the data directory carries both. */
export const archivePath = (dataDir: string, year: number): string => join(dataDir, `archive-${year}.sqlite`);

/** The year a row is archived under: that of its ISO time (UTC). */
export const yearOf = (isoTime: string): number => Number(isoTime.slice(0, 4));

/** The archive files present in the data directory, oldest year first. */
export function archiveFiles(dataDir: string): { year: number; path: string }[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .map((name) => ARCHIVE_NAME.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ year: Number(m[1]), path: join(dataDir, m[0]) }))
    .sort((a, b) => a.year - b.year);
}

/** A SQLite file's bytes on disk, with its WAL (which holds the newest commits until a checkpoint). */
export function fileBytes(path: string): number {
  let total = 0;
  for (const p of [path, `${path}-wal`]) if (existsSync(p)) total += statSync(p).size;
  return total;
}
