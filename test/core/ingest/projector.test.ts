import { describe, expect, it } from 'vitest';
import { projectEvents } from '../../../electron/core/ingest/projector';
import { Store } from '../../../electron/core/store/store';
import { noChanges, type SourceHandler, type StoredEvent } from '../../../electron/core/ingest/source';
import { openDatabase } from '../../../electron/core/store/database';
import { tempDir } from '../../helpers/core';

const event = (seq: number): StoredEvent => ({ seq, source: 'test', subject: 's', type: 'T', receivedAt: '', message: { seq } });

describe('folding a batch of events', () => {
  it('skips only the event whose projection throws, and records how far it got', () => {
    const db = openDatabase({ dataDir: tempDir(), durability: 'crash' });
    db.exec('CREATE TABLE folded (seq INTEGER PRIMARY KEY)');
    const lines: string[] = [];
    const source: SourceHandler = {
      source: 'test',
      projectionTables: ['folded'],
      parse: () => ({ type: 'T', subject: 's', message: {} }),
      project(e) {
        db.prepare('INSERT INTO folded (seq) VALUES (?)').run(e.seq);
        if (e.seq === 2) throw new Error('unforeseen message');
      },
    };
    const store = new Store(db);
    store.transaction(() => projectEvents(store, new Map([['test', source]]), [event(1), event(2), event(3)], noChanges(), (l) => lines.push(l)));
    expect(db.prepare('SELECT seq FROM folded ORDER BY seq').all()).toEqual([{ seq: 1 }, { seq: 3 }]);
    expect(lines).toEqual(['projection of event 2 failed: unforeseen message']);
    expect(db.prepare("SELECT value FROM meta WHERE key = 'projected_seq'").get()).toEqual({ value: '3' });
    db.close();
  });
});
