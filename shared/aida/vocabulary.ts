/**
 * AIDA's enumerations, in the vendor's declaration order (OpenAPI 1.0.721-rc.9), with the operator-readable
 * sentence for each value taken from the comments in the integration guide (seed 000). Order matters: should a
 * machine send a number instead of a name, declaration order is the likely index (C#'s default).
 */

export interface Term {
  readonly name: string;
  /** What the value means, in words an operator reads. */
  readonly text: string;
  /** What to do about it, where there is something to do. */
  readonly action?: string;
}

export const MESSAGE_TYPES = [
  { name: 'Unknown', text: 'Unknown message (a receiver should never get this).' },
  { name: 'EncoderLoaded', text: 'A card was placed in a chip encoder and waits to be encoded.' },
  { name: 'OcrExecuted', text: 'The machine read text by OCR and waits for the read to be approved.' },
  { name: 'WorkflowStarted', text: 'A job started.' },
  { name: 'WorkflowCompleted', text: 'The card was produced and moved to the output stacker.' },
  { name: 'WorkflowFaulted', text: 'The card was rejected: an error occurred or an external check failed.' },
  { name: 'WorkflowCancelled', text: 'The job was cancelled.' },
  { name: 'FeederEmpty', text: 'The input feeder is empty (deprecated message).' },
  { name: 'WorkflowSchedulerStarted', text: 'Issuance started: the machine is polling for jobs.' },
  { name: 'WorkflowSchedulerStopped', text: 'Issuance stopped.' },
  { name: 'WorkflowSchedulerSuspended', text: 'Issuance is suspended and waits for an operator.' },
  { name: 'HealthCheck', text: 'The machine checked that the console is reachable.' },
  { name: 'MagneticStripeReadBack', text: 'The magnetic stripe was read back and waits for validation.' },
  { name: 'OcrReadBack', text: 'Text was read back by OCR and waits for validation.' },
  { name: 'ChipReadBack', text: 'The chip was read back and waits for validation.' },
  { name: 'BarcodeReadBack', text: 'A barcode was read back and waits for validation.' },
  { name: 'WorkflowSchedulerStopping', text: 'Issuance is stopping: running jobs are finishing.' },
] as const satisfies readonly Term[];

export const JOB_STATUSES = [
  { name: 'None', text: 'No status.' },
  { name: 'Waiting', text: 'Waiting: in the job table, not yet picked up.' },
  { name: 'Starting', text: 'Starting: the card is about to leave the feeder.' },
  { name: 'Resuming', text: 'Resuming after a suspension.' },
  { name: 'Running', text: 'Running: the job\'s workflow was created and started.' },
  { name: 'Completed', text: 'Completed: the card was produced.' },
  { name: 'Cancelled', text: 'Cancelled: the job was stopped before the card was finished.' },
  { name: 'Suspended', text: 'Suspended: waiting for an external signal.' },
  { name: 'Rejected', text: 'Rejected: the card was rejected.' },
  { name: 'Faulted', text: 'Faulted: the card was rejected.' },
] as const satisfies readonly Term[];

