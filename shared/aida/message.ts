import { z } from 'zod';
import { ERROR_CODES, JOB_STATUSES, MESSAGE_TYPES, STOP_REASONS, canonical } from './vocabulary';
import { asRecord } from '../json-values';

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
  /** BarcodeReadBack (AIDA 1.6 BarcodeReadBackMessage): the symbology, and the decoded bytes in base64. */
  barcodeFormat: z.string().optional(),
  decodedBytes: z.string().optional(),
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

/** A value as a note quotes it: short, whatever its size. */
function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A number, or a string holding one. Anything else present is noted, not guessed at. */
function num(value: unknown, field: string, notes: string[]): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  // + 0 turns -0 into 0: the message is stored as JSON, which has no -0, and must read back the same.
  if (Number.isFinite(n)) return n + 0;
  notes.push(`${field} is not a number: ${preview(value)}`);
  return undefined;
}

/**
 * true / false, also as strings in any case or as 1 / 0. Anything else present is noted and left unset: whether a
 * card was produced is too important to guess.
 */
function bool(value: unknown, field: string, notes: string[]): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  if (value === 1 || value === 0) return value === 1;
  notes.push(`${field} is not true or false: ${preview(value)}`);
  return undefined;
}

/**
 * CLR class names in `Discriminator` that do not simply end in `<MessageType>Message`. A Map, not an object literal:
 * the key comes from the wire, and `constructor` or `__proto__` must not find Object.prototype's members.
 */
const DISCRIMINATOR_ALIASES: ReadonlyMap<string, string> = new Map([
  ['workflowschedulerprocesssuspended', 'WorkflowSchedulerSuspended'],
  ['webhookreceiverhealthcheck', 'HealthCheck'],
  // AIDA 1.6: MessageType BarcodeDecoded travels as BarcodeReadExecutedMessage.
  ['barcodereadexecuted', 'BarcodeDecoded'],
]);

/**
 * The message type a CLR type name stands for, e.g. `IXLA.Box.Services.Workflow.Messaging.Signals.EncoderLoadedMessage`.
 * An assembly-qualified name (`Type, Assembly, Version=…`) is cut at its first comma; a nested class at its `+`.
 */
function typeFromDiscriminator(discriminator: string | undefined): string | undefined {
  if (!discriminator) return undefined;
  const typeName = discriminator.split(',')[0] ?? '';
  const className = typeName.trim().split(/[.+]/).pop() ?? '';
  const base = className.replace(/Message$/i, '');
  const alias = DISCRIMINATOR_ALIASES.get(base.toLowerCase());
  if (alias) return alias;
  // By name only: a class is never named by a declaration index.
  const known = MESSAGE_TYPES.find((t) => t.name.toLowerCase() === base.toLowerCase())?.name;
  return known === 'Unknown' ? undefined : known;
}

function enumValue(
  terms: Parameters<typeof canonical>[0],
  raw: unknown,
  field: string,
  notes: string[],
): string | undefined {
  const value = canonical(terms, raw);
  if (typeof raw === 'number' || (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw))) {
    // Neither vendor document says enums may travel as numbers, nor in which order: the reading is a guess, shown.
    notes.push(
      terms.some((t) => t.name === value)
        ? `${field} arrived as the number ${String(raw).trim()}; read as ${value ?? ''} by declaration order`
        : `${field} arrived as the number ${String(raw).trim()}, which is no known value; kept as it came`,
    );
  }
  return value;
}

/**
 * MessageType, else Type (the seed's classes declare one or the other), else the class Discriminator names.
 * `Unknown` is C#'s default value, which "webhook receivers should never get": it means the field was never set, so
 * the other two are asked before it is believed. A value this console does not know is data and is kept verbatim.
 */
function readMessageType(get: Lookup, discriminator: string | undefined, notes: string[]): string {
  const declared = enumValue(MESSAGE_TYPES, get('messageType'), 'MessageType', notes);
  if (declared !== undefined && declared !== 'Unknown') return declared;
  const missing = declared === undefined ? 'No MessageType' : 'MessageType is Unknown';
  const typed = enumValue(MESSAGE_TYPES, get('type'), 'Type', notes);
  if (typed !== undefined && typed !== 'Unknown') {
    notes.push(`${missing}; taken from Type`);
    return typed;
  }
  const fromClass = typeFromDiscriminator(discriminator);
  notes.push(fromClass ? `${missing}; taken from Discriminator` : missing);
  return fromClass ?? 'Unknown';
}

function parseInspections(value: unknown, notes: string[]): OcrInspection[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    notes.push('Results is not a list');
    return undefined;
  }
  return value.map((item, i) => {
    const entry = asRecord(item);
    // Kept as an empty entry so that the other inspections keep their positions.
    if (!entry) {
      notes.push(`Results[${i}] is not an object`);
      return {};
    }
    const get = lookupOf(entry);
    const ocr = asRecord(get('ocrResult'));
    const ocrGet = ocr ? lookupOf(ocr) : get;
    return dropUndefined({
      inspectionName: str(get('inspectionName')),
      text: readText(ocrGet('text')),
      meanConfidence: num(ocrGet('meanConfidence'), `Results[${i}].MeanConfidence`, notes),
    });
  });
}

/** Read text (OCR, OcrReadBack) exactly as sent: spaces are part of what was read, and an empty read is a fact. */
function readText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : str(value);
}

function dropUndefined<T extends Record<string, unknown>>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
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
  const messageType = readMessageType(get, discriminator, notes);
  const metadata = get('additionalMetadata');
  const metadataRecord = asRecord(metadata);
  if (metadata !== undefined && metadata !== null && !metadataRecord) notes.push('AdditionalMetadata is not an object');

  return dropUndefined({
    messageType,
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
    documentProduced: bool(get('documentProduced'), 'DocumentProduced', notes),
    destructiveOperationExecuted: bool(get('destructiveOperationExecuted'), 'DestructiveOperationExecuted', notes),
    sourceJobInstanceId: str(get('sourceJobInstanceId')),
    discriminator,
    // The seed's field list says encoderName where its example and the OpenAPI say encoderId.
    encoderId: str(get('encoderId')) ?? str(get('encoderName')),
    encoderIndex: num(get('encoderIndex'), 'EncoderIndex', notes),
    callbackUrl: str(get('callbackUrl')),
    results: parseInspections(get('results'), notes),
    text: readText(get('text')),
    meanConfidence: num(get('meanConfidence'), 'MeanConfidence', notes),
    track1Base64: str(get('track1Base64')),
    track2Base64: str(get('track2Base64')),
    track3Base64: str(get('track3Base64')),
    barcodeFormat: str(get('barcodeFormat')),
    decodedBytes: str(get('decodedBytes')),
    notes,
  });
}
