import { describe, expect, it } from 'vitest';
import { REVIEW_CARD_INSPECTIONS } from '../../../shared/api/reviews';
import { encoderLoaded, ocrExecuted, pascalMessage, SIGNAL_PATH, workflowStarted } from '../../fixtures/aida';
import { consoleWithFakeAida, type TestConsole } from '../../helpers/core';

const live = consoleWithFakeAida();
const consoleAutoApproving = (above: number) => live.start({}, { review: { autoApproveAbove: above } });

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not seen within 5 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('OCR confidence as AIDA sends it', () => {
  it('shows a confidence outside 0..1 as sent, counts it below threshold, and never auto-approves it', async () => {
    const { core, aida } = await consoleAutoApproving(0.9);
    await core.post(ocrExecuted('1', [['MRZ', 'P<UTOERIKSSON', 97]]));
    // A read the console does approve by itself, sent after: once its signal has gone, the first had its chance too.
    await core.post(ocrExecuted('2', [['MRZ', 'P<UTOERIKSSON', 0.99]]));
    const signals = () => aida.calls.filter((c) => c.path === SIGNAL_PATH);
    await until(() => signals().length >= 1, 'the confident read approved');
    expect(signals().map((c) => (c.body as { workflowInstanceId: string }).workflowInstanceId)).toEqual(['wf-2']);

    const reviews = await core.handlers.listReviews({ limit: 10 });
    const percent = reviews.ok ? reviews.value.queue.find((r) => r.jobId === '1') : undefined;
    expect(percent).toMatchObject({ state: 'pending', belowThreshold: true });
    expect(percent?.payload.inspections?.[0]).toEqual({ name: 'MRZ', text: 'P<UTOERIKSSON', rawConfidence: 97 });
  });

  it('does not auto-approve a read when one of its inspections carries no confidence', async () => {
    const { core, aida } = await consoleAutoApproving(0.9);
    const partly = ocrExecuted('3', [['Surname', 'ERIKSSON', 0.99], ['MRZ', 'P<UTO', 0.99]]) as { Results: { OcrResult: Record<string, unknown> }[] };
    delete partly.Results[1]?.OcrResult['MeanConfidence'];
    await core.post(partly);
    await core.post(ocrExecuted('4', [['MRZ', 'P<UTO', 0.99]]));
    const signals = () => aida.calls.filter((c) => c.path === SIGNAL_PATH);
    await until(() => signals().length >= 1, 'the confident read approved');
    expect(signals().map((c) => (c.body as { workflowInstanceId: string }).workflowInstanceId)).toEqual(['wf-4']);
  });
});

describe('Canceled: the external process was cancelled, and the card is rejected', () => {
  async function pending(core: TestConsole, jobId: string) {
    const reviews = await core.handlers.listReviews({ limit: 10 });
    const found = reviews.ok ? reviews.value.queue.find((r) => r.jobId === jobId) : undefined;
    if (!found) throw new Error(`no review for job ${jobId}`);
    return found;
  }

  it('signals Canceled, with its reason, for a chip-encoding hand-off', async () => {
    const { core, aida } = await live.start();
    await core.post(encoderLoaded('10'));
    const review = await pending(core, '10');
    const result = await core.dispatch('decide', { reviewId: review.id, outcome: 'Canceled', reason: 'Encoder service stopped' });
    expect(result).toMatchObject({ ok: true, value: { state: 'acknowledged' } });
    expect(aida.commands().map((c) => [c.path, c.body])).toEqual([
      [SIGNAL_PATH, { workflowInstanceId: 'wf-10', outcome: 'Canceled', errorReason: 'Encoder service stopped' }],
    ]);
    expect((await pending(core, '10')).decision).toBe('Canceled');
  });

  it('asks for a reason and the supervisor PIN as Reject does', async () => {
    // The PIN makes everyone wait a little after a missing one (test/core/api/pin.test.ts): this clock skips the wait.
    let offset = 0;
    const { core, aida } = await live.start({}, { review: { supervisorPin: '4321' } }, { now: () => new Date(Date.now() + offset) });
    await core.post(encoderLoaded('11'));
    const review = await pending(core, '11');
    expect(await core.dispatch('decide', { reviewId: review.id, outcome: 'Canceled', pin: '4321' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('reason') },
    });
    expect(await core.dispatch('decide', { reviewId: review.id, outcome: 'Canceled', reason: 'stopped' })).toMatchObject({ ok: false });
    await core.post(workflowStarted('12'));
    expect(aida.commands()).toEqual([]);
    offset += 60_000;
    expect(await core.dispatch('decide', { reviewId: review.id, outcome: 'Canceled', reason: 'stopped', pin: '4321' })).toMatchObject({ ok: true });
    expect(aida.commands()).toHaveLength(1);
  });

  it('is refused for an OCR read, where no external process ran', async () => {
    const { core, aida } = await live.start();
    await core.post(ocrExecuted('13'));
    const review = await pending(core, '13');
    const result = await core.dispatch('decide', { reviewId: review.id, outcome: 'Canceled', reason: 'why not' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringContaining('reject it instead') } });
    await core.post(workflowStarted('14'));
    expect(aida.commands()).toEqual([]);
    expect((await pending(core, '13')).state).toBe('pending');
  });
});

