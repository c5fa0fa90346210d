import { FULL_FEEDER, plainCard } from './basic';
import type { CardPlan, Scenario } from './types';

/** The card an incident happens to: late enough that the trainee has seen a few cards go through. */
const INCIDENT_CARD = 3;
/** The card someone opens a cover before. */
const INTERLOCK_CARD = 2;

const onCard = (target: number, plan: CardPlan) => (n: number) => (n === target ? plan : plainCard());

export const openInterlock: Scenario = {
  id: 'open-interlock',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  textParams: { card: INTERLOCK_CARD },
  card: onCard(INTERLOCK_CARD, { steps: [{ kind: 'move' }, { kind: 'engrave', coverOpensBefore: true }, { kind: 'eject' }] }),
};

export const cardJamBox: Scenario = {
  id: 'card-jam-box',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  textParams: { card: INCIDENT_CARD },
  card: onCard(INCIDENT_CARD, { steps: [{ kind: 'move', jams: true }, { kind: 'engrave' }, { kind: 'eject' }] }),
};

export const cardJamDesktop: Scenario = {
  id: 'card-jam-desktop',
  kind: 'desktop',
  feeder: () => FULL_FEEDER,
  textParams: { card: INCIDENT_CARD },
  card: onCard(INCIDENT_CARD, { steps: [{ kind: 'move' }, { kind: 'engrave' }, { kind: 'eject', jams: true }] }),
};

export const slowConsole: Scenario = {
  id: 'slow-console',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  textParams: { card: INCIDENT_CARD },
  card: onCard(INCIDENT_CARD, { ...plainCard(), lateAnswerToStart: true }),
};

export const consoleUnreachable: Scenario = {
  id: 'console-unreachable',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  textParams: { card: INCIDENT_CARD },
  card: onCard(INCIDENT_CARD, { ...plainCard(), unplugsConsole: true }),
};

export const schedulerError: Scenario = {
  id: 'scheduler-error',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: plainCard,
  failsToStart: { errors: ['JobTemplateDoesNotExists'], details: 'Job template "Training card" was not found in the job template store.' },
};
