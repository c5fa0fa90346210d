import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AidaSource } from '../../../electron/core/ingest/aida-source';
import { EventLog } from '../../../electron/core/store/event-log';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { MachineRepo } from '../../../electron/core/store/machine-repo';
import { migration0005 } from '../../../electron/core/store/migrations/0005-lean-job-indexes';
import { migration0006 } from '../../../electron/core/store/migrations/0006-attempts-grouping-conflicts';
import { ReviewRepo } from '../../../electron/core/store/review-repo';
import {
  columns,
  databaseAt,
  GROUPED_V4,
  indexes,
  insertDeliveryV1,
  insertEventV1,
  insertJobV1,
  job,
  latest,
  plansOf,
  rows,
  schemaVersion,
  upgradeTo,
} from './helpers';

/** Two lines, each naming itself in its messages by serial, host name and machine name, or some of them, or none. */
const SENT = [
  { machineId: 'm1', messageId: 'msg-1', identity: { machineSerial: 'SN-1', hostName: 'host-1', machineName: 'Line 1' } },
  { machineId: 'm1', messageId: 'msg-2', identity: { hostName: 'host-1', machineName: 'Line 1' } },
  { machineId: 'm1', messageId: 'msg-3', identity: { machineName: 'Line 1' } },
  { machineId: 'm1', messageId: 'msg-4', identity: {} },
  { machineId: 'm2', messageId: 'msg-5', identity: { machineSerial: 'SN-2', hostName: 'host-2', machineName: 'Line 2' } },
  { machineId: 'm2', messageId: 'msg-6', identity: { hostName: 'host-2' } },
  { machineId: 'm2', messageId: 'msg-7', identity: { machineName: 'Line 2' } },
  { machineId: 'm2', messageId: 'msg-8', identity: {} },
];

/** The body as AIDA sends it (PascalCase) for one of SENT. */
const bodyOf = (s: (typeof SENT)[number]) =>
  JSON.stringify({
    MessageType: 'WorkflowStarted',
    MessageId: s.messageId,
    ...(s.identity.machineSerial ? { MachineSerial: s.identity.machineSerial } : {}),
    ...(s.identity.hostName ? { HostName: s.identity.hostName } : {}),
    ...(s.identity.machineName ? { MachineName: s.identity.machineName } : {}),
    JobId: s.messageId,
  });

/**
 * A console of schema 5, written with schema 5's SQL. Jobs: job 3's card jam cancelled job 4 (named by its workflow
 * instance) and job 2 on the other machine (where wf-3 is no job); job 8 names job 7 by its job id; job 9 names
 * AIDA's integer JobInstance id, which no job here carries; job 6 was cancelled by the operator. Events: SENT, keyed
 * by the bare MessageId as schema 5 keyed them, then a reconciliation of the console's own (no key) and an IDV
 * callback (another source's key).
 */
function version5WithData() {
  const { db } = databaseAt(migration0005.version);
  insertJobV1(db, job(3, { status: 'Faulted', errorCode: 'CardJam' }), 1);
  insertJobV1(db, job(4, { status: 'Cancelled', sourceJobInstanceId: 'wf-3' }), 2);
  insertJobV1(db, job(7, { status: 'Faulted', errorCode: 'CardJam' }), 3);
  insertJobV1(db, job(8, { status: 'Cancelled', sourceJobInstanceId: '7' }), 4);
  insertJobV1(db, job(9, { status: 'Cancelled', sourceJobInstanceId: '1234' }), 5);
  insertJobV1(db, job(6, { status: 'Cancelled', errorCode: 'ManualStop' }), 6);
  insertJobV1(db, job(2, { machineId: 'm2', status: 'Cancelled', sourceJobInstanceId: 'wf-3' }), 7);
  for (const s of SENT) {
    const deliveryId = insertDeliveryV1(db, {
      receivedAt: '2025-03-01T10:00:00.000Z',
      source: 'aida',
      headers: {},
      body: bodyOf(s),
      outcome: 'accepted',
      httpStatus: 200,
    });
    insertEventV1(db, {
      deliveryId,
      source: 'aida',
      machineId: s.machineId,
      messageId: s.messageId,
      type: 'WorkflowStarted',
      receivedAt: '2025-03-01T10:00:00.000Z',
      message: { messageType: 'WorkflowStarted', messageId: s.messageId, ...s.identity, jobId: s.messageId, notes: [] },
    });
  }
  insertEventV1(db, {
    deliveryId: null,
    source: 'aida',
    machineId: 'm1',
    type: 'Reconciled',
    receivedAt: '2025-03-01T10:00:01.000Z',
    message: { messageType: 'Reconciled', machineSerial: 'SN-1', notes: [] },
  });
  insertEventV1(db, {
    deliveryId: null,
    source: 'idv',
    machineId: 'idv',
    messageId: 'p-1|completed|passed',
    type: 'passed',
    receivedAt: '2025-03-01T10:00:02.000Z',
    message: { processId: 'P-1', state: 'completed', result: 'passed' },
  });
  return db;
}

