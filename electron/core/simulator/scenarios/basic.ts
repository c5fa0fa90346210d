import type { CardPlan, Scenario } from './types';

/** A feeder loaded for a shift: more cards than a training batch needs. */
export const FULL_FEEDER = 100;

/** A plain card: out of the feeder, to the laser, engraved, to the output stacker. */
export const plainCard = (): CardPlan => ({ steps: [{ kind: 'move' }, { kind: 'engrave' }, { kind: 'eject' }] });

export const normalBatch: Scenario = {
  id: 'normal-batch',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: plainCard,
};

export const feederEmpty: Scenario = {
  id: 'feeder-empty',
  kind: 'box',
  feeder: ({ feederCapacity }) => feederCapacity,
  card: plainCard,
};

export const lostMessage: Scenario = {
  id: 'lost-message',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: plainCard,
  losesCompletionOfCard: 3,
};
