import { describe, expect, it } from 'vitest';
import { DeliveryRepo } from '../../../electron/core/store/delivery-repo';
import { EventLog } from '../../../electron/core/store/event-log';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { MachineRepo } from '../../../electron/core/store/machine-repo';
import { migration0001 } from '../../../electron/core/store/migrations/0001-deliveries-events';
import { columns, databaseAt, indexes, insertDeliveryV1, insertEventV1, insertJobV1, job, latest, schemaVersion, tables, upgradeTo } from './helpers';

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
    const deliveryId = insertDeliveryV1(db, {
      receivedAt: '2025-03-01T10:00:00.000Z',
      source: 'aida',
      remoteAddr: '10.0.0.7',
      headers: { 'content-type': 'application/json' },
      body: BODY,
      outcome: 'accepted',
      httpStatus: 200,
    });
    const message = { messageType: 'WorkflowStarted', jobId: '40', messageId: 'm-40' };
    const seq = insertEventV1(db, {
      deliveryId,
      source: 'aida',
      machineId: 'm1',
      messageId: 'm-40',
      type: 'WorkflowStarted',
      receivedAt: '2025-03-01T10:00:00.000Z',
      message,
    });
    expect(seq).toBe(1);
    // The unique message id makes a repeat an append that does nothing (the first console appended with INSERT OR IGNORE).
    const repeat = db.prepare(
      "INSERT OR IGNORE INTO events (delivery_id, source, machine_id, message_id, message_type, received_at, message) VALUES (?, 'aida', 'm1', 'm-40', 'WorkflowStarted', 't', '{}')",
    );
    expect(repeat.run(deliveryId).changes).toBe(0);
    expect(() =>
      db
        .prepare("INSERT INTO deliveries (received_at, source, headers, body, body_length, outcome, http_status) VALUES ('t', 'aida', '{}', x'', 0, 'lost', 200)")
        .run(),
    ).toThrow(/CHECK constraint failed/);

    // The repos read the latest schema: what the first console wrote is read through them once upgraded.
    upgradeTo(db, latest);
    expect(new DeliveryRepo(db).get(deliveryId)).toEqual({
      id: deliveryId,
      receivedAt: '2025-03-01T10:00:00.000Z',
      source: 'aida',
      remoteAddr: '10.0.0.7',
      outcome: 'accepted',
      httpStatus: 200,
      bodyLength: BODY.length,
      bodyKept: BODY.length,
      body: BODY,
      headers: { 'content-type': 'application/json' },
    });
    const log = new EventLog(db);
    expect(log.page(0, 10)).toEqual([
      { seq: 1, source: 'aida', subject: 'm1', type: 'WorkflowStarted', receivedAt: '2025-03-01T10:00:00.000Z', message },
    ]);
    // Still a repeat once upgraded. Migration 6 keys a MessageId by its sender's identity as sent: this message names
    // none, so its key is the empty identity, the separator and the id.
    expect(log.append({ deliveryId, source: 'aida', subject: 'm1', dedupeKey: '\u001fm-40', type: 'WorkflowStarted', receivedAt: 't', message })).toBeUndefined();
    expect(log.seqOf('aida', '\u001fm-40')).toBe(1);
    db.close();
  });

  it('keeps a job, a machine state, a command and a meta value', () => {
    const { db } = databaseAt(migration0001.version);
    insertJobV1(db, job(40, { status: 'Running', lastMessageType: 'WorkflowStarted', documentProduced: false }), 1);
    db.prepare('INSERT INTO machine_state (machine_id, state, last_seq) VALUES (?, ?, ?)').run(
      'm1',
      JSON.stringify({ scheduler: 'running', schedulerSince: '2025-03-01T10:00:00.000Z' }),
      1,
    );
    db.prepare(
      "INSERT INTO commands (machine_id, kind, payload, actor, state, created_at, updated_at) VALUES ('m1', 'resume', 'null', 'op@pc', 'queued', 't', 't')",
    ).run();
    expect(db.prepare('SELECT machine_id, kind, actor, role, state, attempts FROM commands').all()).toEqual([
      { machine_id: 'm1', kind: 'resume', actor: 'op@pc', role: 'operator', state: 'queued', attempts: 0 },
    ]);
    expect(() => db.prepare("UPDATE commands SET state = 'lost'").run()).toThrow(/CHECK constraint failed/);
    db.prepare("INSERT INTO meta (key, value) VALUES ('projection_version', '1')").run();
    expect(db.prepare("SELECT value FROM meta WHERE key = 'projection_version'").pluck().get()).toBe('1');

    // The repos read the latest schema: the job and the machine state are read through them once upgraded.
    upgradeTo(db, latest);
    const jobs = new JobRepo(db);
    expect(jobs.get('m1', '40')).toEqual(job(40, { status: 'Running', lastMessageType: 'WorkflowStarted', documentProduced: false }));
    expect(jobs.query({}).rows.map((j) => j.key)).toEqual(['40']);
    const machines = new MachineRepo(db);
    expect(machines.get('m1')).toEqual({ scheduler: 'running', schedulerSince: '2025-03-01T10:00:00.000Z' });
    expect(machines.lastSeq('m1')).toBe(1);
    db.close();
  });
});
