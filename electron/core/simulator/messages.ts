/** Which machine a message comes from: the three identity fields of every WorkflowMessage. */
export interface SimulatedMachine {
  machineName: string;
  machineSerial: string;
  hostName: string;
}

/** The job fields a message carries when it concerns one job. */
export interface JobIdentity {
  jobId: string;
  batchId: string;
  correlationId: string;
  workflowInstanceId: string;
}

/** The message types this simulator sends, in the vendor's names (`MessageType`, OpenAPI 1.0.721-rc.9 and AIDA 1.6). */
export type SentMessageType =
  | 'EncoderLoaded'
  | 'OcrExecuted'
  | 'WorkflowStarted'
  | 'WorkflowCompleted'
  | 'WorkflowFaulted'
  | 'WorkflowCancelled'
  | 'WorkflowSchedulerStarted'
  | 'WorkflowSchedulerStopped'
  | 'WorkflowSchedulerSuspended'
  | 'WorkflowSchedulerStopping'
  | 'HealthCheck'
  | 'MagneticStripeReadBack'
  | 'OcrReadBack'
  | 'ChipReadBack'
  | 'BarcodeReadBack'
  /** AIDA 1.6. */
  | 'BarcodeDecoded';

/** The CLR class each message type travels as, where it is not simply `<MessageType>Message` (OpenAPI mapping). */
const CLASS_OF: Partial<Record<SentMessageType, string>> = {
  WorkflowSchedulerSuspended: 'WorkflowSchedulerProcessSuspendedMessage',
  HealthCheck: 'WebhookReceiverHealthCheckMessage',
  BarcodeDecoded: 'BarcodeReadExecutedMessage',
};

export const WORKFLOW_NAME = 'CardPersonalization';

export interface MessageFields {
  job?: JobIdentity | undefined;
  metadata: Record<string, unknown>;
  jobStatus?: string;
  errorCode?: string;
  documentProduced?: boolean;
  destructiveOperationExecuted?: boolean;
  sourceJobInstanceId?: string | undefined;
  stopReason?: string;
  /** The fields of the message's own class (EncoderId, Results, Track1Base64, …). */
  extra?: Record<string, unknown>;
}

export type WebhookBody = Record<string, unknown> & { messageType: SentMessageType; messageId: string };

/**
 * A webhook body as AIDA serialises it: camelCase properties, enums as strings, every property of WorkflowMessage
 * present (null where it does not apply, as .NET writes it), and the CLR `discriminator`.
 */
export function buildMessage(
  machine: SimulatedMachine,
  messageId: string,
  messageType: SentMessageType,
  fields: MessageFields,
): WebhookBody {
  const job = fields.job;
  return {
    discriminator: `IXLA.Box.Services.Workflow.Messaging.Signals.${CLASS_OF[messageType] ?? `${messageType}Message`}`,
    sourceJobInstanceId: fields.sourceJobInstanceId ?? null,
    machineName: machine.machineName,
    machineSerial: machine.machineSerial,
    hostName: machine.hostName,
    jobId: job?.jobId ?? null,
    batchId: job?.batchId ?? null,
    correlationId: job?.correlationId ?? null,
    messageId,
    workflowInstanceId: job?.workflowInstanceId ?? null,
    workflowInstanceName: job ? WORKFLOW_NAME : null,
    messageType,
    jobStatus: fields.jobStatus ?? 'None',
    errorCode: fields.errorCode ?? 'NoErrors',
    additionalMetadata: fields.metadata,
    documentProduced: fields.documentProduced ?? false,
    destructiveOperationExecuted: fields.destructiveOperationExecuted ?? false,
    ...(fields.stopReason !== undefined ? { stopReason: fields.stopReason } : {}),
    ...fields.extra,
  };
}