export const ERROR_CODES = [
  { name: 'NoErrors', text: 'No error so far.' },
  { name: 'ManualStop', text: 'Issuance was stopped from the API.' },
  { name: 'GenericError', text: 'A generic error occurred.', action: 'Check the machine\'s log.' },
  {
    name: 'CardJam',
    text: 'A card jammed while being moved.',
    action: 'Open the machine, clear the jammed card, close the cover.',
  },
  { name: 'MarkLayoutFailed', text: 'The laser software returned an error while marking.', action: 'Check the layout and the laser.' },
  {
    name: 'OpenInterlock',
    text: 'An interlock (cover or door) is open.',
    action: 'Close every cover and door of the machine.',
  },
  {
    name: 'MarkErrorLayoutOutOfBounds',
    text: 'The layout lies outside the area the laser head can reach.',
    action: 'Fix the job template\'s layout.',
  },
  { name: 'MarkErrorEntitySelectionEmpty', text: 'There was nothing to mark: the entity list is empty.', action: 'Check the job data.' },
  { name: 'MarkErrorMarkAlreadyExecuting', text: 'Another mark was already running.' },
  { name: 'ChipPersonalizationFailed', text: 'Chip encoding reported failure (external process outcome Faulted).' },
  { name: 'MagStripeReadFailed', text: 'The magnetic stripe encoder refused a read.' },
  { name: 'MagStripeWriteFailed', text: 'The magnetic stripe encoder refused a write.' },
  { name: 'OcrUnexpectedResult', text: 'External validation reported failure (outcome Faulted).' },
  {
    name: 'OcrFailedToAcquireImage',
    text: 'The camera could not take the image for OCR.',
    action: 'Check the camera and the card position.',
  },
  {
    name: 'OcrFailedToExecuteAlgorithm',
    text: 'The OCR algorithm failed: its configuration or parameters may be invalid.',
    action: 'Check the OCR settings of the job template.',
  },
  {
    name: 'AutoPosFailedToMatchPattern',
    text: 'The positioning pattern was not found: the image is poor or the card is out of place.',
    action: 'Check the card stock and its orientation.',
  },
  {
    name: 'WebhookAckTimeout',
    text: 'The console did not answer a webhook within the machine\'s timeout.',
    action: 'Check this PC\'s load and network; raise the machine\'s webhook ackTimeout if needed.',
  },
  {
    name: 'WebhooksServerUnreachable',
    text: 'The machine could not reach the console.',
    action: 'Check that the console is running and the firewall allows the webhook port.',
  },
  { name: 'FeederEmpty', text: 'The input feeder is empty.', action: 'Load cards into the input feeder.' },
  {
    name: 'CancelledOnStartup',
    text: 'The machine cancelled this job at start-up: it was left unfinished when the machine shut down.',
  },
  { name: 'OcrExternalValidationKo', text: 'The OCR read was rejected by external validation (outcome Faulted).' },
  {
    name: 'FailedToLoadJobTemplate',
    text: 'The job template file could not be loaded.',
    action: 'Check the job template on the machine.',
  },
  {
    name: 'InvalidTransportStatus',
    text: 'A card had to be moved while the transport was in error (often after a card jam).',
    action: 'Clear the transport error on the machine.',
  },
  { name: 'ReadBackValidationFailed', text: 'Read-back validation failed.' },
  { name: 'InvalidCardOrientation', text: 'The card is in the wrong orientation.', action: 'Turn the cards in the feeder the right way.' },
] as const satisfies readonly Term[];

export const STOP_REASONS = [
  { name: 'BatchCompleted', text: 'The batch is complete.' },
  { name: 'FeederEmpty', text: 'Stopped while suspended with an empty feeder.' },
  { name: 'ManualStop', text: 'Stopped on request.' },
  {
    name: 'CardJam',
    text: 'A card got stuck in the transport and could not be recovered.',
    action: 'Clear the jam, then start issuance again.',
  },
  { name: 'UnhandledException', text: 'An unexpected error killed a job.', action: 'Check the machine\'s log.' },
  {
    name: 'WebhooksServerUnreachable',
    text: 'The machine could not reach the console.',
    action: 'Check that the console is running and the firewall allows the webhook port.',
  },
  {
    name: 'InvalidDataSourceConfiguration',
    text: 'The data source of the job template is invalid.',
    action: 'Fix the job template\'s data source.',
  },
  { name: 'TransportResetFailed', text: 'The transport could not be reset at start.', action: 'Check the transport, then start again.' },
  { name: 'SystemShutdown', text: 'The machine\'s system shut down.' },
] as const satisfies readonly Term[];

export const SCHEDULER_STATUSES = [
  { name: 'Starting', text: 'Issuance is starting.' },
  { name: 'Running', text: 'Issuance is running.' },
  { name: 'Waiting', text: 'Issuance is waiting.' },
  { name: 'Error', text: 'Issuance is in error.' },
  { name: 'Stopping', text: 'Issuance is stopping: running jobs are finishing.' },
  { name: 'Stopped', text: 'Issuance is stopped.' },
  { name: 'FeederEmpty', text: 'The input feeder is empty.' },
  { name: 'JobQueueEmpty', text: 'No jobs are queued.' },
] as const satisfies readonly Term[];

export type MessageTypeName = (typeof MESSAGE_TYPES)[number]['name'];
export type JobStatusName = (typeof JOB_STATUSES)[number]['name'];
export type ErrorCodeName = (typeof ERROR_CODES)[number]['name'];
export type StopReasonName = (typeof STOP_REASONS)[number]['name'];

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

/** The sentence for a value, or the value itself quoted when this console does not know it. */
export function describe(terms: readonly Term[], name: string | undefined): { text: string; action?: string } {
  if (name === undefined) return { text: '' };
  const term: Term | undefined = terms.find((t) => t.name === name);
  return term ? { text: term.text, ...(term.action ? { action: term.action } : {}) } : { text: `Unknown value "${name}".` };
}
