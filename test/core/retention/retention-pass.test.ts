import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { rebuildIfStale } from '../../../electron/core/ingest/projector';
import { resolveRetention } from '../../../electron/core/retention/retention-config';
import { RetentionService } from '../../../electron/core/retention/retention-service';
import { archivePath } from '../../../electron/core/store/archive-files';
import { archivedJobDetail, searchArchivedJobs } from '../../../electron/core/store/archive-jobs';
import { archivedCommands, archivedJobs, closeArchives, openArchives } from '../../../electron/core/store/archive-reader';
import { ocrExecuted, workflowCompleted, workflowStarted } from '../../fixtures/aida';
import { countIn, march2025, retentionStore } from '../store/retention-harness';

let harness: ReturnType<typeof retentionStore> | undefined;
afterEach(() => {
  harness?.close();
  harness = undefined;
});

const jobWhere = (jobId: string) => `json_extract(message, '$.jobId') = '${jobId}'`;

/** A pass of the retention service at `now`, to its end, with the given retention config. */
async function pass(h: ReturnType<typeof retentionStore>, now: string, config: Parameters<typeof resolveRetention>[0] = {}) {
  const service = new RetentionService({
    archive: h.store.archive,
    settings: resolveRetention(config),
    rebuilding: () => false,
    now: () => new Date(now),
    log: () => {},
    restMs: 0,
    batchJobs: 2,
  });
  return service.pass();
}

/** A job started, its OCR read decided by a person (the signal acknowledged), and completed, at `at(second)`. */
async function decidedJob(h: ReturnType<typeof retentionStore>, jobId: string, text: string, at: (second: number) => string) {
  await h.deliver(workflowStarted(jobId), at(0));
  await h.deliver(ocrExecuted(jobId, [['MRZ line 1', text, 0.97]]), at(1));
  const review = h.store.reviews.openForInstance('m1', `wf-${jobId}`)[0];
  if (!review) throw new Error('the OCR read opened no review');
  h.store.reviews.decide(review.id, 'Completed', 'op@line2', at(2), undefined);
  const { command } = h.store.commands.create({ machineId: 'm1', kind: 'signal', payload: {}, actor: 'op@line2', role: 'operator', reviewId: review.id, at: at(2) });
  h.store.commands.update(command.id, 'acknowledged', '200', at(3));
  await h.deliver(workflowCompleted(jobId), at(4));
  return { reviewId: review.id, commandId: command.id };
}

/**
 * Job 1 in March 2025; job 2 the same in August, inside any retention the tests use, so it also holds the newest row
 * of every table (the id high-water marks, which never leave).
 */
async function twoJobs() {
  const h = retentionStore();
  harness = h;
  const first = await decidedJob(h, '1', 'P<UTOERIKSSON<<ANNA<MARIA', (s) => march2025(1, s));
  await decidedJob(h, '2', 'P<UTOLINDQVIST<<BERIT', (s) => new Date(Date.UTC(2025, 7, 30, 10, 0, s)).toISOString());
  return { h, ...first };
}

