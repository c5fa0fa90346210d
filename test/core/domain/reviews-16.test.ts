import { describe, expect, it } from 'vitest';
import { reviewOpenedBy } from '../../../electron/core/domain/reviews';
import { parseAidaMessage } from '../../../shared/aida/message';

/** The reviews AIDA 1.6's messages open. */
describe('reviews of AIDA 1.6 messages', () => {
  const decoded = (jobStatus: string) =>
    parseAidaMessage({
      discriminator: 'IXLA.Box.Services.Workflow.Messaging.Signals.BarcodeReadExecutedMessage',
      messageType: 'BarcodeDecoded',
      jobId: '5',
      workflowInstanceId: 'wf-5',
      jobStatus,
      results: [{ inspectionName: 'Pdf417Back', ocrResult: { text: 'A|B', meanConfidence: 0.58 } }],
    });

  it('opens a review for a decoded barcode only when its job is Suspended, with its results as inspections', () => {
    expect(reviewOpenedBy(decoded('Running'))).toBeUndefined();
    expect(reviewOpenedBy(decoded('Suspended'))).toEqual({
      kind: 'barcode',
      payload: { inspections: [{ name: 'Pdf417Back', text: 'A|B', rawConfidence: 0.58, confidence: 0.58 }] },
    });
  });

  it('shows the published BarcodeReadBackMessage fields by name', () => {
    const msg = parseAidaMessage({ messageType: 'BarcodeReadBack', workflowInstanceId: 'wf-6', barcodeFormat: 'PDF_417', text: 'A|B', decodedBytes: 'QXxC' });
    expect(reviewOpenedBy(msg)).toEqual({
      kind: 'barcode-readback',
      payload: { fields: { Text: 'A|B', 'Barcode format': 'PDF_417', 'Decoded bytes (base64)': 'QXxC' } },
    });
  });
});
