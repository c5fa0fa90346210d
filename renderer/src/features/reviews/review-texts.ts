import type { Outcome, ReviewKind } from '../../../../shared/api/reviews';

export const KIND_TITLE: Record<ReviewKind, string> = {
  ocr: 'OCR read',
  encoder: 'Chip encoding',
  'magstripe-readback': 'Magnetic stripe readback',
  'ocr-readback': 'OCR readback',
  'chip-readback': 'Chip readback',
  'barcode-readback': 'Barcode readback',
  barcode: 'Barcode read',
  unknown: 'Suspended, reason unknown',
};

/**
 * The words on the buttons, and in the decision afterwards: an encoder hand-off is Encoded / Failed. Cancelled is
 * chosen inside the reject dialog, never from a button of its own.
 */
export function outcomeWords(kind: ReviewKind): Record<Outcome, { button: string; done: string; icon: string }> {
  const Canceled = { button: 'Cancelled', done: 'Cancelled (card rejected)', icon: '⊘' };
  return kind === 'encoder'
    ? { Completed: { button: 'Encoded', done: 'Encoded', icon: '✓' }, Faulted: { button: 'Failed', done: 'Failed', icon: '✕' }, Canceled }
    : { Completed: { button: 'Approve', done: 'Approved', icon: '✓' }, Faulted: { button: 'Reject', done: 'Rejected', icon: '✕' }, Canceled };
}

/** What ran outside the machine, named in the choice between "failed" and "cancelled" (cancelable kinds only). */
export const EXTERNAL_PROCESS: Partial<Record<ReviewKind, string>> = { encoder: 'chip encoding', 'chip-readback': 'chip check' };

/** The reasons people give most, one tap each; anything else is typed. Sent to AIDA as errorReason. */
export const REJECT_REASONS: Record<'read' | 'encoder', readonly string[]> = {
  read: ['Text does not match the document', 'Text unreadable or incomplete', 'Wrong person or wrong data on the card', 'Card damaged or badly marked'],
  encoder: ['Chip does not answer', 'Encoding failed or was interrupted', 'Wrong data written to the chip', 'Card damaged'],
};