describe('retention: a job moves to the archive with everything of it', () => {
  it('moves the job with its messages, deliveries, review and command, in one year file, and leaves the recent job', async () => {
    const { h } = await twoJobs();
    const result = await pass(h, '2025-09-01T00:00:00.000Z');
    expect(result?.moved).toMatchObject({ jobs: 1, events: 3, deliveries: 3, reviews: 1, commands: 1 });
    expect(h.count('jobs')).toBe(1);
    expect(h.store.jobs.get('m1', '1')).toBeUndefined();
    expect(h.store.jobs.get('m1', '2')?.status).toBe('Completed');
    expect(h.count('events', jobWhere('1'))).toBe(0);
    expect([h.count('reviews'), h.count('commands'), h.count('deliveries')]).toEqual([1, 1, 3]);
    const archive = h.archive(2025);
    expect(countIn(archive, 'jobs')).toBe(1);
    expect(countIn(archive, 'jobs', "job_key = '1'")).toBe(1);
    expect(countIn(archive, 'events', jobWhere('1'))).toBe(3);
    expect(countIn(archive, 'deliveries')).toBe(3);
    expect([countIn(archive, 'reviews'), countIn(archive, 'commands')]).toEqual([1, 1]);
    // Each moved event is there with the body it arrived in.
    expect(archive.prepare("SELECT count(*) FROM events e JOIN deliveries d ON d.id = e.delivery_id WHERE CAST(d.body AS TEXT) LIKE '%ERIKSSON%'").pluck().get()).toBe(1);
    archive.close();
  });

  it('reads archived jobs and commands through the archive reader, and finds the job with "include archive"', async () => {
    const { h, commandId } = await twoJobs();
    await pass(h, '2025-09-01T00:00:00.000Z');
    const { archives } = openArchives(h.dataDir);
    try {
      expect(archives.map((a) => a.year)).toEqual([2025]);
      const [archive] = archives;
      if (!archive) throw new Error('no archive');
      expect([...archivedCommands(archive)].map((c) => [c.id, c.actor, c.state])).toEqual([[commandId, 'op@line2', 'acknowledged']]);
      expect([...archivedJobs(archive)].map((j) => j.job_key)).toEqual(['1']);
    } finally {
      closeArchives(archives);
    }
    expect(searchArchivedJobs(h.dataDir, { search: 'CORR-1' }, 0, 50).rows.map((j) => [j.jobId, j.status])).toEqual([['1', 'Completed']]);
    const detail = archivedJobDetail(h.dataDir, 'm1', '1');
    expect(detail?.timeline.map((e) => e.type)).toEqual(['WorkflowStarted', 'OcrExecuted', 'WorkflowCompleted']);
    expect(detail?.timeline[1]?.raw).toContain('ERIKSSON');
    expect(searchArchivedJobs(h.dataDir, { search: 'CORR-2' }, 0, 50)).toEqual({ rows: [], total: 0 });
    // A file cut short before its first batch (no tables yet) is passed over, not an error.
    closeArchives([{ year: 2024, path: '', db: new Database(archivePath(h.dataDir, 2024)) }]);
    expect(searchArchivedJobs(h.dataDir, { search: 'CORR-1' }, 0, 50).total).toBe(1);
  });

  it('archives nothing an open review, an unsettled command or an open alert needs', async () => {
    const h = retentionStore();
    harness = h;
    // Job 3: an OCR read nobody decided (its review is open).
    await h.deliver(workflowStarted('3'), march2025(2, 0));
    await h.deliver(ocrExecuted('3'), march2025(2, 1));
    // Job 4: decided, the machine moved on (review closed), but the signal is still queued.
    await h.deliver(workflowStarted('4'), march2025(3, 0));
    await h.deliver(ocrExecuted('4'), march2025(3, 1));
    const review4 = h.store.reviews.openForInstance('m1', 'wf-4')[0];
    if (!review4) throw new Error('no review for job 4');
    h.store.reviews.decide(review4.id, 'Completed', 'op', march2025(3, 2), undefined);
    h.store.commands.create({ machineId: 'm1', kind: 'signal', payload: {}, actor: 'op', role: 'operator', reviewId: review4.id, at: march2025(3, 2) });
    await h.deliver(workflowCompleted('4'), march2025(3, 3));
    // Job 5 still running on a machine with an open alert; job 6 finished there.
    await h.deliver(workflowStarted('5'), march2025(4, 0));
    await h.deliver(workflowStarted('6'), march2025(4, 1));
    await h.deliver(workflowCompleted('6'), march2025(4, 2));
    h.store.alerts.open({ machineId: 'm1', kind: 'silence', at: march2025(4, 3), firstOut: true });
    await h.deliver(workflowStarted('7'), '2025-08-30T10:00:00.000Z');

    const result = await pass(h, '2025-09-01T00:00:00.000Z');
    expect(result?.moved.jobs).toBe(1);
    const live = ['3', '4', '5', '6', '7'].filter((k) => h.store.jobs.get('m1', k) !== undefined);
    expect(live).toEqual(['3', '4', '5', '7']);
    expect(h.count('events', jobWhere('3'))).toBe(2);
    expect(h.count('events', jobWhere('4'))).toBe(3);
    expect(h.store.reviews.unanswered().map((r) => r.workflow_instance_id)).toEqual(['wf-3']);
    expect(h.store.commands.unsettled()).toHaveLength(1);
  });
});

