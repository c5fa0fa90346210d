import { FULL_FEEDER, plainCard } from './basic';
import type { CardPlan, Scenario } from './types';

/** The card an incident happens to: late enough that the trainee has seen a few cards go through. */
const INCIDENT_CARD = 3;

const onCard = (target: number, plan: CardPlan) => (n: number) => (n === target ? plan : plainCard());

export const openInterlock: Scenario = {
  id: 'open-interlock',
  title: 'Cover opened before engraving',
  summary:
    'Just before card 2 is engraved someone opens a cover. The laser must not fire: the machine suspends issuance (OpenInterlock) and the card waits.',
  trainee: 'Close the cover, then press Resume. Resuming with the cover still open suspends again.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: onCard(2, { steps: [{ kind: 'move' }, { kind: 'engrave', coverOpensBefore: true }, { kind: 'eject' }] }),
};

export const cardJamBox: Scenario = {
  id: 'card-jam-box',
  title: 'Card jam (box system)',
  summary: `Card ${INCIDENT_CARD} jams in the transport before it is engraved. A box system can recover: issuance is suspended (CardJam).`,
  trainee: 'Clear the jam, then press Resume. Resuming before the jam is cleared suspends again.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: onCard(INCIDENT_CARD, { steps: [{ kind: 'move', jams: true }, { kind: 'engrave' }, { kind: 'eject' }] }),
};

export const cardJamDesktop: Scenario = {
  id: 'card-jam-desktop',
  title: 'Card jam (desktop system)',
  summary: `On a desktop system card ${INCIDENT_CARD} jams on its way to the output after it was engraved. A desktop machine cannot recover: the job faults (CardJam, document produced), the card behind it is cancelled, and issuance stops.`,
  trainee: 'There is no Resume: clear the jam, then start issuance again. Starting before the jam is cleared fails.',
  kind: 'desktop',
  feeder: () => FULL_FEEDER,
  card: onCard(INCIDENT_CARD, { steps: [{ kind: 'move' }, { kind: 'engrave' }, { kind: 'eject', jams: true }] }),
};

export const slowConsole: Scenario = {
  id: 'slow-console',
  title: 'Console answers too slowly',
  summary: `The console answers the first message of card ${INCIDENT_CARD} only after the machine's ack timeout. The machine rejects that card (WebhookAckTimeout) and carries on with the batch.`,
  trainee: 'Find the rejected card and its reason. A slow console destroys cards.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: onCard(INCIDENT_CARD, { ...plainCard(), lateAnswerToStart: true }),
};

export const consoleUnreachable: Scenario = {
  id: 'console-unreachable',
  title: 'Console unreachable',
  summary: `The network to the console goes down as card ${INCIDENT_CARD} is fed. The machine cannot deliver its messages: it faults the job (WebhooksServerUnreachable) and stops issuance. The console hears none of it; the network is back once the machine has stopped.`,
  trainee: 'Notice that the machine fell silent, and find out from the machine what happened.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: onCard(INCIDENT_CARD, { ...plainCard(), unplugsConsole: true }),
};

export const schedulerError: Scenario = {
  id: 'scheduler-error',
  title: 'Issuance in error',
  summary:
    'Start is accepted, but the machine cannot find the job template: its scheduler reports Error (JobTemplateDoesNotExists) with details, and it sends no message about it. Only its API says so.',
  trainee: 'Find the error and the machine\'s own words on the machine panel and in the alert, then Stop.',
  kind: 'box',
  feeder: () => FULL_FEEDER,
  card: plainCard,
  failsToStart: { errors: ['JobTemplateDoesNotExists'], details: 'Job template "Training card" was not found in the job template store.' },
};
