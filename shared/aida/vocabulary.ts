/**
 * AIDA's enumerations, in the vendor's declaration order, with the operator-readable sentence for each value taken
 * from the comments in the integration guide (seed 000). Every name of both published versions is here: OpenAPI
 * 1.0.721-rc.9, and AIDA 1.6 (`aida` 1.6.3.25 and `aida-mini` 1.6.3.26, which only append values, so the 1.0 lists
 * are prefixes of these). Values 1.6 added have no comment in any vendor document: their sentences say what the name
 * says, no more. Order matters: should a machine send a number instead of a name, declaration order is the likely
 * index (C#'s default). A value in neither version is kept and shown verbatim.
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
  // AIDA 1.6. Its schema is BarcodeReadExecutedMessage (results like OcrExecuted's); it waits for the console only
  // when its job is Suspended.
  { name: 'BarcodeDecoded', text: 'A barcode on the card was decoded.' },
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
  // AIDA 1.6.
  { name: 'InkjetPrintFailed', text: 'Inkjet printing on the card failed.', action: 'Check the inkjet printer and its cartridges.' },
  { name: 'BarcodeDecodingFailed', text: 'The barcode on the card could not be decoded.', action: 'Check the barcode\'s print quality.' },
  {
    name: 'BarcodeImageAcquisitionFailed',
    text: 'The camera could not take the image of the barcode.',
    action: 'Check the camera and the card position.',
  },
  { name: 'BarcodeExternalValidationKo', text: 'The decoded barcode was rejected by external validation (outcome Faulted).' },
  {
    name: 'MarkLayoutFailedToLoadData',
    text: 'The laser layout could not load the job\'s data.',
    action: 'Check the job data and the job template\'s data bindings.',
  },
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
  // AIDA 1.6.
  { name: 'LaserSourceEnableFailed', text: 'The laser source could not be switched on.', action: 'Check the laser, then start again.' },
  {
    name: 'SjfPreLoadFailed',
    text: 'The laser job file (SJF) could not be loaded in advance.',
    action: 'Check the job template\'s layout files, then start again.',
  },
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

/** `errors` of GET …/state (WorkflowSchedulerErrorCodes): why the scheduler cannot run. */
export const SCHEDULER_ERROR_CODES = [
  {
    name: 'JobTemplateDoesNotExists',
    text: 'The job template named at start does not exist on the machine.',
    action: 'Start again with a job template the machine has.',
  },
  {
    name: 'InvalidDataSourceConfiguration',
    text: 'The data source of the job template is invalid.',
    action: 'Fix the job template\'s data source.',
  },
  {
    name: 'WebhooksServerUnreachable',
    text: 'The machine could not reach the console.',
    action: 'Check that the console is running and the firewall allows the webhook port.',
  },
  { name: 'TransportResetFailed', text: 'The transport could not be reset.', action: 'Check the transport, then start again.' },
  { name: 'FeederEmpty', text: 'The input feeder is empty.', action: 'Load cards into the input feeder.' },
  {
    name: 'InvalidWorkflowTypeName',
    text: 'The workflow type named at start is not one the machine knows.',
    action: 'Start again without a workflow type, or with one the machine has.',
  },
] as const satisfies readonly Term[];

/** AIDA 1.6 `SystemErrorCodes` (GET system/status `errors`): what is wrong with the machine itself. */
export const SYSTEM_ERROR_CODES = [
  { name: 'CardJam', text: 'A card is jammed in the transport.', action: 'Open the machine, clear the jammed card, close the cover.' },
  { name: 'FeederEmpty', text: 'The input feeder is empty.', action: 'Load cards into the input feeder.' },
  { name: 'OpenInterlock', text: 'An interlock (cover or door) is open.', action: 'Close every cover and door of the machine.' },
  { name: 'PrintHeadWarming', text: 'The print head is warming up.' },
  { name: 'PrintHeadOverTemperature', text: 'The print head is too hot.', action: 'Let it cool down; check the machine\'s ventilation.' },
  { name: 'LaserInterfaceError', text: 'The machine cannot talk to its laser.', action: 'Check the laser and its connection.' },
  { name: 'ApplicationError', text: 'The machine\'s software reports an error.', action: 'Check the machine\'s log.' },
  { name: 'CartridgeEmpty', text: 'An ink cartridge is empty.', action: 'Replace the cartridge.' },
  { name: 'CartridgeExpired', text: 'An ink cartridge has expired.', action: 'Replace the cartridge.' },
  { name: 'CartridgeLow', text: 'An ink cartridge is running low.', action: 'Have a new cartridge ready.' },
  { name: 'MissingCartridge', text: 'An ink cartridge is missing.', action: 'Insert the cartridge.' },
  { name: 'CartridgeError', text: 'An ink cartridge reports an error.', action: 'Take the cartridge out and put it back, or replace it.' },
  { name: 'CartridgeWarning', text: 'An ink cartridge reports a warning.' },
  { name: 'CartridgeExpiring', text: 'An ink cartridge expires soon.', action: 'Have a new cartridge ready.' },
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
