import { describe, expect, it } from 'vitest';
import { parseAidaMessage } from '../../../shared/aida/message';

/** AIDA 1.6's message types and fields, as the 1.6.3.25 OpenAPI names them. */
describe('AIDA 1.6 messages', () => {
  const decoded = (jobStatus: string) => ({
    discriminator: 'IXLA.Box.Services.Workflow.Messaging.Signals.BarcodeReadExecutedMessage',
    messageType: 'BarcodeDecoded',
    messageId: 'm-1',
    jobId: '5',
    workflowInstanceId: 'wf-5',
    jobStatus,
    results: [{ inspectionName: 'Pdf417Back', ocrResult: { text: 'A|B', meanConfidence: 0.58 } }],
  });

  it('knows BarcodeDecoded by name, by its declaration index (17) and by its class BarcodeReadExecutedMessage', () => {
    expect(parseAidaMessage(decoded('Running')).messageType).toBe('BarcodeDecoded');
    expect(parseAidaMessage({ MessageType: 17 }).messageType).toBe('BarcodeDecoded');
    const { messageType: _t, ...byClass } = decoded('Running');
    expect(parseAidaMessage(byClass).messageType).toBe('BarcodeDecoded');
  });

  it('reads the published BarcodeReadBackMessage fields', () => {
    const msg = parseAidaMessage({ messageType: 'BarcodeReadBack', barcodeFormat: 'PDF_417', text: 'A|B', decodedBytes: 'QXxC' });
    expect(msg).toMatchObject({ barcodeFormat: 'PDF_417', text: 'A|B', decodedBytes: 'QXxC', notes: [] });
  });

  it('keeps the 1.6 codes by name, and a code of neither version verbatim', () => {
    expect(parseAidaMessage({ messageType: 'WorkflowFaulted', errorCode: 'barcodeexternalvalidationko' }).errorCode).toBe('BarcodeExternalValidationKo');
    expect(parseAidaMessage({ messageType: 'WorkflowSchedulerStopped', stopReason: 'SjfPreLoadFailed' }).stopReason).toBe('SjfPreLoadFailed');
    expect(parseAidaMessage({ messageType: 'WorkflowFaulted', errorCode: 'LaserOverheat' }).errorCode).toBe('LaserOverheat');
  });
});
