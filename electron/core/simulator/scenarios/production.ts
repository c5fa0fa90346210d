import type { CardPlan, Scenario, Step } from './types';

/** The cards the shift's incidents happen to: a few good cards between them, so each stands apart on the report. */
const JAM_CARD = 4;
const LASER_FAULT_CARD = 9;

/** A card's plan run again: the same steps, none of their scripted incidents, no second re-run. */
export function withoutIncidents(plan: CardPlan): CardPlan {
  const plain = (step: Step): Step => {
    switch (step.kind) {
      case 'move':
      case 'eject':
        return { kind: step.kind };
      case 'engrave':
        return { kind: 'engrave' };
      default:
        return step;
    }
  };
  return { steps: plan.steps.map(plain) };
}

const plan = (steps: Step[], extra: Partial<CardPlan> = {}): CardPlan => ({ steps, ...extra });

/**
 * A shift with what a production report shows: the feeder runs empty and is refilled (a suspension each time), a
 * card jams and is cleared (a suspension), the laser faults on a card, which is lost and run again (a reprint).
 */
export const productionShift: Scenario = {
  id: 'production-shift',
  kind: 'box',
  feeder: ({ feederCapacity }) => feederCapacity,
  textParams: { jamCard: JAM_CARD, faultCard: LASER_FAULT_CARD },
  card(n) {
    if (n === JAM_CARD) return plan([{ kind: 'move', jams: true }, { kind: 'engrave' }, { kind: 'eject' }]);
    if (n === LASER_FAULT_CARD) return plan([{ kind: 'move' }, { kind: 'engrave', fails: true }, { kind: 'eject' }], { rerunOnFault: true });
    return plan([{ kind: 'move' }, { kind: 'engrave' }, { kind: 'eject' }]);
  },
};
