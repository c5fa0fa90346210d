import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../../shared/api/feeds';
import { Store } from '../../../electron/core/store/store';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';

/**
 * Every list a person reads newest first pages from the store with a key: the second page continues the first
 * exactly, even when rows arrive in between, and each list says how many there are (or whether more follow).
 */

let core: TestConsole;
/** A second connection to the console's database: what arrives while a person reads. */
let writer: Store;
let n = 0;
const at = () => new Date(Date.UTC(2026, 10, 1, 8, 0, 0, n++)).toISOString();

beforeEach(async () => {
  const dataDir = tempDir('ic-paging-');
  core = await startTestConsole(testConfig({}, dataDir));
  writer = Store.open({ dataDir, durability: 'crash' });
});

afterEach(async () => {
  writer.close();
  await core.stop();
});

interface Page {
  ids: (string | number)[];
  next: number | undefined;
  total?: number;
}

interface ListCase {
  name: string;
  add(): void;
  read(before: number | undefined, limit: number): Promise<Page>;
}

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

let seq = 1000;
const activity = (): ActivityEntry => ({
  seq: ++seq,
  at: at(),
  event: 'RapIDAdmin.Person.Created',
  known: true,
  kind: 'person',
  headline: `Person ${seq} created`,
  readable: true,
  numbers: [],
  flags: [],
  notes: [],
  fields: [],
});

const cases: ListCase[] = [
  {
    name: 'the audit trail',
    add: () => void writer.commands.create({ machineId: 'm1', kind: 'resume', payload: {}, actor: 'anna@line2', role: 'operator', at: at() }),
    read: async (before, limit) => {
      const v = value(await core.handlers.listAudit({ offset: 0, limit, ...(before !== undefined ? { before } : {}) }));
      return { ids: v.rows.map((r) => r.id), next: v.next, total: v.total };
    },
  },
  {
    name: 'the alert history',
    add: () => void writer.alerts.open({ machineId: 'm1', kind: 'silence', at: at(), firstOut: false }),
    read: async (before, limit) => {
      const v = value(await core.handlers.listAlertHistory({ limit, ...(before !== undefined ? { before } : {}) }));
      return { ids: v.rows.map((r) => r.id), next: v.next, total: v.total };
    },
  },
  {
    name: 'the finished reviews',
    add: () => {
      const id = writer.reviews.open({ machineId: 'm1', workflowInstanceId: `wf-${++seq}`, jobKey: undefined, kind: 'ocr', seq, at: at(), payload: {} });
      if (id !== undefined) writer.reviews.close(id, at(), { text: 'the machine moved on' });
    },
    read: async (before, limit) => {
      const v = value(await core.handlers.listReviews({ limit, ...(before !== undefined ? { before } : {}) }));
      return { ids: v.recent.map((r) => r.id), next: v.recentNext, total: v.recentTotal };
    },
  },
  {
    name: 'the refused deliveries',
    add: () =>
      void writer.log.addDelivery({
        receivedAt: at(),
        source: 'aida',
        remoteAddr: '10.0.0.9',
        headers: {},
        body: Buffer.from('not json'),
        bodyLength: 8,
        outcome: 'rejected',
        status: 400,
        reason: 'not JSON',
      }),
    read: async (before, limit) => {
      const v = value(await core.handlers.listDeliveries({ outcome: 'rejected', offset: 0, limit, ...(before !== undefined ? { before } : {}) }));
      return { ids: v.rows.map((r) => r.id), next: v.next, total: v.total };
    },
  },
  {
    name: 'the refused supervisor PINs',
    add: () => void writer.pinRefusals.record({ at: at(), actor: 'anna@line2', action: 'abort', machineId: 'm1', reason: 'wrong', waitMs: 1000 }),
    read: async (before, limit) => {
      const v = value(await core.handlers.listPinRefusals({ offset: 0, limit, ...(before !== undefined ? { before } : {}) }));
      return { ids: v.rows.map((r) => r.id), next: v.next, total: v.total };
    },
  },
  {
    name: 'the activity feed',
    add: () => writer.activity.add(activity(), 'rapidadmin'),
    read: async (before, limit) => {
      const v = value(await core.handlers.listActivity({ limit, ...(before !== undefined ? { before } : {}) }));
      return { ids: v.rows.map((r) => r.seq), next: v.next };
    },
  },
  {
    name: 'the identity verifications',
    add: () => {
      seq += 1;
      writer.verifications.put({ processId: `p-${seq}`, firstAt: at(), updatedAt: at(), deliveries: 1, notes: [] }, seq);
    },
    read: async (before, limit) => {
      const v = value(await core.handlers.listVerifications({ limit, ...(before !== undefined ? { before } : {}) }));
      return { ids: v.rows.map((r) => r.processId), next: v.next };
    },
  },
];

describe.each(cases)('$name', ({ add, read }) => {
  it('pages newest first: the next page continues the first, unmoved by rows added meanwhile, and the last says so', async () => {
    for (let i = 0; i < 7; i++) add();
    const first = await read(undefined, 3);
    expect(first.ids).toHaveLength(3);
    if (first.total !== undefined) expect(first.total).toBe(7);
    expect(first.next).toBeDefined();

    // Two arrive while the first page is on screen: they go above it, not into the next page.
    add();
    add();
    const second = await read(first.next, 3);
    const third = await read(second.next, 3);
    expect(third.ids).toHaveLength(1);
    expect(third.next).toBeUndefined();
    if (third.total !== undefined) expect(third.total).toBe(9);

    // The pages together are the seven rows that were there, each once, in the order of one read of them all.
    const whole = await read(undefined, 9);
    expect([...first.ids, ...second.ids, ...third.ids]).toEqual(whole.ids.slice(2));
  });

  it('has an empty first page and no next one when there is nothing', async () => {
    const page = await read(undefined, 3);
    expect(page).toMatchObject({ ids: [], next: undefined });
  });
});

describe('the feeds snapshot', () => {
  it('carries the first page of each feed list and where the next begins', async () => {
    for (let i = 0; i < 55; i++) writer.activity.add(activity(), 'rapidadmin');
    const feeds = value(await core.handlers.getFeeds({}));
    expect(feeds.activity).toHaveLength(50);
    expect(feeds.activityNext).toBe(feeds.activity.at(-1)?.seq);
    expect(feeds.verificationsNext).toBeUndefined();
    const rest = value(await core.handlers.listActivity({ before: feeds.activityNext, limit: 50 }));
    expect(rest.rows.map((e) => e.seq)).toEqual([seq - 50, seq - 51, seq - 52, seq - 53, seq - 54]);
  });
});

describe('the audit trail count', () => {
  it('stops at 10,000 and says there are more', async () => {
    const add = () => writer.commands.create({ machineId: 'm1', kind: 'resume', payload: {}, actor: 'anna@line2', role: 'operator', at: at() });
    writer.transaction(() => {
      for (let i = 0; i < 10_000; i++) add();
    });
    expect(value(await core.handlers.listAudit({ offset: 0, limit: 1 }))).toMatchObject({ total: 10_000 });
    expect(value(await core.handlers.listAudit({ offset: 0, limit: 1 })).totalCapped).toBeUndefined();
    add();
    expect(value(await core.handlers.listAudit({ offset: 0, limit: 1 }))).toMatchObject({ total: 10_000, totalCapped: true });
  });
});
