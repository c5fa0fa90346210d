import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestQueue } from '../../../electron/core/ingest/ingest-queue';
import { RapidadminSource } from '../../../electron/core/ingest/rapidadmin-source';
import { Projections } from '../../../electron/core/ingest/projections';
import { Store } from '../../../electron/core/store/store';
import { credential, printJob, type Delivery } from '../../fixtures/rapidadmin';
import { tempDir } from '../../helpers/core';

/**
 * A signed RapIDadmin delivery carries no time: recorded once, it verifies forever. These tests give each delivery
 * its arrival time, so that the 5-minute window can be crossed without waiting.
 */
let store: Store | undefined;
let ingest: IngestQueue | undefined;

afterEach(() => {
  ingest?.close();
  store?.close();
  store = undefined;
  ingest = undefined;
});

function open(dataDir = tempDir('ic-replay-')) {
  store = Store.open({ dataDir, durability: 'crash' });
  const source = new RapidadminSource(store, () => ({}));
  ingest = new IngestQueue(store, [source], () => {});
  return { store, ingest, source, dataDir };
}

const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

async function deliver(q: IngestQueue, d: Delivery, seconds: number) {
  const result = await q.submit({
    source: 'rapidadmin',
    receivedAt: at(seconds),
    remoteAddr: '10.0.0.9',
    headers: { 'x-event-name': d.header },
    body: Buffer.from(d.body),
    bodyLength: d.body.length,
    json: JSON.parse(d.body) as unknown,
  });
  q.projectPending();
  return result;
}

const failedAlerts = (s: Store) => s.feedAlerts.recent(100).filter((a) => a.kind === 'print-failed');

describe('a signed RapIDadmin delivery posted again', () => {
  it('is stored and marked as a repeat, and raises no second alert within 5 minutes', async () => {
    const { store: s, ingest: q } = open();
    await deliver(q, credential('Updated'), 0);
    for (const seconds of [10, 70, 130, 299]) expect(await deliver(q, printJob('Failed'), seconds)).toMatchObject({ outcome: 'accepted', status: 200 });
    // Four failures in the log and in the feed, one alert.
    expect(s.log.count()).toBe(5);
    const failures = s.activity.recent(10).filter((e) => e.event === 'RapIDAdmin.PrintJob.Failed');
    expect(failures.map((e) => e.repeat?.count)).toEqual([3, 2, 1, undefined]);
    expect(failures[0]?.repeat).toEqual({ count: 3, firstSeq: failures[3]?.seq, firstAt: at(10) });
    expect(failedAlerts(s)).toHaveLength(1);
  });

  it('alerts again once 5 minutes have passed since the first: a real second failure may look the same', async () => {
    const { store: s, ingest: q } = open();
    await deliver(q, printJob('Failed'), 0);
    await deliver(q, printJob('Failed'), 200);
    await deliver(q, printJob('Failed'), 300);
    await deliver(q, printJob('Failed'), 420);
    expect(failedAlerts(s).map((a) => a.at)).toEqual([at(300), at(0)]);
    expect(s.activity.recent(10).map((e) => e.repeat?.count)).toEqual([1, undefined, 1, undefined]);
  });

  it('is told apart by its event and its body: another card, or another event, alerts as usual', async () => {
    const { store: s, ingest: q } = open();
    await deliver(q, printJob('Failed'), 0);
    await deliver(q, printJob('Failed', undefined, { Printer: 'Back office printer' }), 5);
    await deliver(q, printJob('Started'), 6);
    await deliver(q, printJob('Failed'), 7);
    expect(failedAlerts(s)).toHaveLength(2);
    expect(s.activity.recent(10).map((e) => e.repeat?.count)).toEqual([1, undefined, undefined, undefined]);
  });

  it('is marked the same way when the projections are rebuilt from the log', async () => {
    const { store: s, ingest: q, dataDir } = open();
    for (const seconds of [0, 30, 60, 400]) await deliver(q, printJob('Failed'), seconds);
    const before = { activity: s.activity.recent(10), alerts: failedAlerts(s) };
    expect(before.activity.map((e) => e.repeat?.count)).toEqual([undefined, 2, 1, undefined]);
    ingest?.close();
    s.close();
    // Forget the projection version: the next start empties the projections and folds every event again.
    const db = new Database(join(dataDir, 'console.sqlite'));
    db.prepare("DELETE FROM meta WHERE key = 'projection_version'").run();
    db.close();
    const reopened = open(dataDir);
    const projections = new Projections(reopened.store, [reopened.source], reopened.ingest, () => {});
    expect(projections.rebuilding()).toBeDefined();
    await new Promise<void>((resolve) => projections.rebuildIfStale((progress) => progress === undefined && resolve()));
    expect(reopened.store.activity.recent(10)).toEqual(before.activity);
    expect(failedAlerts(reopened.store)).toEqual(before.alerts);
  });
});
