import type { ExternalWait, Job } from './job';
import type { SentMessageType } from './messages';
import type { Step } from './scenarios';
import type { PhysicalWorld } from './world';

/** How long each activity takes, in multiples of the configured card interval (machine time). */
const WEIGHT: Record<Step['kind'] | 'feed', number> = {
  feed: 0.5,
  move: 0.25,
  engrave: 1,
  'write-stripe': 0.5,
  'encode-chip': 0.5,
  ocr: 0.25,
  readback: 0.25,
  barcode: 0.25,
  eject: 0.5,
};

export const durationOf = (kind: keyof typeof WEIGHT, cardIntervalMs: number) => WEIGHT[kind] * cardIntervalMs;

/** What a step may do to the machine; the scheduler provides it and keeps the flow (suspend, stop, finish). */
export interface StepContext {
  readonly world: PhysicalWorld;
  readonly dryRun: boolean;
  readonly cardIntervalMs: number;
  /** Goes on with the job's next step after `machineMs`. */
  next(job: Job, machineMs: number): void;
  /** Posts an external-process message about the job; it waits for the console's signal. */
  waitForConsole(job: Job, messageType: SentMessageType, extra: Record<string, unknown>, wait: ExternalWait): void;
  /** Posts a message about the job that waits for nothing (its JobStatus stays Running). */
  report(job: Job, messageType: SentMessageType, extra: Record<string, unknown>): void;
  /** A recoverable error before the activity: the job and issuance wait for Resume. */
  suspend(code: 'OpenInterlock', job: Job): void;
  /** The card is stuck: recoverable on a box system, the end of issuance on a desktop one. */
  jam(job: Job): void;
  /** The activity failed and the card with it: the job faults, issuance goes on. */
  fault(job: Job, errorCode: 'MarkLayoutFailed'): void;
  complete(job: Job): void;
  /** The encoder holding the card, with the URL AIDA gives for signalling it. */
  encoder(index: number): { encoderId: string; encoderIndex: number; callbackUrl: string };
  worldChanged(): void;
}

/** Whether the scripted incident of the job's current step is still to happen (it happens once, not on retries). */
function incidentDue(job: Job): boolean {
  if (job.fired.has(job.step)) return false;
  job.fired.add(job.step);
  return true;
}

/** Runs the job's current step. Called when the step is due, and again when Resume retries it. */
export function advance(ctx: StepContext, job: Job): void {
  const step = job.plan.steps[job.step];
  if (!step) {
    ctx.complete(job);
    return;
  }
  const duration = durationOf(step.kind, ctx.cardIntervalMs);
  switch (step.kind) {
    case 'move':
    case 'eject':
      if (step.kind === 'eject') {
        // Everything was done to the card before it heads for the stacker: a jam now still leaves a document.
        job.documentProduced = !ctx.dryRun;
      }
      if (step.jams && incidentDue(job)) {
        ctx.world.jammed = true;
        ctx.worldChanged();
      }
      if (ctx.world.jammed) {
        ctx.jam(job);
        return;
      }
      ctx.next(job, duration);
      return;
    case 'engrave':
      if (step.coverOpensBefore && incidentDue(job)) {
        ctx.world.coverOpen = true;
        ctx.worldChanged();
      }
      // Detected before engraving, so the card is not lost: AIDA suspends (seed 000).
      if (ctx.world.coverOpen) {
        ctx.suspend('OpenInterlock', job);
        return;
      }
      if (!ctx.dryRun) job.destructive = true;
      if (step.fails && incidentDue(job)) {
        ctx.fault(job, 'MarkLayoutFailed');
        return;
      }
      ctx.next(job, duration);
      return;
    case 'write-stripe':
      if (!ctx.dryRun) job.destructive = true;
      ctx.next(job, duration);
      return;
    case 'encode-chip':
      ctx.waitForConsole(job, 'EncoderLoaded', ctx.encoder(step.encoderIndex), {
        messageType: 'EncoderLoaded',
        faultCode: 'ChipPersonalizationFailed',
        remainingMs: duration,
        destructiveOnSuccess: !ctx.dryRun,
      });
      return;
    case 'ocr':
      ctx.waitForConsole(
        job,
        'OcrExecuted',
        { results: step.results.map((r) => ({ inspectionName: r.inspectionName, ocrResult: { text: r.text, meanConfidence: r.meanConfidence } })) },
        { messageType: 'OcrExecuted', faultCode: 'OcrExternalValidationKo', remainingMs: duration, destructiveOnSuccess: false },
      );
      return;
    case 'barcode': {
      const results = step.results.map((r) => ({ inspectionName: r.inspectionName, ocrResult: { text: r.text, meanConfidence: r.meanConfidence } }));
      if (!step.waits) {
        ctx.report(job, 'BarcodeDecoded', { results });
        ctx.next(job, duration);
        return;
      }
      ctx.waitForConsole(
        job,
        'BarcodeDecoded',
        { results },
        { messageType: 'BarcodeDecoded', faultCode: 'BarcodeExternalValidationKo', remainingMs: duration, destructiveOnSuccess: false },
      );
      return;
    }
    case 'readback':
      ctx.waitForConsole(
        job,
        step.messageType,
        { ...step.fields, ...(step.encoderIndex !== undefined ? ctx.encoder(step.encoderIndex) : {}) },
        { messageType: step.messageType, faultCode: 'ReadBackValidationFailed', remainingMs: duration, destructiveOnSuccess: false },
      );
      return;
  }
}
