import { describe, expect, it } from 'vitest';
import { DeliveryRepo } from '../../../electron/core/store/delivery-repo';
import { EventLog } from '../../../electron/core/store/event-log';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { MachineRepo } from '../../../electron/core/store/machine-repo';
import { migration0001 } from '../../../electron/core/store/migrations/0001-deliveries-events';
import { columns, databaseAt, indexes, job, schemaVersion, tables } from './helpers';

const BODY = '{"MessageType":"WorkflowStarted","JobId":"40","MessageId":"m-40"}';

describe('migration 0001: the delivery log, the event log and the first projections', () => {
  it('makes a new database the schema the first console wrote', () => {
    const { db } = databaseAt(migration0001.version);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['commands', 'deliveries', 'events', 'jobs', 'machine_state', 'meta']);
    expect(indexes(db, 'deliveries')).toEqual(['deliveries_outcome']);
    expect(indexes(db, 'events')).toEqual(['events_message_id']);
    expect(indexes(db, 'jobs')).toEqual(['jobs_machine_recent', 'jobs_recent', 'jobs_workflow']);
    expect(indexes(db, 'commands')).toEqual(['commands_pending']);
    expect(columns(db, 'commands')).not.toContain('review_id');
    db.close();
  });

  it('keeps a delivery and its event as written, and reads them back through the repos', () => {
    const { db } = databaseAt(migration0001.version);
    const log = new EventLog(db);
    const deliveryId = log.addDelivery({
      receivedAt: '2025-03-01T10:00:00.000Z',
      source: 'aida',
      remoteAddr: '10.0.0.7',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(BODY),
      bodyLength: BODY.length,
      outcome: 'accepted',
      status: 200,
      reason: undefined,
    });
    const message = { messageType: 'WorkflowStarted', jobId: '40', messageId: 'm-40' };
    const seq = log.append({
      deliveryId,
      source: 'aida',
      subject: 'm1',
      dedupeKey: 'm-40',
      type: 'WorkflowStarted',
      receivedAt: '2025-03-01T10:00:00.000Z',
      message,
    });
    expect(seq).toBe(1);
    expect(new DeliveryRepo(db).get(deliveryId)).toEqual({
      id: deliveryId,
      receivedAt: '2025-03-01T10:00:00.000Z',
      source: 'aida',
      remoteAddr: '10.0.0.7',
      outcome: 'accepted',
      httpStatus: 200,
      bodyLength: BODY.length,
      body: BODY,
      headers: { 'content-type': 'application/json' },
    });
    expect(log.page(0, 10)).toEqual([
      { seq: 1, source: 'aida', subject: 'm1', type: 'WorkflowStarted', receivedAt: '2025-03-01T10:00:00.000Z', message },
    ]);
    // The unique message id makes a repeat an append that does nothing.
    expect(log.append({ deliveryId, source: 'aida', subject: 'm1', dedupeKey: 'm-40', type: 'WorkflowStarted', receivedAt: 't', message })).toBeUndefined();
    expect(log.seqOf('aida', 'm-40')).toBe(1);
    expect(() =>
      db
        .prepare("INSERT INTO deliveries (received_at, source, headers, body, body_length, outcome, http_status) VALUES ('t', 'aida', '{}', x'', 0, 'lost', 200)")
        .run(),
    ).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('keeps a job, a machine state, a command and a meta value', () => {
    const { db } = databaseAt(migration0001.version);
    const jobs = new JobRepo(db);
    jobs.put(job(40, { status: 'Running', lastMessageType: 'WorkflowStarted', documentProduced: false }), 1);
    expect(jobs.get('m1', '40')).toEqual(job(40, { status: 'Running', lastMessageType: 'WorkflowStarted', documentProduced: false }));
    expect(jobs.query({}).rows.map((j) => j.key)).toEqual(['40']);

    const machines = new MachineRepo(db);
    machines.put('m1', { scheduler: 'running', schedulerSince: '2025-03-01T10:00:00.000Z' }, 1);
    machines.flush();
    const reopened = new MachineRepo(db);
    expect(reopened.get('m1')).toEqual({ scheduler: 'running', schedulerSince: '2025-03-01T10:00:00.000Z' });
    expect(reopened.lastSeq('m1')).toBe(1);
    db.prepare(
      "INSERT INTO commands (machine_id, kind, payload, actor, state, created_at, updated_at) VALUES ('m1', 'resume', 'null', 'op@pc', 'queued', 't', 't')",
    ).run();
    expect(db.prepare('SELECT machine_id, kind, actor, role, state, attempts FROM commands').all()).toEqual([
      { machine_id: 'm1', kind: 'resume', actor: 'op@pc', role: 'operator', state: 'queued', attempts: 0 },
    ]);
    expect(() => db.prepare("UPDATE commands SET state = 'lost'").run()).toThrow(/CHECK constraint failed/);
    db.prepare("INSERT INTO meta (key, value) VALUES ('projection_version', '1')").run();
    expect(db.prepare("SELECT value FROM meta WHERE key = 'projection_version'").pluck().get()).toBe('1');
    db.close();
  });
});