/** Every index's CREATE statement, its whitespace as one space: what SQLite matches a query's WHERE against. */
const indexSql = (db: Database.Database, names: string[]) =>
  names.map((name) =>
    db
      .prepare<[string], string>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
      .pluck()
      .get(name)
      ?.replace(/\s+/g, ' '),
  );

describe('migration 0006: attempts, grouping only under a known job, conflicting keys', () => {
  it('upgrades a database of version 5: its rows stay, gaining the new columns', () => {
    const db = version5WithData();
    const before = Object.fromEntries(['deliveries', 'events', 'jobs', 'machine_state', 'commands', 'meta'].map((t) => [t, rows(db, t)]));
    expect(before['jobs']).toHaveLength(7);
    expect(before['events']).toHaveLength(10);

    upgradeTo(db, migration0006.version);

    expect(schemaVersion(db)).toBe(6);
    expect(columns(db, 'jobs').slice(-2)).toEqual(['attempts', 'grouped']);
    expect(columns(db, 'events').slice(-1)).toEqual(['conflicts_with']);
    for (const table of ['deliveries', 'machine_state', 'commands', 'meta']) expect(rows(db, table)).toEqual(before[table]);
    // A cancelled job is grouped only when the job that cancelled it is here, on its machine, by instance or job id.
    const grouped = db.prepare<[], { job_key: string; grouped: number }>('SELECT job_key, grouped FROM jobs ORDER BY rowid').all();
    expect(grouped).toEqual([
      { job_key: '3', grouped: 0 },
      { job_key: '4', grouped: 1 },
      { job_key: '7', grouped: 0 },
      { job_key: '8', grouped: 1 },
      { job_key: '9', grouped: 0 },
      { job_key: '6', grouped: 0 },
      { job_key: '2', grouped: 0 },
    ]);
    // One attempt each: no job was known to have run twice, so no attempts list.
    expect(rows(db, 'jobs')).toEqual((before['jobs'] as { job_key: string }[]).map((j, i) => ({ ...j, attempts: null, grouped: grouped[i]?.grouped })));
    // AIDA's keys become the sender's identity as sent (serial, else host, else name, else nothing), the unit
    // separator and the MessageId; the console's own event has no key, and the IDV key is not AIDA's to change.
    const keys = db.prepare<[], { seq: number; message_id: string | null }>('SELECT seq, message_id FROM events ORDER BY seq').all();
    expect(keys).toEqual([
      { seq: 1, message_id: 'SN-1\u001fmsg-1' },
      { seq: 2, message_id: 'host-1\u001fmsg-2' },
      { seq: 3, message_id: 'Line 1\u001fmsg-3' },
      { seq: 4, message_id: '\u001fmsg-4' },
      { seq: 5, message_id: 'SN-2\u001fmsg-5' },
      { seq: 6, message_id: 'host-2\u001fmsg-6' },
      { seq: 7, message_id: 'Line 2\u001fmsg-7' },
      { seq: 8, message_id: '\u001fmsg-8' },
      { seq: 9, message_id: null },
      { seq: 10, message_id: 'p-1|completed|passed' },
    ]);
    expect(rows(db, 'events')).toEqual(
      (before['events'] as { seq: number }[]).map((e, i) => ({ ...e, message_id: keys[i]?.message_id, conflicts_with: null })),
    );
    db.close();
  });

  it('rewrites the logged keys to those the console now makes of the same deliveries, still unique', () => {
    const db = version5WithData();
    upgradeTo(db, latest);
    // A message AIDA retries across the upgrade is recognised: today's key for each logged body is its rewritten key.
    const aida = new AidaSource({ jobs: new JobRepo(db), machines: new MachineRepo(db), reviews: new ReviewRepo(db) }, () => []);
    const logged = db
      .prepare<[], { body: Buffer; message_id: string }>('SELECT d.body, e.message_id FROM events e JOIN deliveries d ON d.id = e.delivery_id ORDER BY e.seq')
      .all();
    expect(logged).toHaveLength(8);
    for (const { body, message_id } of logged) {
      const delivery = { source: 'aida', receivedAt: 't', remoteAddr: undefined, headers: {}, body, bodyLength: body.length };
      expect(aida.parse({ ...delivery, json: JSON.parse(body.toString('utf8')) as unknown }).dedupeKey).toBe(message_id);
    }
    // The unique index holds the rewritten keys: the same key again is refused, as the console's repeat check expects.
    expect(() =>
      db
        .prepare("INSERT INTO events (source, machine_id, message_id, message_type, received_at, message) VALUES ('aida', 'm1', ?, 'WorkflowStarted', 't', '{}')")
        .run('SN-1\u001fmsg-1'),
    ).toThrow(/UNIQUE constraint failed: events.source, events.message_id/);
    const log = new EventLog(db);
    const again = { deliveryId: null, source: 'aida', subject: 'm1', type: 'WorkflowStarted', receivedAt: 't', message: {} };
    expect(log.append({ ...again, dedupeKey: 'SN-1\u001fmsg-1' })).toBeUndefined();
    expect(log.seqOf('aida', 'SN-1\u001fmsg-1')).toBe(1);
    // What the old key refused is now another machine's message: line 2 reusing line 1's MessageId is logged.
    expect(log.append({ ...again, subject: 'm2', dedupeKey: 'SN-2\u001fmsg-1' })).toBe(11);
    db.close();
  });

  it('lists in the grouped queue the cancelled jobs whose source is not known, and hides those whose source is', () => {
    const db = version5WithData();
    // Schema 5 hid every job cancelled with a SourceJobInstanceId: jobs 9 and 2 were listed nowhere.
    expect(db.prepare(`SELECT job_key FROM jobs WHERE ${GROUPED_V4} ORDER BY last_seq DESC`).pluck().all()).toEqual(['6', '7', '3']);
    upgradeTo(db, latest);
    const repo = new JobRepo(db);
    const queue = repo.query({ groupCancelled: true });
    expect(queue.rows.map((j) => [j.key, j.cancelledCount, j.grouped])).toEqual([
      ['2', undefined, false],
      ['6', undefined, undefined],
      ['9', undefined, false],
      ['7', 1, undefined],
      ['3', 1, undefined],
    ]);
    expect(queue.total).toBe(5);
    expect(repo.query({}).total).toBe(7);
    expect(repo.cancelledBy('m1', job(3)).map((j) => j.key)).toEqual(['4']);
    expect(repo.cancelledBy('m1', job(7)).map((j) => j.key)).toEqual(['8']);
    db.close();
  });

  it('gives the queue partial indexes the new grouping term', () => {
    const db = version5WithData();
    const NAMES = ['jobs_queue', 'jobs_queue_machine', 'jobs_queue_status'];
    expect(indexSql(db, NAMES).map((sql) => sql?.endsWith(`WHERE ${GROUPED_V4}`))).toEqual([true, true, true]);
    // As migration 6 left them (migration 8 widens them).
    upgradeTo(db, migration0006.version);
    expect(indexSql(db, NAMES)).toEqual([
      'CREATE INDEX jobs_queue ON jobs (last_seq DESC, machine_id, status, batch_id, source, job_id, correlation_id, source_job_instance_id) WHERE grouped = 0',
      'CREATE INDEX jobs_queue_machine ON jobs (machine_id, last_seq DESC) WHERE grouped = 0',
      'CREATE INDEX jobs_queue_status ON jobs (status, last_seq DESC) WHERE grouped = 0',
    ]);
    expect(indexes(db, 'jobs')).toEqual(['jobs_correlation_nocase', 'jobs_queue', 'jobs_queue_machine', 'jobs_queue_status', 'jobs_source_job', 'jobs_workflow']);
    db.close();
  });

  it('pages and counts the grouped queue through JobRepo from the partial indexes, never the table', () => {
    const db = version5WithData();
    upgradeTo(db, latest);
    const repo = new JobRepo(db);
    // Each query runs its count, the page's row ids, then those rows by rowid: the first two are read from an index
    // alone, and nothing scans the jobs table.
    const cases: [Parameters<JobRepo['query']>[0], RegExp][] = [
      [{ groupCancelled: true, offset: 1, limit: 2 }, /COVERING INDEX jobs_queue_all\b/],
      [{ groupCancelled: true, machineId: 'm1' }, /COVERING INDEX jobs_queue_machine\b/],
      [{ groupCancelled: true, status: 'Faulted' }, /COVERING INDEX jobs_queue_status\b/],
    ];
    for (const [query, index] of cases) {
      const plans = plansOf(db, () => repo.query(query));
      expect(plans.map((p) => p.sql.split(' FROM ')[0])).toEqual(['SELECT count(*)', 'SELECT jobs.rowid', 'SELECT jobs.*, jobs.rowid AS first_seen, (SELECT count(*)']);
      const [count, page] = plans;
      // The count may take the narrowest index that holds the grouped rows; the page must walk the one named.
      expect(count?.plan).toMatch(/COVERING INDEX jobs_queue/);
      expect(page?.plan).toMatch(index);
      for (const p of plans) expect(p.plan).not.toMatch(/\bSCAN (jobs|c)\b(?! USING)/);
    }
    db.close();
  });
});
