/**
 * AIDA's enumerations, in the vendor's declaration order. Every name of both published versions is here: OpenAPI
 * 1.0.721-rc.9, and AIDA 1.6 (`aida` 1.6.3.25 and `aida-mini` 1.6.3.26, which only append values, so the 1.0 lists
 * are prefixes of these). Order matters: should a machine send a number instead of a name, declaration order is the
 * likely index (C#'s default). A value in neither version is kept and shown verbatim. What each value means, in every
 * language, is in the text catalog (shared/i18n/texts/aida.ts, aida-errors.ts; said by ./vocabulary-texts.ts).
 */

export interface Term {
  readonly name: string;
}

export const MESSAGE_TYPES = [
  { name: 'Unknown' }, { name: 'EncoderLoaded' }, { name: 'OcrExecuted' }, { name: 'WorkflowStarted' },
  { name: 'WorkflowCompleted' }, { name: 'WorkflowFaulted' }, { name: 'WorkflowCancelled' }, { name: 'FeederEmpty' },
  { name: 'WorkflowSchedulerStarted' }, { name: 'WorkflowSchedulerStopped' }, { name: 'WorkflowSchedulerSuspended' },
  { name: 'HealthCheck' }, { name: 'MagneticStripeReadBack' }, { name: 'OcrReadBack' }, { name: 'ChipReadBack' },
  { name: 'BarcodeReadBack' }, { name: 'WorkflowSchedulerStopping' },
  // AIDA 1.6. Its schema is BarcodeReadExecutedMessage (results like OcrExecuted's); it waits for the console only
  // when its job is Suspended.
  { name: 'BarcodeDecoded' },
] as const satisfies readonly Term[];

export const JOB_STATUSES = [
  { name: 'None' }, { name: 'Waiting' }, { name: 'Starting' }, { name: 'Resuming' }, { name: 'Running' },
  { name: 'Completed' }, { name: 'Cancelled' }, { name: 'Suspended' }, { name: 'Rejected' }, { name: 'Faulted' },
] as const satisfies readonly Term[];

export const ERROR_CODES = [
  { name: 'NoErrors' }, { name: 'ManualStop' }, { name: 'GenericError' }, { name: 'CardJam' },
  { name: 'MarkLayoutFailed' }, { name: 'OpenInterlock' }, { name: 'MarkErrorLayoutOutOfBounds' },
  { name: 'MarkErrorEntitySelectionEmpty' }, { name: 'MarkErrorMarkAlreadyExecuting' },
  { name: 'ChipPersonalizationFailed' }, { name: 'MagStripeReadFailed' }, { name: 'MagStripeWriteFailed' },
  { name: 'OcrUnexpectedResult' }, { name: 'OcrFailedToAcquireImage' }, { name: 'OcrFailedToExecuteAlgorithm' },
  { name: 'AutoPosFailedToMatchPattern' }, { name: 'WebhookAckTimeout' }, { name: 'WebhooksServerUnreachable' },
  { name: 'FeederEmpty' }, { name: 'CancelledOnStartup' }, { name: 'OcrExternalValidationKo' },
  { name: 'FailedToLoadJobTemplate' }, { name: 'InvalidTransportStatus' }, { name: 'ReadBackValidationFailed' },
  { name: 'InvalidCardOrientation' },
  // AIDA 1.6.
  { name: 'InkjetPrintFailed' }, { name: 'BarcodeDecodingFailed' }, { name: 'BarcodeImageAcquisitionFailed' },
  { name: 'BarcodeExternalValidationKo' }, { name: 'MarkLayoutFailedToLoadData' },
] as const satisfies readonly Term[];

export const STOP_REASONS = [
  { name: 'BatchCompleted' }, { name: 'FeederEmpty' }, { name: 'ManualStop' }, { name: 'CardJam' },
  { name: 'UnhandledException' }, { name: 'WebhooksServerUnreachable' }, { name: 'InvalidDataSourceConfiguration' },
  { name: 'TransportResetFailed' }, { name: 'SystemShutdown' },
  // AIDA 1.6.
  { name: 'LaserSourceEnableFailed' }, { name: 'SjfPreLoadFailed' },
] as const satisfies readonly Term[];

export const SCHEDULER_STATUSES = [
  { name: 'Starting' }, { name: 'Running' }, { name: 'Waiting' }, { name: 'Error' }, { name: 'Stopping' },
  { name: 'Stopped' }, { name: 'FeederEmpty' }, { name: 'JobQueueEmpty' },
] as const satisfies readonly Term[];

/** `errors` of GET …/state (WorkflowSchedulerErrorCodes): why the scheduler cannot run. */
export const SCHEDULER_ERROR_CODES = [
  { name: 'JobTemplateDoesNotExists' }, { name: 'InvalidDataSourceConfiguration' },
  { name: 'WebhooksServerUnreachable' }, { name: 'TransportResetFailed' }, { name: 'FeederEmpty' },
  { name: 'InvalidWorkflowTypeName' },
] as const satisfies readonly Term[];

/** AIDA 1.6 `SystemErrorCodes` (GET system/status `errors`): what is wrong with the machine itself. */
export const SYSTEM_ERROR_CODES = [
  { name: 'CardJam' }, { name: 'FeederEmpty' }, { name: 'OpenInterlock' }, { name: 'PrintHeadWarming' },
  { name: 'PrintHeadOverTemperature' }, { name: 'LaserInterfaceError' }, { name: 'ApplicationError' },
  { name: 'CartridgeEmpty' }, { name: 'CartridgeExpired' }, { name: 'CartridgeLow' }, { name: 'MissingCartridge' },
  { name: 'CartridgeError' }, { name: 'CartridgeWarning' }, { name: 'CartridgeExpiring' },
] as const satisfies readonly Term[];

export type MessageTypeName = (typeof MESSAGE_TYPES)[number]['name'];
export type JobStatusName = (typeof JOB_STATUSES)[number]['name'];
export type ErrorCodeName = (typeof ERROR_CODES)[number]['name'];
export type StopReasonName = (typeof STOP_REASONS)[number]['name'];
export type SchedulerStatusName = (typeof SCHEDULER_STATUSES)[number]['name'];
export type SchedulerErrorCodeName = (typeof SCHEDULER_ERROR_CODES)[number]['name'];
export type SystemErrorCodeName = (typeof SYSTEM_ERROR_CODES)[number]['name'];

/** Codes with which AIDA suspends issuance and waits for Resume or Stop. CardJam only on box systems. */
export const RECOVERABLE_CODES: readonly string[] = ['FeederEmpty', 'OpenInterlock', 'CardJam'];

/** Names compare without case or word separators: the seed itself writes CardJam as CARD_JAM. */
const matchKey = (name: string): string => name.replace(/[\s_-]/g, '').toLowerCase();

/**
 * Resolves a raw enum value to the vendor's spelling: names match ignoring case and separators, integers are read as
 * declaration-order indexes. Anything else is returned verbatim (trimmed) so it can be stored and shown: an unknown
 * value is data from another firmware version, not an error.
 */
export function canonical(terms: readonly Term[], raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number' && Number.isInteger(raw)) return terms[raw]?.name ?? String(raw);
  if (typeof raw !== 'string') return JSON.stringify(raw);
  const trimmed = raw.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return terms[Number(trimmed)]?.name ?? trimmed;
  const wanted = matchKey(trimmed);
  return terms.find((t) => matchKey(t.name) === wanted)?.name ?? trimmed;
}
