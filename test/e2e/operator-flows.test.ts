import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pascalMessage, workflowStarted } from '../fixtures/aida';
import { screenshotPath, openConsole, skipBrowserTests } from '../helpers/browser';
import type { FakeAidaCall } from '../helpers/fake-aida';
import { servedConsole } from '../helpers/served-console';

const SIGNAL_PATH = '/aida/v1/workflow-scheduler/workflows/signal/external-process-completed';

/** A job of the batch, suspended by the message that asks for a decision. */
const suspendedBy = (messageType: string, jobId: string, fields: Record<string, unknown>) =>
  pascalMessage(messageType, {
    JobId: jobId,
    BatchId: 'BATCH-9',
    CorrelationId: `CORR-${jobId}`,
    WorkflowInstanceId: `wf-${jobId}`,
    JobStatus: 'Suspended',
    ErrorCode: 'NoErrors',
    ...fields,
  });

const ocrExecuted = (jobId: string, results: { name: string; text: string; confidence: number }[]) =>
  suspendedBy('OcrExecuted', jobId, {
    Results: results.map((r) => ({ InspectionName: r.name, OcrResult: { Text: r.text, MeanConfidence: r.confidence } })),
  });

describe.skipIf(skipBrowserTests)('serve mode in Chromium: operators and supervisors act, and AIDA gets exactly what they decided', () => {
  const served = servedConsole();
  let page: Page;

  beforeAll(async () => {
    page = await served.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    await openConsole(page, served.serve.uiUrl);
    await page.getByText('No message yet').waitFor();
  });

  async function post(body: unknown): Promise<void> {
    const res = await served.post(body);
    expect(res.status).toBe(200);
  }

  /** Waits until the fake AIDA has received a POST on `path`, and returns every one received there. */
  async function received(path: string, count = 1): Promise<FakeAidaCall[]> {
    await expect.poll(() => served.aida.commands().filter((c) => c.path === path).length).toBeGreaterThanOrEqual(count);
    return served.aida.commands().filter((c) => c.path === path);
  }

  const card = (name: RegExp | string, job: string) => page.getByRole('article', { name }).filter({ hasText: `CORR-${job}` });

  it('queues OCR reads, an encoder hand-off and a readback for review, with the count on the navigation', async () => {
    await post(workflowStarted('50'));
    await post(
      ocrExecuted('50', [
        { name: 'Surname', text: 'MUSTERMANN', confidence: 0.97 },
        { name: 'Given names', text: 'ERIKA', confidence: 0.95 },
      ]),
    );
    await post(workflowStarted('51'));
    await post(
      ocrExecuted('51', [
        { name: 'Document number', text: 'C01X00T47', confidence: 0.58 },
        { name: 'Date of birth', text: '12.08.1964', confidence: 0.91 },
      ]),
    );
    await post(workflowStarted('52'));
    await post(suspendedBy('EncoderLoaded', '52', { EncoderId: 'ENC-RIGHT', EncoderIndex: 0, CallbackUrl: `${served.aida.url}/callbacks/encoder/52` }));
    await post(workflowStarted('53'));
    await post(suspendedBy('OcrReadBack', '53', { Text: 'MUSTERMANN<<ERIKA', MeanConfidence: 88 }));

    await expect.poll(() => page.getByRole('tab', { name: /Reviews/ }).textContent()).toContain('4');
    await page.getByRole('tab', { name: /Reviews/ }).click();
    await card(/OCR read/, '51').waitFor();
    const low = card(/OCR read/, '51');
    await expect.poll(() => low.textContent()).toContain('Below threshold');
    expect(await low.textContent()).toContain('58 %');
    await card(/Chip encoding/, '52').getByText('ENC-RIGHT').waitFor();
    await page.screenshot({ path: screenshotPath('review-queue'), fullPage: true });
  });

  it('Approve sends outcome Completed for that instance', async () => {
    const review = card(/OCR read/, '50');
    await review.getByRole('button', { name: 'Approve' }).click();
    await review.getByText('Decision: Accepted by the machine').waitFor();
    const [signal] = await received(SIGNAL_PATH);
    expect(signal?.body).toEqual({ workflowInstanceId: 'wf-50', outcome: 'Completed' });
  });

  it('Reject asks the reason first and sends it as errorReason', async () => {
    const review = card(/OCR read/, '51');
    await review.getByRole('button', { name: /Reject/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('destroyed').waitFor();
    expect(served.aida.commands().filter((c) => c.path === SIGNAL_PATH)).toHaveLength(1);
    await dialog.getByLabel('Text does not match the document').check();
    await page.screenshot({ path: screenshotPath('reject-dialog') });
    await dialog.getByRole('button', { name: /reject the card/ }).click();
    await review.getByText('Decision: Accepted by the machine').waitFor();
    const signals = await received(SIGNAL_PATH, 2);
    expect(signals[1]?.body).toEqual({ workflowInstanceId: 'wf-51', outcome: 'Faulted', errorReason: 'Text does not match the document' });
  });

  it('Encoded signals the documented endpoint, not the CallbackUrl the message named', async () => {
    const review = card(/Chip encoding/, '52');
    // A double click sends one signal: the store and the core both refuse a second decision.
    await review.getByRole('button', { name: 'Encoded' }).dblclick();
    await review.getByText('Decision: Accepted by the machine').waitFor();
    const signals = await received(SIGNAL_PATH, 3);
    expect(signals.slice(2).map((c) => c.body)).toEqual([{ workflowInstanceId: 'wf-52', outcome: 'Completed' }]);
    expect(served.aida.commands().filter((c) => c.path === '/callbacks/encoder/52')).toEqual([]);
  });

  it('an open interlock raises the alert; Resume reaches AIDA and the alert closes when the machine runs again', async () => {
    await page.getByRole('tab', { name: /Machines/ }).click();
    await post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'OpenInterlock' }));
    const alert = page.getByRole('alert').filter({ hasText: 'Interlock open' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('AIDA');
    await page.screenshot({ path: screenshotPath('alert') });

    await alert.getByRole('button', { name: 'Resume' }).click();
    await alert.getByText('Resume: Accepted by the machine').waitFor();
    expect(await received('/aida/v1/workflow-scheduler/resume')).toHaveLength(1);
    // Pressed and accepted, yet still open: only the machine closes it.
    expect(await alert.count()).toBe(1);
    await post(pascalMessage('WorkflowSchedulerStarted', {}));
    await alert.waitFor({ state: 'detached' });
  });

  it('Abort asks first, says cards will be rejected, and then stops with running workflows cancelled', async () => {
    await post(pascalMessage('WorkflowSchedulerSuspended', { ErrorCode: 'FeederEmpty' }));
    const alert = page.getByRole('alert').filter({ hasText: 'Feeder empty' });
    await alert.waitFor();
    await alert.getByRole('button', { name: /Abort/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Cards in progress will be rejected').waitFor();
    await page.screenshot({ path: screenshotPath('abort-confirmation') });
    expect(served.aida.commands().filter((c) => c.path === '/aida/v1/workflow-scheduler/stop')).toHaveLength(0);

    await dialog.getByRole('button', { name: /Abort and reject cards/ }).click();
    await alert.getByText('Abort: Accepted by the machine').waitFor();
    const [stop] = await received('/aida/v1/workflow-scheduler/stop');
    expect(stop?.query).toEqual({ stopRunningWorkflows: 'true', stopAllRunningWorkflows: 'true' });
    await post(pascalMessage('WorkflowSchedulerStopped', { StopReason: 'ManualStop', ErrorCode: 'ManualStop' }));
    await alert.waitFor({ state: 'detached' });
  });

  it('the alert history shows who acted on each alert, and what closed it', async () => {
    await page.getByRole('tab', { name: /Alert history/ }).click();
    const rows = page.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    const feeder = rows.filter({ hasText: 'Feeder empty' });
    expect(await feeder.textContent()).toMatch(/Abort by \S+ — Accepted by the machine/);
    expect(await feeder.textContent()).toContain('issuance stopped');
    expect(await rows.filter({ hasText: 'Interlock open' }).textContent()).toMatch(/Resume by \S+ — Accepted by the machine/);
    await page.screenshot({ path: screenshotPath('alert-history') });
  });

  it('the audit view lists every command and decision, and exports them as CSV', async () => {
    await page.getByRole('tab', { name: /Audit/ }).click();
    const rows = page.getByRole('row');
    // Header + approve + reject + encoded + resume + abort.
    await expect.poll(() => rows.count()).toBe(6);
    expect(await page.getByRole('table').textContent()).toContain('Text does not match the document');
    await page.screenshot({ path: screenshotPath('audit'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^issuance-audit-.*\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,createdAt,updatedAt,machineId,kind,state,actor,role,attempts,reviewId,payload,outcome,accountId,accountRole,station,signedIn');
    expect(lines).toHaveLength(6);
    expect(csv).toContain('abort');
    expect(csv).toContain('Text does not match the document');
    await page.getByText(`Download started: ${download.suggestedFilename()}`).waitFor();
  });
});
