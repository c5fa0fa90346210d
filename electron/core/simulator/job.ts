import type { JobIdentity } from './messages';
import type { CardPlan } from './scenarios';

/** AIDA's JobStatus values a simulated job passes through. */
export type JobStatus = 'Running' | 'Suspended' | 'Completed' | 'Faulted' | 'Cancelled';

/** What a job waits for after an external-process message, and the error code if the console rejects it. */
export interface ExternalWait {
  messageType: string;
  faultCode: 'ChipPersonalizationFailed' | 'OcrExternalValidationKo' | 'ReadBackValidationFailed' | 'BarcodeExternalValidationKo';
  /** Machine time the activity still takes once the console said go on. */
  remainingMs: number;
  /** What the activity does to the card once it goes on (a chip encoded is a destructive operation). */
  destructiveOnSuccess: boolean;
}

/** One card's workflow instance inside the machine. */
export interface Job extends JobIdentity {
  /** JobInstance.id: AIDA's own number for this run of the job (ResumeItem.jobInstanceId). */
  instanceId: number;
  /** 1-based position in the issuance run: which card of the scenario's script this is. */
  cardNo: number;
  plan: CardPlan;
  /** Index of the step the job is at. */
  step: number;
  status: JobStatus;
  errorCode: string;
  /** All perso operations were executed on the card (seed 000, `DocumentProduced`). */
  documentProduced: boolean;
  /** Laser engraving, chip encoding or a stripe write was executed (seed 000, `DestructiveOperationExecuted`). */
  destructive: boolean;
  waiting: ExternalWait | undefined;
  /** Set while the job is suspended with a recoverable error (OpenInterlock, CardJam). */
  suspendedWith: 'OpenInterlock' | 'CardJam' | undefined;
  /** Steps whose scripted incident already happened: a retry after Resume does not replay it. */
  fired: Set<number>;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | undefined;
}

const TERMINAL: ReadonlySet<JobStatus> = new Set(['Completed', 'Faulted', 'Cancelled']);

export const isTerminal = (job: Job): boolean => TERMINAL.has(job.status);
