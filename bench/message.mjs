import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';

const NS = 'IXLA.Box.Services.Workflow.Messaging.Signals.';

/**
 * Bodies of about 1 KB: a WorkflowStarted as AIDA serialises it (camelCase, every common property, enums as names),
 * with the personalisation fields an issuance batch echoes back in additionalMetadata. Every call gives a new job
 * and a new messageId, so the console stores and projects each one instead of counting duplicates.
 */
export function messageFactory() {
  const run = randomBytes(6).toString('hex');
  let n = 0;
  return () => {
    n += 1;
    const seq = String(n).padStart(8, '0');
    const body = {
      machineName: 'AIDA-01',
      machineSerial: 'SN-1001',
      hostName: 'aida-01.plant.local',
      jobId: `${run}-${seq}`,
      batchId: `BATCH-${run}`,
      correlationId: `ORDER-${seq}`,
      messageId: `${run}${seq}${randomBytes(6).toString('hex')}`,
      workflowInstanceId: `${seq}${run}${randomBytes(6).toString('hex')}`,
      workflowInstanceName: 'IdCardIssuance',
      messageType: 'WorkflowStarted',
      jobStatus: 'Running',
      errorCode: 'NoErrors',
      additionalMetadata: {
        operator: 'm.rossi',
        station: 'Line 2',
        orderReference: 'PO-2024-0815',
        jobTemplate: 'NationalIdCard_v3',
        documentType: 'ID',
        issuingCountry: 'UTO',
        documentNumber: `L8${seq}`,
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        dateOfBirth: '1974-08-12',
        dateOfExpiry: '2034-04-15',
        placeOfBirth: 'ZENITH',
        photoReference: `photos/${run}/${seq}.jp2`,
        chipProfile: 'ICAO-9303-LDS1.7',
        mrzLine1: `IDUTOL8${seq}<<<<<<<<<<<<<<<`,
      },
      documentProduced: false,
      destructiveOperationExecuted: false,
      sourceJobInstanceId: null,
      discriminator: `${NS}WorkflowStartedMessage`,
    };
    return Buffer.from(JSON.stringify(body));
  };
}