/**
 * One OCR message with 30,000 results, written as compactly as AIDA's parser reads them so that it fits the
 * listener's 1 MiB: every 7th below the default threshold (0.8), the second sent as a percentage, the third without
 * a confidence, and the lowest of all at the very end, where no card shows it.
 */
function hugeOcr(jobId: string) {
  const results: Record<string, unknown>[] = Array.from({ length: 30_000 }, (_, i) => ({
    Text: String.fromCharCode(65 + (i % 26)),
    MeanConfidence: i % 7 === 0 ? 0.6 : 0.9,
  }));
  results[1] = { Text: 'B', MeanConfidence: 97 };
  results[2] = { Text: 'C' };
  results[29_999] = { Text: 'Z', MeanConfidence: 0.41 };
  return pascalMessage('OcrExecuted', { JobId: jobId, CorrelationId: `CORR-${jobId}`, WorkflowInstanceId: `wf-${jobId}`, JobStatus: 'Suspended', Results: results });
}

describe('one huge OCR message', () => {
  it('sends the screens its first inspections with counts over all of them, and keeps every one to read page by page', async () => {
    const { core } = await live.start();
    expect((await core.post(hugeOcr('50'))).status).toBe(200);
    const listed = await core.handlers.listReviews({ limit: 10 });
    const review = listed.ok ? listed.value.queue.find((r) => r.jobId === '50') : undefined;
    expect(review?.payload.inspections).toHaveLength(REVIEW_CARD_INSPECTIONS);
    // 4,286 multiples of 7, the percentage (outside 0..1 counts as below) and the last one.
    expect(review?.inspectionSummary).toEqual({ total: 30_000, belowThreshold: 4288, outOfRange: 1, missing: 1, lowest: 0.41 });
    expect(review?.belowThreshold).toBe(true);

    // Nothing of the message was dropped: the last page holds the last inspection, exactly as sent.
    const last = await core.handlers.listReviewInspections({ reviewId: review?.id ?? 0, offset: 29_900, limit: 100 });
    expect(last).toMatchObject({ ok: true, value: { total: 30_000, offset: 29_900 } });
    const rows = last.ok ? last.value.rows : [];
    expect(rows).toHaveLength(100);
    expect(rows.at(-1)).toEqual({ name: '(unnamed inspection)', text: 'Z', confidence: 0.41, rawConfidence: 0.41 });
    expect(await core.dispatch('listReviewInspections', { reviewId: 999, offset: 0 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await core.dispatch('listReviewInspections', { reviewId: review?.id ?? 0, offset: 0, limit: 30_000 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('never approves by itself a read with more inspections than its card shows, however confident', async () => {
    const { core, aida } = await consoleAutoApproving(0.9);
    const reads = (n: number) => Array.from({ length: n }, (_, i): [string, string, number] => [`Field ${i}`, 'OK', 0.99]);
    await core.post(ocrExecuted('60', reads(REVIEW_CARD_INSPECTIONS + 1)));
    // A read the card shows whole, sent after: once its signal has gone, the first had its chance too.
    await core.post(ocrExecuted('61', reads(REVIEW_CARD_INSPECTIONS)));
    const signals = () => aida.calls.filter((c) => c.path === SIGNAL_PATH);
    await until(() => signals().length >= 1, 'the read shown whole approved');
    expect(signals().map((c) => (c.body as { workflowInstanceId: string }).workflowInstanceId)).toEqual(['wf-61']);
    const listed = await core.handlers.listReviews({ limit: 10 });
    expect(listed.ok ? listed.value.queue.find((r) => r.jobId === '60')?.state : undefined).toBe('pending');
  });
});
