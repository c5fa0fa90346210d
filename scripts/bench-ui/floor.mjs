import { Buffer } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';

/**
 * The floor the benchmarks play: a line of ten AIDA machines, and their webhook bodies as AIDA serialises them
 * (camelCase, every WorkflowMessage property, enums as names, the CLR discriminator), about 1 KB each with the
 * personalisation fields an issuance batch echoes back in additionalMetadata.
 */
export const MACHINES = Array.from({ length: 10 }, (_, i) => {
  const n = String(i + 1).padStart(2, '0');
  return { id: `aida-${n}`, label: `AIDA line ${i + 1}`, serial: `SN-10${n}`, hostName: `aida-${n}.plant.local`, machineName: `AIDA-${n}` };
});

/** The console's config for the floor: every machine matched by its serial, its REST API at `apiUrl`. */
export function writeFloorConfig(path, apiUrl) {
  const machines = MACHINES.map(({ id, label, serial }) => ({ id, label, serial, apiUrl, kind: 'box' }));
  writeFileSync(path, JSON.stringify({ machines, durability: 'power-cut' }, null, 2));
}

const NS = 'IXLA.Box.Services.Workflow.Messaging.Signals.';
const SURNAMES = ['ERIKSSON', 'ROSSI', 'NOVAK', 'GARCIA', 'MÜLLER', 'DUBOIS', 'KOWALSKI', 'NIELSEN', 'SILVA', 'PAPADOPOULOS'];
const GIVEN = ['ANNA MARIA', 'LUCA', 'JANA', 'JOSÉ', 'KLAUS PETER', 'CAMILLE', 'PIOTR', 'FREJA', 'JOÃO', 'ELENI'];

/** A job's identity on a machine. `n` numbers it, so its ids are unique and easy to search for. */
export function jobOf(n, machine, batch) {
  const id = String(n).padStart(7, '0');
  return {
    machine,
    jobId: `J${id}`,
    batchId: batch,
    correlationId: `ORD-${id}-${(n * 2654435761 >>> 0).toString(16).padStart(8, '0')}`,
    workflowInstanceId: randomUUID(),
    n,
  };
}

function personalisation(job) {
  const seq = String(job.n).padStart(7, '0');
  return {
    operator: 'm.rossi',
    station: `Line ${job.machine.id.slice(-2)}`,
    orderReference: `PO-2026-${seq.slice(-4)}`,
    jobTemplate: 'NationalIdCard_v3',
    documentType: 'ID',
    issuingCountry: 'UTO',
    documentNumber: `L8${seq}`,
    surname: SURNAMES[job.n % SURNAMES.length],
    givenNames: GIVEN[(job.n >> 3) % GIVEN.length],
    dateOfBirth: `19${50 + (job.n % 50)}-0${1 + (job.n % 9)}-1${job.n % 10}`,
    dateOfExpiry: '2036-04-15',
    photoReference: `photos/${job.batchId}/${seq}.jp2`,
    chipProfile: 'ICAO-9303-LDS1.7',
    mrzLine1: `IDUTOL8${seq}<<<<<<<<<<<<<<<`,
  };
}

/**
 * One webhook body. `fields`: jobStatus, errorCode, documentProduced, destructiveOperationExecuted,
 * sourceJobInstanceId. Without `job`, a scheduler or health-check message of `machine`.
 */
export function body(type, { job, machine = job?.machine, messageId = randomUUID(), ...fields } = {}) {
  const message = {
    discriminator: `${NS}${type === 'HealthCheck' ? 'WebhookReceiverHealthCheckMessage' : `${type}Message`}`,
    sourceJobInstanceId: fields.sourceJobInstanceId ?? null,
    machineName: machine.machineName,
    machineSerial: machine.serial,
    hostName: machine.hostName,
    jobId: job?.jobId ?? null,
    batchId: job?.batchId ?? null,
    correlationId: job?.correlationId ?? null,
    messageId,
    workflowInstanceId: job?.workflowInstanceId ?? null,
    workflowInstanceName: job ? 'CardPersonalization' : null,
    messageType: type,
    jobStatus: fields.jobStatus ?? 'None',
    errorCode: fields.errorCode ?? 'NoErrors',
    additionalMetadata: job ? personalisation(job) : {},
    documentProduced: fields.documentProduced ?? false,
    destructiveOperationExecuted: fields.destructiveOperationExecuted ?? false,
  };
  return { messageId, bytes: Buffer.from(JSON.stringify(message)) };
}

/** The dedupe key the console stores a message under (MessageIds are unique per sending machine). */
export const storedKey = (machine, messageId) => `${machine.serial}\u001f${messageId}`;
