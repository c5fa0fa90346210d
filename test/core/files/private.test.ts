import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';
import { openLog } from '../../../electron/shell/logging';
import { tempDir } from '../../helpers/core';

const mode = (path: string) => statSync(path).mode & 0o777;

// File modes are POSIX: on Windows the user profile's ACLs keep these files private, and this test has nothing to say.
describe.skipIf(process.platform === 'win32')('files that hold personal data are private to the console’s user', () => {
  it('makes the data directory 0700 and the database, its WAL and shared memory 0600, whatever the umask', () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = join(tempDir('ic-private-'), 'data');
      const db = openDatabase({ dataDir, durability: 'power-cut' });
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['console.sqlite', 'console.sqlite-wal', 'console.sqlite-shm']) expect([file, mode(join(dataDir, file))]).toEqual([file, 0o600]);
      db.close();
    } finally {
      process.umask(previous);
    }
  });

  it('narrows a data directory and database an older version left readable to everyone', () => {
    const dataDir = tempDir('ic-private-');
    writeFileSync(join(dataDir, 'console.sqlite'), '');
    chmodSync(join(dataDir, 'console.sqlite'), 0o644);
    chmodSync(dataDir, 0o755);
    openDatabase({ dataDir, durability: 'power-cut' }).close();
    expect([mode(dataDir), mode(join(dataDir, 'console.sqlite'))]).toEqual([0o700, 0o600]);
  });

  it('makes the log folder 0700 and its files 0600, an old readable log included', () => {
    const dir = join(tempDir('ic-private-'), 'logs');
    mkdirSync(dir);
    writeFileSync(join(dir, 'console.log'), 'an old line\n');
    chmodSync(join(dir, 'console.log'), 0o644);
    openLog({ dir, echo: false }).info('a new line');
    expect([mode(dir), mode(join(dir, 'console.log'))]).toEqual([0o700, 0o600]);
  });
});
