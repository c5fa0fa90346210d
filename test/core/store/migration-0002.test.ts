import { describe, expect, it } from 'vitest';
import { AlertRepo } from '../../../electron/core/store/alert-repo';
import { CommandRepo } from '../../../electron/core/store/command-repo';
import { DeliveryRepo } from '../../../electron/core/store/delivery-repo';
import { JobRepo } from '../../../electron/core/store/job-repo';
import { migration0001 } from '../../../electron/core/store/migrations/0001-deliveries-events';
import { migration0002 } from '../../../electron/core/store/migrations/0002-reviews-alerts';
import { ReviewRepo } from '../../../electron/core/store/review-repo';
import { columns, databaseAt, indexes, insertDeliveryV1, insertEventV1, insertJobV1, job, latest, rows, schemaVersion, tables, upgradeTo } from './helpers';

/** A console of schema 1 that has received a job's messages (one delivery refused) and queued a Resume, written with
 * schema 1's SQL. */
function version1WithData() {
  const { db } = databaseAt(migration0001.version);
  const deliver = (body: object, outcome: 'accepted' | 'rejected' = 'accepted') =>
    insertDeliveryV1(db, {
      receivedAt: '2025-03-01T10:00:00.000Z',
      source: 'aida',
      remoteAddr: '10.0.0.7',
      headers: {},
      body: JSON.stringify(body),
      outcome,
      httpStatus: outcome === 'accepted' ? 200 : 400,
      ...(outcome === 'accepted' ? {} : { reason: 'not JSON the console reads' }),
    });
  const messages = [
    { messageType: 'WorkflowStarted', jobId: '3', workflowInstanceId: 'wf-3', messageId: 'a' },
    { messageType: 'OcrExecuted', workflowInstanceId: 'wf-3', messageId: 'b' },
  ];
  for (const m of messages) {
    insertEventV1(db, { deliveryId: deliver(m), source: 'aida', machineId: 'm1', messageId: m.messageId, type: m.messageType, receivedAt: 't', message: m });
  }
  deliver({ nonsense: true }, 'rejected');
  insertJobV1(db, job(3, { status: 'Faulted', errorCode: 'CardJam' }), 1);
  insertJobV1(db, job(4, { status: 'Cancelled', sourceJobInstanceId: 'wf-3' }), 2);
  db.prepare(
    "INSERT INTO commands (machine_id, kind, payload, actor, role, state, outcome, attempts, created_at, updated_at) VALUES ('m1', 'resume', 'null', 'op@pc', 'operator', 'acknowledged', 'HTTP 200', 1, 't0', 't1')",
  ).run();
  return db;
}

describe('migration 0002: reviews and alerts', () => {
  it('upgrades a database of version 1 and keeps its deliveries, events, jobs and commands as they were', () => {
    const db = version1WithData();
    const before = Object.fromEntries(['deliveries', 'events', 'jobs', 'commands', 'machine_state', 'meta'].map((t) => [t, rows(db, t)]));
    expect(before['deliveries']).toHaveLength(3);
    expect(before['events']).toHaveLength(2);

    upgradeTo(db, migration0002.version);

    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).toEqual(['alerts', 'commands', 'deliveries', 'events', 'jobs', 'machine_state', 'meta', 'reviews']);
    for (const table of ['deliveries', 'events', 'jobs', 'machine_state', 'meta']) expect(rows(db, table)).toEqual(before[table]);
    // The old command gains the new columns, empty: it answered no review and no alert.
    expect(columns(db, 'commands')).toEqual(expect.arrayContaining(['review_id', 'alert_id']));
    expect(rows(db, 'commands')).toEqual((before['commands'] as object[]).map((c) => ({ ...c, review_id: null, alert_id: null })));
    expect(indexes(db, 'jobs')).toEqual(expect.arrayContaining(['jobs_source_job', 'jobs_status_recent']));

    // The repos read the old rows, once the database is at the schema they read.
    upgradeTo(db, latest);
    expect(new CommandRepo(db).get(1)).toMatchObject({ id: 1, machineId: 'm1', kind: 'resume', state: 'acknowledged', attempts: 1 });
    expect(new CommandRepo(db).get(1)).not.toHaveProperty('reviewId');
    expect(new DeliveryRepo(db).rejectedTotal()).toBe(1);
    expect(new DeliveryRepo(db).timeline('m1', '3', 'wf-3').map((e) => [e.seq, e.type])).toEqual([
      [1, 'WorkflowStarted'],
      [2, 'OcrExecuted'],
    ]);
    expect(new JobRepo(db).cancelledBy('m1', job(3)).map((j) => j.key)).toEqual(['4']);
    db.close();
  });

  it('gives the upgraded database working reviews, one signal per review, and alerts', () => {
    const db = version1WithData();
    upgradeTo(db, migration0002.version);
    expect(schemaVersion(db)).toBe(2);
    // Reviews, signals and alerts are used through the repos, which read and write the latest schema.
    upgradeTo(db, latest);

    const reviews = new ReviewRepo(db);
    const reviewId = reviews.open({
      machineId: 'm1',
      workflowInstanceId: 'wf-3',
      jobKey: '3',
      kind: 'ocr',
      seq: 2,
      at: '2025-03-01T10:00:01.000Z',
      payload: { inspections: [{ name: 'MRZ line 1', text: 'P<UTO', confidence: 0.5 }] },
    });
    expect(reviewId).toBe(1);
    expect(reviews.decide(1, 'Completed', 'sup@pc', '2025-03-01T10:00:02.000Z', undefined)).toBe(true);
    expect(reviews.get(1)).toMatchObject({ state: 'decided', decision: 'Completed', decided_by: 'sup@pc', payload: { inspections: [{ text: 'P<UTO' }] } });

    const commands = new CommandRepo(db);
    const signal = { machineId: 'm1', kind: 'signal' as const, payload: { workflowInstanceId: 'wf-3' }, actor: 'sup@pc', role: 'supervisor' as const };
    const first = commands.create({ ...signal, reviewId: 1, at: 't2' });
    expect(first).toMatchObject({ created: true, command: { id: 2, reviewId: 1, state: 'queued' } });
    expect(commands.create({ ...signal, reviewId: 1, at: 't3' })).toMatchObject({ created: false, command: { id: 2 } });
    expect(() =>
      db.prepare("INSERT INTO commands (machine_id, kind, payload, actor, state, review_id, created_at, updated_at) VALUES ('m1', 'signal', 'null', 'x', 'queued', 1, 't', 't')").run(),
    ).toThrow(/UNIQUE constraint failed/);

    const alerts = new AlertRepo(db);
    const alertId = alerts.open({ machineId: 'm1', kind: 'suspension', code: 'CardJam', detail: 'Card jam', at: '2025-03-01T10:00:03.000Z', firstOut: true });
    expect(alerts.openAlerts().map((a) => [a.id, a.kind, a.code])).toEqual([[alertId, 'suspension', 'CardJam']]);
    expect(alerts.close(alertId, '2025-03-01T10:00:04.000Z', { code: 'runs-again' })).toBe(true);
    expect(alerts.openAlerts()).toEqual([]);
    expect(alerts.get(alertId)).toMatchObject({ closed_code: 'runs-again' });
    db.close();
  });
});
