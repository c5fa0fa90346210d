import type { AidaMessage } from '../../../shared/aida/message';
import type { ReviewKind, ReviewPayload } from '../../../shared/api/reviews';

/** Messages that suspend a job until the console signals an outcome, and what a person reviews in each. */
const KIND_BY_TYPE: Record<string, ReviewKind> = {
  OcrExecuted: 'ocr',
  EncoderLoaded: 'encoder',
  MagneticStripeReadBack: 'magstripe-readback',
  OcrReadBack: 'ocr-readback',
  ChipReadBack: 'chip-readback',
  BarcodeReadBack: 'barcode-readback',
};

/** AIDA reports confidence as 0..1; some firmware versions send a percentage. A value above 1 is read as one. */
export function normaliseConfidence(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return value > 1 ? value / 100 : value;
}

function readbackFields(msg: AidaMessage, extra: Record<string, unknown> | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  const add = (name: string, value: unknown) => {
    if (value === undefined || value === null) return;
    fields[name] = typeof value === 'string' ? value : JSON.stringify(value);
  };
  add('Track 1 (base64)', msg.track1Base64);
  add('Track 2 (base64)', msg.track2Base64);
  add('Track 3 (base64)', msg.track3Base64);
  add('Text', msg.text);
  if (msg.meanConfidence !== undefined) add('Mean confidence', String(normaliseConfidence(msg.meanConfidence)));
  add('Encoder', msg.encoderId);
  add('Encoder index', msg.encoderIndex);
  // BarcodeReadBack has a message type but no published schema: whatever else arrived is shown as it came.
  for (const [k, v] of Object.entries(extra ?? {})) add(k, v);
  return fields;
}

/** The review a message opens, if it suspends its job for an external decision. */
export function reviewOpenedBy(
  msg: AidaMessage,
  extra?: Record<string, unknown>,
): { kind: ReviewKind; payload: ReviewPayload } | undefined {
  const kind = KIND_BY_TYPE[msg.messageType];
  if (!kind || !msg.workflowInstanceId) return undefined;
  const payload: ReviewPayload = {};
  if (kind === 'ocr') {
    payload.inspections = (msg.results ?? []).map((r) => ({
      name: r.inspectionName ?? '(unnamed inspection)',
      text: r.text ?? '',
      ...(r.meanConfidence !== undefined ? { rawConfidence: r.meanConfidence } : {}),
      ...(normaliseConfidence(r.meanConfidence) !== undefined ? { confidence: normaliseConfidence(r.meanConfidence) as number } : {}),
    }));
  } else if (kind === 'encoder' || kind === 'chip-readback') {
    payload.encoder = {
      ...(msg.encoderId !== undefined ? { encoderId: msg.encoderId } : {}),
      ...(msg.encoderIndex !== undefined ? { encoderIndex: msg.encoderIndex } : {}),
      ...(msg.callbackUrl !== undefined ? { callbackUrl: msg.callbackUrl } : {}),
    };
  }
  if (kind.endsWith('-readback')) payload.fields = readbackFields(msg, extra);
  return { kind, payload };
}

/** The lowest confidence of an OCR review: what the threshold is compared with. */
export function lowestConfidence(payload: ReviewPayload): number | undefined {
  const values = (payload.inspections ?? []).map((i) => i.confidence).filter((c): c is number => c !== undefined);
  return values.length ? Math.min(...values) : undefined;
}