describe('retention: a rebuild of the projections after archiving', () => {
  it('neither brings archived jobs back into the live queue nor loses them from the archive', async () => {
    const { h } = await twoJobs();
    await pass(h, '2025-09-01T00:00:00.000Z');
    h.store.projection.setVersion(0);
    expect(rebuildIfStale(h.store, [h.source])).toBeGreaterThan(0);
    expect(h.store.jobs.get('m1', '1')).toBeUndefined();
    expect(h.store.jobs.get('m1', '2')?.status).toBe('Completed');
    expect(h.store.reviews.unanswered()).toEqual([]);
    expect(h.count('reviews')).toBe(1);
    expect(searchArchivedJobs(h.dataDir, {}, 0, 50).rows.map((j) => j.jobId)).toEqual(['1']);
  });
});

describe('retention: personal data', () => {
  it('redacts OCR texts in the review, the logged message and its raw body, in the live file, before the job is archived', async () => {
    const { h } = await twoJobs();
    const result = await pass(h, '2025-05-01T00:00:00.000Z', { personalDataDays: 30 });
    expect(result?.moved).toEqual({});
    expect(h.store.jobs.get('m1', '1')?.status).toBe('Completed');
    const live = h.db;
    expect(countIn(live, 'reviews', "payload LIKE '%ERIKSSON%'")).toBe(0);
    expect(countIn(live, 'reviews', "payload LIKE '%[redacted]%'")).toBe(1);
    expect(countIn(live, 'reviews', "payload LIKE '%LINDQVIST%'")).toBe(1);
    expect(countIn(live, 'events', "message LIKE '%ERIKSSON%'")).toBe(0);
    expect(countIn(live, 'deliveries', "CAST(body AS TEXT) LIKE '%ERIKSSON%'")).toBe(0);
    // What was not read off the card stays: the job's ids, the inspection's name and confidence.
    expect(JSON.parse(String(live.prepare('SELECT payload FROM reviews ORDER BY id LIMIT 1').pluck().get()))).toMatchObject({
      inspections: [{ name: 'MRZ line 1', text: '[redacted]', confidence: 0.97 }],
    });
  });

  it('redacts in the archive what was archived before its personal data expired', async () => {
    const { h } = await twoJobs();
    await pass(h, '2025-05-01T00:00:00.000Z', { days: 30 });
    let archive = h.archive(2025);
    expect(countIn(archive, 'reviews', "payload LIKE '%ERIKSSON%'")).toBe(1);
    archive.close();
    await pass(h, '2025-07-01T00:00:00.000Z', { days: 30, personalDataDays: 60 });
    archive = h.archive(2025);
    expect(countIn(archive, 'reviews', "payload LIKE '%ERIKSSON%'")).toBe(0);
    expect(countIn(archive, 'events', "message LIKE '%ERIKSSON%'")).toBe(0);
    expect(countIn(archive, 'deliveries', "CAST(body AS TEXT) LIKE '%ERIKSSON%'")).toBe(0);
    expect(countIn(archive, 'jobs')).toBe(1);
    archive.close();
  });
});

describe('retention: stopping', () => {
  it('ends a pass between two batches when the console stops, and the next pass goes on from there', async () => {
    const h = retentionStore();
    harness = h;
    await h.deliverAll(Array.from({ length: 6 }, (_, n) => [workflowCompleted(String(n)), march2025(1, n)] as const));
    await h.deliver(workflowCompleted('newest'), '2025-08-30T10:00:00.000Z');
    // A rest of a minute between batches: the stop must not wait for it.
    const service = new RetentionService({
      archive: h.store.archive,
      settings: resolveRetention({}),
      rebuilding: () => false,
      now: () => new Date('2025-09-01T00:00:00.000Z'),
      log: () => {},
      restMs: 60_000,
      batchJobs: 2,
    });
    service.start();
    await service.stop();
    expect(h.count('jobs')).toBe(5);
    expect((await pass(h, '2025-09-01T00:00:00.000Z'))?.moved.jobs).toBe(4);
    expect(h.count('jobs')).toBe(1);
  });
});
