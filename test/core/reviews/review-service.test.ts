import { describe, expect, it } from 'vitest';
import { ocrExecuted, SIGNAL_PATH } from '../../fixtures/aida';
import { consoleWithFakeAida } from '../../helpers/core';

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
