import { z } from 'zod';
import { ERROR_CODES, JOB_STATUSES, MESSAGE_TYPES, STOP_REASONS, canonical } from './vocabulary';

/**
 * One AIDA webhook message, normalised. Every field is optional: the doc's own examples omit most of them, and a
 * message is never refused for a missing or unknown field (the raw body is kept beside it).
 */
export const OcrInspectionSchema = z.object({
  inspectionName: z.string().optional(),
  text: z.string().optional(),
  meanConfidence: z.number().optional(),
});
export type OcrInspection = z.infer<typeof OcrInspectionSchema>;

export const AidaMessageSchema = z.object({
  messageType: z.string(),
  messageId: z.string().optional(),
  machineName: z.string().optional(),
  machineSerial: z.string().optional(),
  hostName: z.string().optional(),
  jobId: z.string().optional(),
  batchId: z.string().optional(),
  correlationId: z.string().optional(),
  workflowInstanceId: z.string().optional(),
  workflowInstanceName: z.string().optional(),
  jobStatus: z.string().optional(),
  errorCode: z.string().optional(),
  stopReason: z.string().optional(),
  additionalMetadata: z.record(z.string(), z.unknown()).optional(),
  documentProduced: z.boolean().optional(),
  destructiveOperationExecuted: z.boolean().optional(),
  sourceJobInstanceId: z.string().optional(),
  discriminator: z.string().optional(),
  encoderId: z.string().optional(),
  encoderIndex: z.number().optional(),
  callbackUrl: z.string().optional(),
  results: z.array(OcrInspectionSchema).optional(),
  text: z.string().optional(),
  meanConfidence: z.number().optional(),
  track1Base64: z.string().optional(),
  track2Base64: z.string().optional(),
  track3Base64: z.string().optional(),
  /** What the parser had to guess or could not read; shown beside the message, never a reason to refuse it. */
  notes: z.array(z.string()),
});
export type AidaMessage = z.infer<typeof AidaMessageSchema>;

type Lookup = (key: string) => unknown;

/** Keys are matched case-insensitively: the doc writes both `MessageType` and `messageType`. */
function lookupOf(obj: Record<string, unknown>): Lookup {
  const map = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const lower = k.toLowerCase();
    if (!map.has(lower)) map.set(lower, v);
  }
  return (key) => map.get(key.toLowerCase());
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  if (value === 1 || value === 0) return value === 1;
  return undefined;
}

/** CLR class names in `Discriminator` that do not simply end in `<MessageType>Message`. */
const DISCRIMINATOR_ALIASES: Record<string, string> = {
  workflowschedulerprocesssuspended: 'WorkflowSchedulerSuspended',
  webhookreceiverhealthcheck: 'HealthCheck',
};

function typeFromDiscriminator(discriminator: string | undefined): string | undefined {
  if (!discriminator) return undefined;
  const className = discriminator.split(/[.+]/).pop() ?? '';
  const base = className.replace(/Message$/i, '');
  const alias = DISCRIMINATOR_ALIASES[base.toLowerCase()];
  if (alias) return alias;
  const known = canonical(MESSAGE_TYPES, base);
  return MESSAGE_TYPES.some((t) => t.name === known) ? known : undefined;
}

function parseInspections(value: unknown, notes: string[]): OcrInspection[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    notes.push('Results is not a list');
    return undefined;
  }
  return value.map((item) => {
    const entry = asRecord(item);
    if (!entry) return {};
    const get = lookupOf(entry);
    const ocr = asRecord(get('ocrResult'));
    const ocrGet = ocr ? lookupOf(ocr) : get;
    return dropUndefined({
      inspectionName: str(get('inspectionName')),
      text: typeof ocrGet('text') === 'string' ? (ocrGet('text') as string) : str(ocrGet('text')),
      meanConfidence: num(ocrGet('meanConfidence')),
    });
  });
}

function dropUndefined<T extends Record<string, unknown>>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}

function enumValue(
  terms: Parameters<typeof canonical>[0],
  raw: unknown,
  field: string,
  notes: string[],
): string | undefined {
  const value = canonical(terms, raw);
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw))) {
    notes.push(`${field} arrived as the number ${String(raw)}; read as ${value ?? '?'} by declaration order`);
  }
  return value;
}

/**
 * Reads any JSON value as an AIDA message. Never throws: what cannot be read becomes a note, and an unknown
 * message type is kept verbatim.
 */
export function parseAidaMessage(body: unknown): AidaMessage {
  const notes: string[] = [];
  const obj = asRecord(body);
  if (!obj) {
    return { messageType: 'Unknown', notes: ['The body is JSON but not an object'] };
  }
  const get = lookupOf(obj);
  const discriminator = str(get('discriminator'));
  const rawType = get('messageType') ?? get('type');
  let messageType = enumValue(MESSAGE_TYPES, rawType, 'MessageType', notes);
  if (!messageType) {
    messageType = typeFromDiscriminator(discriminator);
    notes.push(messageType ? `No MessageType; taken from Discriminator` : 'No MessageType');
  }
  const metadata = get('additionalMetadata');
  const metadataRecord = asRecord(metadata);
  if (metadata !== undefined && metadata !== null && !metadataRecord) notes.push('AdditionalMetadata is not an object');

  return dropUndefined({
    messageType: messageType ?? 'Unknown',
    messageId: str(get('messageId')),
    machineName: str(get('machineName')),
    machineSerial: str(get('machineSerial')),
    hostName: str(get('hostName')),
    jobId: str(get('jobId')),
    batchId: str(get('batchId')),
    correlationId: str(get('correlationId')),
    workflowInstanceId: str(get('workflowInstanceId')),
    workflowInstanceName: str(get('workflowInstanceName')),
    jobStatus: enumValue(JOB_STATUSES, get('jobStatus'), 'JobStatus', notes),
    errorCode: enumValue(ERROR_CODES, get('errorCode'), 'ErrorCode', notes),
    stopReason: enumValue(STOP_REASONS, get('stopReason'), 'StopReason', notes),
    additionalMetadata: metadataRecord,
    documentProduced: bool(get('documentProduced')),
    destructiveOperationExecuted: bool(get('destructiveOperationExecuted')),
    sourceJobInstanceId: str(get('sourceJobInstanceId')),
    discriminator,
    // The seed's field list says encoderName where its example and the OpenAPI say encoderId.
    encoderId: str(get('encoderId') ?? get('encoderName')),
    encoderIndex: num(get('encoderIndex')),
    callbackUrl: str(get('callbackUrl')),
    results: parseInspections(get('results'), notes),
    text: str(get('text')),
    meanConfidence: num(get('meanConfidence')),
    track1Base64: str(get('track1Base64')),
    track2Base64: str(get('track2Base64')),
    track3Base64: str(get('track3Base64')),
    notes,
  });
}
