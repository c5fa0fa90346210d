import type { MachineKind } from '../../../../shared/api/views';

export type ReadBackType = 'MagneticStripeReadBack' | 'OcrReadBack' | 'ChipReadBack' | 'BarcodeReadBack';

export interface OcrSample {
  inspectionName: string;
  text: string;
  meanConfidence: number;
}

/**
 * One activity of a card's workflow after it left the feeder. Incidents are part of the plan (`jams`,
 * `coverOpensBefore`): a scenario is a script, so the same choice replays the same messages.
 */
export type Step =
  /** Transport move from the feeder to the laser. `jams`: the card gets stuck there. */
  | { kind: 'move'; jams?: true }
  /**
   * Laser engraving. `coverOpensBefore`: someone opens a cover just before; the laser must not fire. `fails`: the
   * laser reports a marking error halfway: the card is marked, so lost, and the job faults (MarkLayoutFailed).
   */
  | { kind: 'engrave'; coverOpensBefore?: true; fails?: true }
  | { kind: 'write-stripe' }
  /** The card waits in encoder `encoderIndex` (0-based, right to left) until the console signals. */
  | { kind: 'encode-chip'; encoderIndex: number }
  /** OCR inspections; the job waits until the console approves or rejects the read. */
  | { kind: 'ocr'; results: readonly OcrSample[] }
  /**
   * AIDA 1.6: a barcode on the card is decoded (BarcodeDecoded, schema BarcodeReadExecutedMessage). With `waits`
   * the job is Suspended until the console validates the read; without, the message only reports it.
   */
  | { kind: 'barcode'; results: readonly OcrSample[]; waits: boolean }
  /** A readback; the job waits for validation. `fields` are the message's own properties. */
  | { kind: 'readback'; messageType: ReadBackType; fields: Readonly<Record<string, unknown>>; encoderIndex?: number }
  /** Move to the output stacker. `jams`: the card gets stuck on the way, after everything was done to it. */
  | { kind: 'eject'; jams?: true };

export interface CardPlan {
  steps: readonly Step[];
  /** The console's answer to this card's WorkflowStarted arrives after the machine's ack timeout. */
  lateAnswerToStart?: true;
  /** The network to the console goes down as this card leaves the feeder. */
  unplugsConsole?: true;
  /** Should the job fault, it is run again (a reprint): the same job, a new workflow instance, a fresh card, no incident. */
  rerunOnFault?: true;
}

export interface Scenario {
  id: string;
  /**
   * The numbers its texts cite (which card an incident happens to). The texts themselves, its title, what happens and
   * what the trainee is expected to do, are the `scenarios` namespace's, by id: each viewer reads them in their language.
   */
  textParams?: Readonly<Record<string, number>>;
  /** The machine the scenario plays: a desktop system cannot recover from a card jam and offers a smaller API. */
  kind: MachineKind;
  /** Cards in the input feeder when the scenario is chosen. */
  feeder(settings: { feederCapacity: number }): number;
  /** The plan of the n-th card of an issuance run (1-based). */
  card(n: number): CardPlan;
  /**
   * Start puts the scheduler in Error instead of running (GET …/state `status: "Error"`, with these errors and
   * details) and no webhook says so: only the machine's API shows it.
   */
  failsToStart?: { errors: readonly string[]; details: string };
  /**
   * The network loses this card's WorkflowCompleted (1-based card of a run): the machine counts the job in its
   * personalization session, the console never receives the message (AIDA 1.6 session totals show the difference).
   */
  losesCompletionOfCard?: number;
}
