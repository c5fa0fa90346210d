import type { Outcome, ReviewKind } from '../../../../shared/api/reviews';
import type { Translate } from '../../../../shared/i18n/translate';

const KIND_KEY: Record<ReviewKind, string> = {
  ocr: 'reviews:kind.ocr',
  encoder: 'reviews:kind.encoder',
  'magstripe-readback': 'reviews:kind.magstripeReadback',
  'ocr-readback': 'reviews:kind.ocrReadback',
  'chip-readback': 'reviews:kind.chipReadback',
  'barcode-readback': 'reviews:kind.barcodeReadback',
  barcode: 'reviews:kind.barcode',
  unknown: 'reviews:kind.unknown',
};

/** What a review is about, in the viewer's language. */
export const kindTitle = (t: Translate, kind: ReviewKind): string => t(KIND_KEY[kind]);

/**
 * The words on the buttons, and in the decision afterwards: an encoder hand-off is Encoded / Failed. Cancelled is
 * chosen inside the reject dialog, never from a button of its own.
 */
export function outcomeWords(t: Translate, kind: ReviewKind): Record<Outcome, { button: string; done: string; icon: string }> {
  const w = (key: string) => t(`reviews:outcome.${key}`);
  const Canceled = { button: w('cancelled'), done: w('cancelledDone'), icon: '⊘' };
  return kind === 'encoder'
    ? { Completed: { button: w('encoded'), done: w('encoded'), icon: '✓' }, Faulted: { button: w('failed'), done: w('failed'), icon: '✕' }, Canceled }
    : { Completed: { button: w('approve'), done: w('approved'), icon: '✓' }, Faulted: { button: w('reject'), done: w('rejected'), icon: '✕' }, Canceled };
}

/** What ran outside the machine, named in the choice between "failed" and "cancelled" (cancelable kinds only). */
export function externalProcess(t: Translate, kind: ReviewKind): string {
  return t(kind === 'encoder' ? 'reviews:process.encoder' : kind === 'chip-readback' ? 'reviews:process.chipReadback' : 'reviews:process.other');
}

const REASON_KEYS = {
  read: ['mismatch', 'unreadable', 'wrongPerson', 'damaged'],
  encoder: ['noAnswer', 'interrupted', 'wrongData', 'damaged'],
} as const;

/**
 * The reasons people give most, one tap each; anything else is typed. Sent to AIDA as errorReason in the words the
 * person read, like a typed one.
 */
export function rejectReasons(t: Translate, kind: ReviewKind): string[] {
  const which = kind === 'encoder' ? 'encoder' : 'read';
  return REASON_KEYS[which].map((key) => t(`reviews:reason.${which}.${key}`));
}
