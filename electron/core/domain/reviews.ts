import type { AidaMessage } from '../../../shared/aida/message';
import { REVIEW_CARD_INSPECTIONS, type InspectionSummary, type ReviewKind, type ReviewPayload } from '../../../shared/api/reviews';

/** Messages that suspend a job until the console signals an outcome, and what a person reviews in each. */
const KIND_BY_TYPE: Record<string, ReviewKind> = {
  OcrExecuted: 'ocr',
  EncoderLoaded: 'encoder',
  MagneticStripeReadBack: 'magstripe-readback',
  OcrReadBack: 'ocr-readback',
  ChipReadBack: 'chip-readback',
  BarcodeReadBack: 'barcode-readback',
  // AIDA 1.6 (BarcodeReadExecutedMessage): waits for the console only when its job is Suspended (below).
  BarcodeDecoded: 'barcode',
};

/**
 * MeanConfidence as a 0..1 fraction, or undefined. Neither the seed nor the OpenAPI says it can be a percentage, so
 * nothing is converted: a value outside 0..1 is shown as sent and counts as below any threshold.
 */
export function confidenceInRange(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
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
  if (msg.meanConfidence !== undefined) add('Mean confidence', String(msg.meanConfidence));
  add('Encoder', msg.encoderId);
  add('Encoder index', msg.encoderIndex);
  // AIDA 1.6 publishes BarcodeReadBackMessage: barcodeFormat, text, decodedBytes (base64).
  add('Barcode format', msg.barcodeFormat);
  add('Decoded bytes (base64)', msg.decodedBytes);
  // Whatever else arrived (an older machine's own fields, or fields this console does not know) is shown as it came.
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
  // A decoded barcode is often only reported; the job waits for a decision only when AIDA says it is Suspended.
  if (msg.messageType === 'BarcodeDecoded' && msg.jobStatus !== 'Suspended') return undefined;
  const payload: ReviewPayload = {};
  if (kind === 'ocr' || kind === 'barcode') {
    payload.inspections = (msg.results ?? []).map((r) => ({
      name: r.inspectionName ?? '(unnamed inspection)',
      text: r.text ?? '',
      ...(r.meanConfidence !== undefined ? { rawConfidence: r.meanConfidence } : {}),
      ...(confidenceInRange(r.meanConfidence) !== undefined ? { confidence: r.meanConfidence } : {}),
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

export interface ConfidenceCheck {
  /** The lowest confidence within 0..1. */
  lowest: number | undefined;
  /** Inspections whose confidence was sent outside 0..1: each counts as below threshold. */
  outOfRange: number;
  /** Inspections with no confidence at all. */
  missing: number;
}

/**
 * What the threshold is compared with, over every inspection. Read from the value as sent (`rawConfidence`), so a
 * review stored by an earlier version, which divided percentages by 100, is judged by the same rule.
 */
export function checkConfidence(payload: ReviewPayload): ConfidenceCheck {
  const check: ConfidenceCheck = { lowest: undefined, outOfRange: 0, missing: 0 };
  for (const i of payload.inspections ?? []) {
    const sent = i.rawConfidence ?? i.confidence;
    const value = confidenceInRange(sent);
    if (sent === undefined) check.missing += 1;
    else if (value === undefined) check.outOfRange += 1;
    else check.lowest = check.lowest === undefined ? value : Math.min(check.lowest, value);
  }
  return check;
}

/**
 * Over every inspection, however many (a message can carry tens of thousands): how many are below the threshold
 * (those sent outside 0..1 count as below), and the lowest confidence. Shown above the list, which shows only part.
 */
export function summarizeInspections(payload: ReviewPayload, threshold: number): InspectionSummary | undefined {
  const inspections = payload.inspections;
  if (!inspections) return undefined;
  const c = checkConfidence(payload);
  let low = 0;
  for (const i of inspections) {
    const value = confidenceInRange(i.rawConfidence ?? i.confidence);
    if (value !== undefined && value < threshold) low += 1;
  }
  return {
    total: inspections.length,
    belowThreshold: low + c.outOfRange,
    outOfRange: c.outOfRange,
    missing: c.missing,
    ...(c.lowest !== undefined ? { lowest: c.lowest } : {}),
  };
}

/** Whether a read has inspections that its review card does not show before "Show all". */
export function hasUnseenInspections(payload: ReviewPayload): boolean {
  return (payload.inspections?.length ?? 0) > REVIEW_CARD_INSPECTIONS;
}

/** Whether some inspection is below the threshold, or sent outside 0..1. */
export function belowThreshold(payload: ReviewPayload, threshold: number): boolean {
  const c = checkConfidence(payload);
  return c.outOfRange > 0 || (c.lowest !== undefined && c.lowest < threshold);
}

/**
 * The confidence at which an OCR read may be approved without a person, or undefined when it may not: every
 * inspection must carry a confidence within 0..1, and the review card must show every one of them before "Show all"
 * (a read with more than REVIEW_CARD_INSPECTIONS is for a person, who approves it seeing "N of M shown").
 */
export function autoApprovable(payload: ReviewPayload, above: number): number | undefined {
  if (hasUnseenInspections(payload)) return undefined;
  const c = checkConfidence(payload);
  if (c.outOfRange > 0 || c.missing > 0 || c.lowest === undefined) return undefined;
  return c.lowest >= above ? c.lowest : undefined;
}
