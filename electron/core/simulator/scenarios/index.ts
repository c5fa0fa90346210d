import { feederEmpty, lostMessage, normalBatch } from './basic';
import { barcodeDecoded, chipEncoding, ocrReview, readbacks } from './external';
import { cardJamBox, cardJamDesktop, consoleUnreachable, openInterlock, schedulerError, slowConsole } from './incidents';
import { productionShift } from './production';
import { translator } from '../../../../shared/i18n/translate';
import type { Scenario } from './types';

/** Every scenario, in the order the picker shows them. */
export const SCENARIOS: readonly Scenario[] = [
  normalBatch,
  feederEmpty,
  openInterlock,
  cardJamBox,
  cardJamDesktop,
  ocrReview,
  chipEncoding,
  readbacks,
  barcodeDecoded,
  slowConsole,
  consoleUnreachable,
  schedulerError,
  productionShift,
  lostMessage,
];

export const SCENARIO_IDS = [
  'normal-batch',
  'feeder-empty',
  'open-interlock',
  'card-jam-box',
  'card-jam-desktop',
  'ocr-review',
  'chip-encoding',
  'readbacks',
  'barcode-decoded',
  'slow-console',
  'console-unreachable',
  'scheduler-error',
  'production-shift',
  'lost-message',
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export const DEFAULT_SCENARIO: ScenarioId = 'feeder-empty';

export function scenarioById(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}

/**
 * The job template a run uses when Start names none: the scenario's title, in English. It is the simulated machine's
 * own data, named once as a template on a real machine is, not per viewer.
 */
export const templateNameOf = (scenario: Scenario): string => translator('en')(`scenarios:${scenario.id}.title`);

export type { CardPlan, Scenario, Step } from './types';
