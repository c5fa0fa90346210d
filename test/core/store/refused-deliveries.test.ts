import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../../electron/core/store/event-log';
import { UNAUTHENTICATED_EXCERPT_BYTES } from '../../../electron/core/store/refused-deliveries';
import { Store } from '../../../electron/core/store/store';
import { tempDir } from '../../helpers/core';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function open(refused?: { maxCount: number; maxBytes: number }, dataDir = tempDir('ic-refused-')) {
  store = Store.open({ dataDir, durability: 'crash', refused });
  return { store, dataDir };
}

const NO_HEADERS = {};
function record(outcome: DeliveryRecord['outcome'], status: number, body: string | Buffer, reason = 'r'): DeliveryRecord {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { receivedAt: '2026-03-02T09:00:00Z', source: 'aida', remoteAddr: '10.0.0.9', headers: NO_HEADERS, body: bytes, bodyLength: bytes.length, outcome, status, reason };
}

/** The stored size of a refusal with these bodies: body + "{}" headers + the one-byte reason. */
const sized = (body: number) => body + 2 + 1;

const refusedIds = (s: Store) => s.deliveries.list('rejected', 0, 500).rows.map((d) => d.id);

describe('refused deliveries in the log', () => {
  it('keep an excerpt of a body refused unauthenticated (401, 403), and the first MiB of any other refusal', () => {
    const { store: s } = open();
    const big = Buffer.alloc(1024 * 1024, 'x');
    const ids = [401, 403, 400, 413].map((status) => s.log.addDelivery(record('rejected', status, big)));
    expect(ids.map((id) => s.deliveries.get(id)?.bodyKept)).toEqual([UNAUTHENTICATED_EXCERPT_BYTES, UNAUTHENTICATED_EXCERPT_BYTES, big.length, big.length]);
    expect(ids.map((id) => s.deliveries.get(id)?.bodyLength)).toEqual([big.length, big.length, big.length, big.length]);
    // An accepted body is the log itself: kept whole.
    expect(s.deliveries.get(s.log.addDelivery(record('accepted', 200, big)))?.bodyKept).toBe(big.length);
  });

  it('keep at most maxCount: the oldest go first, counted as pruned', () => {
    const { store: s } = open({ maxCount: 3, maxBytes: 1e9 });
    const ids = Array.from({ length: 5 }, (_, i) => s.log.addDelivery(record('rejected', 400, `body ${i}`)));
    expect(refusedIds(s)).toEqual(ids.slice(2).reverse());
    expect(s.deliveries.list('rejected', 0, 10)).toMatchObject({ total: 3, pruned: 2 });
    expect(s.refused.kept()).toEqual({ count: 3, bytes: 3 * sized(6) });
  });

  it('keep at most maxBytes of body, headers and reason together', () => {
    const { store: s } = open({ maxCount: 1000, maxBytes: 3 * sized(1000) + 10 });
    const ids = Array.from({ length: 6 }, () => s.log.addDelivery(record('rejected', 400, Buffer.alloc(1000, 'b'))));
    expect(refusedIds(s)).toEqual(ids.slice(3).reverse());
    expect(s.refused.pruned()).toBe(3);
    // One larger than the rest takes the room of several older ones, never its own.
    const large = s.log.addDelivery(record('rejected', 400, Buffer.alloc(2500, 'b')));
    expect(refusedIds(s)).toEqual([large]);
    expect(s.refused.pruned()).toBe(6);
  });

  it('never prune an accepted delivery, whatever the caps', () => {
    const { store: s } = open({ maxCount: 1, maxBytes: 1 });
    const accepted = s.log.addDelivery(record('accepted', 200, 'the log'));
    s.log.addDelivery(record('rejected', 400, 'a'));
    const last = s.log.addDelivery(record('rejected', 400, 'b'));
    expect(s.deliveries.get(accepted)).toBeDefined();
    expect(refusedIds(s)).toEqual([last]);
  });

  it('keep the pruned count across a restart, and count what is kept again at open', () => {
    const first = open({ maxCount: 2, maxBytes: 1e9 });
    for (let i = 0; i < 4; i++) first.store.log.addDelivery(record('rejected', 400, 'x'));
    first.store.close();
    const { store: s } = open({ maxCount: 2, maxBytes: 1e9 }, first.dataDir);
    expect(s.refused.pruned()).toBe(2);
    expect(s.refused.kept()).toEqual({ count: 2, bytes: 2 * sized(1) });
  });

  it('stay exact when a group commit is rolled back', () => {
    const { store: s } = open({ maxCount: 2, maxBytes: 1e9 });
    s.log.addDelivery(record('rejected', 400, 'a'));
    s.log.addDelivery(record('rejected', 400, 'b'));
    expect(() =>
      s.transaction(() => {
        s.log.addDelivery(record('rejected', 400, 'c'));
        throw new Error('the disk is full');
      }),
    ).toThrow('the disk is full');
    expect(s.refused.kept()).toEqual({ count: 2, bytes: 2 * sized(1) });
    expect(s.refused.pruned()).toBe(0);
    expect(refusedIds(s)).toHaveLength(2);
  });
});
