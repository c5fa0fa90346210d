import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestQueue, type Delivery } from '../../../electron/core/ingest/ingest-queue';
import type { SourceHandler } from '../../../electron/core/ingest/source';
import { openDatabase, type Db } from '../../../electron/core/store/database';
import { Store } from '../../../electron/core/store/store';
import { tempDir } from '../../helpers/core';

/** A source whose parse fails on one body, as a bug reached by some delivery's content would. */
const touchy: SourceHandler = {
  source: 'test',
  projectionTables: [],
  parse(d) {
    const text = d.body.toString('utf8');
    if (text === 'poison') throw new Error('the parser met something it did not expect');
    const padding = text === 'large' ? 'x'.repeat(512 * 1024) : '';
    return { type: 'Note', subject: 'm1', message: { text, padding }, dedupeKey: text };
  },
  project() {},
};

const delivery = (body: string): Delivery => ({
  source: 'test',
  receivedAt: new Date().toISOString(),
  remoteAddr: '127.0.0.1',
  headers: {},
  body: Buffer.from(body),
  bodyLength: body.length,
  json: body,
});

let opened: { db: Db; dir: string; queue: IngestQueue } | undefined;
afterEach(() => {
  opened?.queue.close();
  opened?.db.close();
  if (opened) rmSync(opened.dir, { recursive: true, force: true });
  opened = undefined;
});

function open() {
  const dir = tempDir('ic-queue-');
  const db = openDatabase({ dataDir: dir, durability: 'power-cut' });
  const lines: string[] = [];
  const queue = new IngestQueue(new Store(db), [touchy], () => {}, (line) => lines.push(line));
  opened = { db, dir, queue };
  return { db, queue, lines };
}

type Row = { body: Buffer; outcome: string; http_status: number; reason: string | null };
const rows = (db: Db) => db.prepare<[], Row>('SELECT body, outcome, http_status, reason FROM deliveries ORDER BY id').all();

describe('the ingest queue, when one delivery of a group fails', () => {
  it('commits the rest of the group; the failing one is kept raw with why, and answered 500', async () => {
    const { db, queue, lines } = open();
    // Submitted in one turn, so they share one group commit.
    const results = await Promise.all(['a', 'poison', 'b', 'c'].map((b) => queue.submit(delivery(b))));
    expect(results.map((r) => [r.outcome, r.status])).toEqual([['accepted', 200], ['rejected', 500], ['accepted', 200], ['accepted', 200]]);
    expect(rows(db).map((r) => [r.body.toString(), r.outcome, r.http_status])).toEqual([
      ['a', 'accepted', 200],
      ['poison', 'rejected', 500],
      ['b', 'accepted', 200],
      ['c', 'accepted', 200],
    ]);
    expect(rows(db)[1]?.reason).toBe('internal error, not logged as an event: the parser met something it did not expect');
    expect(db.prepare('SELECT message_id FROM events ORDER BY seq').pluck().all()).toEqual(['a', 'b', 'c']);
    expect(lines.join('\n')).toContain('the parser met something it did not expect');
  });

  it('fails the whole group with a storage fault (disk full): nothing half-written, nothing blamed on a delivery', async () => {
    const { db, queue } = open();
    await queue.submit(delivery('first'));
    // Room for a delivery row, not for the large event parsed from it: SQLite answers SQLITE_FULL, as on a full disk.
    db.pragma(`max_page_count = ${(db.pragma('page_count', { simple: true }) as number) + 8}`);
    const settled = await Promise.allSettled([queue.submit(delivery('large')), queue.submit(delivery('small'))]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect(settled.map((s) => s.status === 'rejected' && (s.reason as { code?: string }).code)).toEqual(['SQLITE_FULL', 'SQLITE_FULL']);
    expect(rows(db).map((r) => r.body.toString())).toEqual(['first']);
    db.pragma('max_page_count = 1073741823');
    expect((await queue.submit(delivery('large'))).status).toBe(200);
  });
});
