import { FULL_FEEDER } from './basic';
import { BARCODE_READBACK, BARCODE_READS, OCR_READBACK, OCR_READS, STRIPE_READBACK } from './samples';
import type { CardPlan, Scenario } from './types';

const cycle = <T>(list: readonly T[], n: number): T => list[(n - 1) % list.length] as T;

/** Cards alternate between the two encoders, as a line with two encoding stations does. */
const encoderFor = (n: number) => (n - 1) % 2;

export const ocrReview: Scenario = {
  id: 'ocr-review',
  title: 'OCR reads to review',
  summary:
    'After engraving, the machine reads each card\'s passport MRZ by OCR and waits for a supervisor. Confidence varies: some reads are clean, one is doubtful, one card is smudged.',
  trainee: 'Approve the good reads; reject the poor ones with a reason. Each card waits until decided.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: (n) => ({
    steps: [{ kind: 'move' }, { kind: 'engrave' }, { kind: 'ocr', results: cycle(OCR_READS, n) }, { kind: 'eject' }],
  }),
};

export const chipEncoding: Scenario = {
  id: 'chip-encoding',
  title: 'Chip encoding',
  summary:
    'Each card stops in a chip encoder (EncoderLoaded, alternating between two encoders) and waits until encoding is reported done or failed.',
  trainee: 'Report each card encoded, or failed (the card is then rejected).',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: (n) => ({
    steps: [{ kind: 'move' }, { kind: 'encode-chip', encoderIndex: encoderFor(n) }, { kind: 'engrave' }, { kind: 'eject' }],
  }),
};

/** Which readback each card gets, in turn. */
const READBACK_CARDS: readonly ((n: number) => CardPlan)[] = [
  () => ({
    steps: [
      { kind: 'move' },
      { kind: 'write-stripe' },
      { kind: 'readback', messageType: 'MagneticStripeReadBack', fields: STRIPE_READBACK },
      { kind: 'engrave' },
      { kind: 'eject' },
    ],
  }),
  () => ({
    steps: [
      { kind: 'move' },
      { kind: 'engrave' },
      { kind: 'readback', messageType: 'OcrReadBack', fields: OCR_READBACK },
      { kind: 'eject' },
    ],
  }),
  (n) => ({
    steps: [
      { kind: 'move' },
      { kind: 'encode-chip', encoderIndex: encoderFor(n) },
      { kind: 'readback', messageType: 'ChipReadBack', fields: {}, encoderIndex: encoderFor(n) },
      { kind: 'engrave' },
      { kind: 'eject' },
    ],
  }),
  () => ({
    steps: [
      { kind: 'move' },
      { kind: 'engrave' },
      { kind: 'readback', messageType: 'BarcodeReadBack', fields: BARCODE_READBACK },
      { kind: 'eject' },
    ],
  }),
];

export const readbacks: Scenario = {
  id: 'readbacks',
  title: 'Readbacks',
  summary:
    'What was written is read back for validation: magnetic stripe, OCR, chip and barcode, one kind per card in turn. Each card waits for a decision (the chip card is encoded first).',
  trainee: 'Check what was read back; approve it or reject the card.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: (n) => cycle(READBACK_CARDS, n)(n),
};

export const barcodeDecoded: Scenario = {
  id: 'barcode-decoded',
  title: 'Barcodes decoded (AIDA 1.6)',
  summary:
    'After engraving, the machine decodes the barcode on each card (BarcodeDecoded). On odd cards it only reports the read; on even cards the job is Suspended and waits for the read to be validated.',
  trainee: 'Only the cards that wait appear in Reviews: approve a good read, reject a doubtful one with a reason.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: (n) => ({
    steps: [{ kind: 'move' }, { kind: 'engrave' }, { kind: 'barcode', results: cycle(BARCODE_READS, n), waits: n % 2 === 0 }, { kind: 'eject' }],
  }),
};
