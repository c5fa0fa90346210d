import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBackupFile } from '../../../electron/core/store/backup-worker';
import { tempDir } from '../../helpers/core';
import { databaseAt, latest } from './helpers';

/** A copy of a WAL database made as before a migration: a plain file copy, its header still saying WAL. */
function walCopy(): string {
  const { db, dataDir } = databaseAt(latest);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const file = join(tempDir('ic-backup-'), 'copy.sqlite');
  copyFileSync(join(dataDir, 'console.sqlite'), file);
  db.close();
  return file;
}

describe('the backup check in its worker thread', () => {
  it('waits for someone reading the copy at that moment, then passes it, instead of failing a good copy', async () => {
    const file = walCopy();
    // A reader inside a read transaction, as IT opening the copy (or the restore tool) would hold one.
    const reader = new Database(file, { readonly: true });
    const rows = reader.prepare('SELECT name FROM sqlite_master').iterate();
    rows.next();
    const check = checkBackupFile(file);
    await new Promise((r) => setTimeout(r, 500));
    rows.return?.();
    reader.close();
    expect(await check).toMatchObject({ ok: true, problems: ['ok'], schema: latest });
    // Once the reader let go, the copy was made a standalone file: no -wal beside it to go missing.
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });
});
