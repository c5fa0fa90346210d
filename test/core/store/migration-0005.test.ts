import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';
import { tempDir } from '../../helpers/core';

describe('migration 5: lean job indexes', () => {
  it('leaves the queue its partial indexes and drops the full ones they replace', () => {
    const db = openDatabase({ dataDir: tempDir(), durability: 'power-cut' });
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'jobs'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    db.close();
    for (const dropped of ['jobs_recent', 'jobs_machine_recent', 'jobs_status_recent', 'jobs_queue_machine_status', 'jobs_queue_batch']) {
      expect(names).not.toContain(dropped);
    }
    expect(names).toEqual(expect.arrayContaining(['jobs_queue', 'jobs_queue_machine', 'jobs_queue_status']));
  });
});
