import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import { privateDir, privateFile } from '../files/private';
import { checkBackupFile, type BackupCheck } from '../store/backup-worker';
import { MIGRATIONS } from '../store/migrations';
import { Store } from '../store/store';
import { newBackupPath } from './backup-files';

export interface RestoreOptions {
  /** The backup file to put in place. */
  file: string;
  dataDir: string;
  durability: 'power-cut' | 'crash';
  /** Where a backup of an older schema is copied before its migrations run, as at any start. */
  backupDir: string;
  now: () => Date;
  nativeBinding?: string | undefined;
  /** Overrides the integrity check (tests). */
  check?: (file: string) => Promise<BackupCheck | undefined>;
}

export interface Restored {
  /** Where the database that was in place went (with its -wal and -shm, when there were). */
  keptAside: string | undefined;
  /** Reviews and commands marked "restored: check at the machine". */
  reviews: number;
  commands: number;
}

const DATABASE = 'console.sqlite';

/**
 * Puts a backup in place of the console's database, the console stopped. The file is copied first and the copy
 * checked (integrity, a schema this console knows); only then is the current database moved aside, never deleted.
 * Every open review and unsettled command is then marked: the backup may predate decisions the machine already got.
 */
export async function restoreBackup(options: RestoreOptions): Promise<Result<Restored>> {
  const { file, dataDir, now } = options;
  if (!existsSync(file)) return fail('not-found', `no backup file ${file}`);
  privateDir(dataDir);
  const staged = join(dataDir, `${DATABASE}.restoring`);
  rmSync(staged, { force: true });
  privateFile(staged);
  copyFileSync(file, staged);
  const check = await (options.check ?? ((f: string) => checkBackupFile(f, options.nativeBinding)))(staged);
  const refusal = refusalOf(check);
  if (refusal) {
    rmSync(staged, { force: true });
    return fail('invalid-request', `${file} was not restored: ${refusal}`);
  }

  const live = join(dataDir, DATABASE);
  const aside = `${live}.before-restore-${now().toISOString().replace(/[:.]/g, '-')}`;
  let keptAside: string | undefined;
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(live + suffix)) continue;
    renameSync(live + suffix, aside + suffix);
    keptAside = aside;
  }
  renameSync(staged, live);

  const at = now().toISOString();
  const beforeMigration = { path: () => newBackupPath(options.backupDir, now(), 'migration'), at: () => now().toISOString() };
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const store = Store.open({ dataDir, durability: options.durability, beforeMigration, ...binding });
  try {
    const marked = store.transaction(() => ({ reviews: store.reviews.markRestored(at), commands: store.commands.markRestored(at) }));
    return ok({ keptAside, ...marked });
  } finally {
    store.close();
  }
}

function refusalOf(check: BackupCheck | undefined): string | undefined {
  if (!check) return 'its check did not finish';
  if (!check.ok) return `it fails its integrity check (${check.problems.join('; ')})`;
  const latest = Math.max(...MIGRATIONS.map((m) => m.version));
  if (check.schema === undefined || check.schema < 1) return 'it holds no console database';
  if (check.schema > latest) return `it was written by a newer console (schema ${check.schema}, this one knows ${latest})`;
  return undefined;
}
