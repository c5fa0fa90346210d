import { afterEach, describe, expect, it } from 'vitest';
import { MACHINE, workflowStarted } from '../../fixtures/aida';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

/** AIDA 1.6's BarcodeDecoded (class BarcodeReadExecutedMessage), through the real console. */
const decoded = (jobId: string, jobStatus: string, messageId: string) => ({
  ...MACHINE,
  discriminator: 'IXLA.Box.Services.Workflow.Messaging.Signals.BarcodeReadExecutedMessage',
  messageType: 'BarcodeDecoded',
  messageId,
  jobId,
  workflowInstanceId: `wf-${jobId}`,
  jobStatus,
  errorCode: 'NoErrors',
  results: [{ inspectionName: 'Pdf417Back', ocrResult: { text: 'TRAINING|L898902C3', meanConfidence: 0.58 } }],
});

describe('a decoded barcode (AIDA 1.6)', () => {
  it('waits for a decision only when its job is Suspended: the job shows it, and the review lists the read', async () => {
    core = await startTestConsole(testConfig());
    await core.post(workflowStarted('1'));
    await core.post(workflowStarted('2'));
    expect((await core.post(decoded('1', 'Running', 'bd-1'))).status).toBe(200);
    expect((await core.post(decoded('2', 'Suspended', 'bd-2'))).status).toBe(200);
    const jobs = await core.handlers.listJobs({ offset: 0, limit: 10 });
    expect(jobs.ok && Object.fromEntries(jobs.value.rows.map((j) => [j.jobId, [j.status, j.lastMessageType]]))).toEqual({
      '1': ['Running', 'BarcodeDecoded'],
      '2': ['Suspended', 'BarcodeDecoded'],
    });
    const snap = await core.handlers.getSnapshot({});
    expect(snap.ok && snap.value.reviews.map((r) => [r.jobId, r.kind, r.payload.inspections?.[0]?.text, r.belowThreshold])).toEqual([
      ['2', 'barcode', 'TRAINING|L898902C3', true],
    ]);
  });
});
