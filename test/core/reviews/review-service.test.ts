import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import { encoderLoaded, ocrExecuted, SIGNAL_PATH, workflowStarted } from '../../fixtures/aida';
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

    const reviews = await core.handlers.listReviews({});
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
    const reviews = await core.handlers.listReviews({});
    const found = reviews.ok ? reviews.value.queue.find((r) => r.jobId === jobId) : undefined;
    if (!found) throw new Error(`no review for job ${jobId}`);
    return found;
  }

  it('signals Canceled, with its reason, for a chip-encoding hand-off', async () => {
    const { core, aida } = await live.start();
    await core.post(encoderLoaded('10'));
    const review = await pending(core, '10');
    const result = await dispatch(core.handlers, 'decide', { reviewId: review.id, outcome: 'Canceled', reason: 'Encoder service stopped' });
    expect(result).toMatchObject({ ok: true, value: { state: 'acknowledged' } });
    expect(aida.commands().map((c) => [c.path, c.body])).toEqual([
      [SIGNAL_PATH, { workflowInstanceId: 'wf-10', outcome: 'Canceled', errorReason: 'Encoder service stopped' }],
    ]);
    expect((await pending(core, '10')).decision).toBe('Canceled');
  });

  it('asks for a reason and the supervisor PIN as Reject does', async () => {
    const { core, aida } = await live.start({}, { review: { supervisorPin: '4321' } });
    await core.post(encoderLoaded('11'));
    const review = await pending(core, '11');
    expect(await dispatch(core.handlers, 'decide', { reviewId: review.id, outcome: 'Canceled', pin: '4321' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('reason') },
    });
    expect(await dispatch(core.handlers, 'decide', { reviewId: review.id, outcome: 'Canceled', reason: 'stopped' })).toMatchObject({ ok: false });
    await core.post(workflowStarted('12'));
    expect(aida.commands()).toEqual([]);
    expect(await dispatch(core.handlers, 'decide', { reviewId: review.id, outcome: 'Canceled', reason: 'stopped', pin: '4321' })).toMatchObject({ ok: true });
    expect(aida.commands()).toHaveLength(1);
  });

  it('is refused for an OCR read, where no external process ran', async () => {
    const { core, aida } = await live.start();
    await core.post(ocrExecuted('13'));
    const review = await pending(core, '13');
    const result = await dispatch(core.handlers, 'decide', { reviewId: review.id, outcome: 'Canceled', reason: 'why not' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-allowed', message: expect.stringContaining('reject it instead') } });
    await core.post(workflowStarted('14'));
    expect(aida.commands()).toEqual([]);
    expect((await pending(core, '13')).state).toBe('pending');
  });
});
