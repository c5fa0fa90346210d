import type { CardPlan, Scenario } from './types';

/** A feeder loaded for a shift: more cards than a training batch needs. */
export const FULL_FEEDER = 100;

/** A plain card: out of the feeder, to the laser, engraved, to the output stacker. */
export const plainCard = (): CardPlan => ({ steps: [{ kind: 'move' }, { kind: 'engrave' }, { kind: 'eject' }] });

export const normalBatch: Scenario = {
  id: 'normal-batch',
  title: 'Normal batch',
  summary: 'A batch runs from start to finish and every card is produced.',
  trainee: 'Start issuance and follow the jobs until the machine reports the batch complete.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: plainCard,
};

export const feederEmpty: Scenario = {
  id: 'feeder-empty',
  title: 'Feeder runs empty',
  summary:
    'The input feeder holds only a few cards. When it runs empty the machine suspends issuance (FeederEmpty); the cards already inside finish.',
  trainee: 'Load cards into the feeder, then press Resume in the alert. Resuming with the feeder still empty suspends again. Or Stop.',
  kind: 'box',
  feeder: ({ feederCapacity }) => feederCapacity,
  card: plainCard,
};

export const lostMessage: Scenario = {
  id: 'lost-message',
  title: 'A message is lost',
  summary:
    "A batch runs to the end, but the network loses one card's completion message: the machine counted the card, the console never heard of it.",
  trainee: "Start issuance; when the batch is complete, open the machine's sessions and find the difference between its count and the console's.",
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: plainCard,
  losesCompletionOfCard: 3,
};
