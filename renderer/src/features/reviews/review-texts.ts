import type { Outcome, ReviewKind } from '../../../../shared/api/reviews';

export const KIND_TITLE: Record<ReviewKind, string> = {
  ocr: 'OCR read',
  encoder: 'Chip encoding',
  'magstripe-readback': 'Magnetic stripe readback',
  'ocr-readback': 'OCR readback',
  'chip-readback': 'Chip readback',
  'barcode-readback': 'Barcode readback',
  unknown: 'Suspended, reason unknown',
};

/** The words on the two buttons, and in the decision afterwards: an encoder hand-off is Encoded / Failed. */
export function outcomeWords(kind: ReviewKind): Record<Outcome, { button: string; done: string; icon: string }> {
  return kind === 'encoder'
    ? { Completed: { button: 'Encoded', done: 'Encoded', icon: '✓' }, Faulted: { button: 'Failed', done: 'Failed', icon: '✕' } }
    : { Completed: { button: 'Approve', done: 'Approved', icon: '✓' }, Faulted: { button: 'Reject', done: 'Rejected', icon: '✕' } };
}

/** The reasons people give most, one tap each; anything else is typed. Sent to AIDA as errorReason. */
export const REJECT_REASONS: Record<'read' | 'encoder', readonly string[]> = {
  read: ['Text does not match the document', 'Text unreadable or incomplete', 'Wrong person or wrong data on the card', 'Card damaged or badly marked'],
  encoder: ['Chip does not answer', 'Encoding failed or was interrupted', 'Wrong data written to the chip', 'Card damaged'],
};
