import { FULL_FEEDER } from './basic';
import { BARCODE_READBACK, BARCODE_READS, OCR_READBACK, OCR_READS, STRIPE_READBACK } from './samples';
import type { CardPlan, Scenario } from './types';

const cycle = <T>(list: readonly T[], n: number): T => list[(n - 1) % list.length] as T;

/** Cards alternate between the two encoders, as a line with two encoding stations does. */
const encoderFor = (n: number) => (n - 1) % 2;

export const ocrReview: Scenario = {
  id: 'ocr-review',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: (n) => ({
    steps: [{ kind: 'move' }, { kind: 'engrave' }, { kind: 'ocr', results: cycle(OCR_READS, n) }, { kind: 'eject' }],
  }),
};

export const chipEncoding: Scenario = {
  id: 'chip-encoding',
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
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: (n) => cycle(READBACK_CARDS, n)(n),
};

export const barcodeDecoded: Scenario = {
  id: 'barcode-decoded',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: (n) => ({
    steps: [{ kind: 'move' }, { kind: 'engrave' }, { kind: 'barcode', results: cycle(BARCODE_READS, n), waits: n % 2 === 0 }, { kind: 'eject' }],
  }),
};
