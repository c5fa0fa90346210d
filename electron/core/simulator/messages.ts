import { randomUUID } from 'node:crypto';

/** The CLR class each message type travels as (the `discriminator` AIDA adds for polymorphic deserialisation). */
const CLASS_OF: Record<string, string> = {
  WorkflowSchedulerSuspended: 'WorkflowSchedulerProcessSuspendedMessage',
  HealthCheck: 'WebhookReceiverHealthCheckMessage',
};

export interface SimulatedMachine {
  machineName: string;
  machineSerial: string;
  hostName: string;
}

export interface SimulatedJob {
  jobId: string;
  batchId: string;
  correlationId: string;
  workflowInstanceId: string;
  metadata: Record<string, string>;
}

/** Builds a webhook body the way AIDA serialises it: camelCase properties, enums as strings. */
export function buildMessage(
  machine: SimulatedMachine,
  messageType: string,
  fields: Partial<{
    job: SimulatedJob;
    jobStatus: string;
    errorCode: string;
    stopReason: string;
    documentProduced: boolean;
    destructiveOperationExecuted: boolean;
    sourceJobInstanceId: string;
    extra: Record<string, unknown>;
  }> = {},
): Record<string, unknown> {
  const job = fields.job;
  return {
    machineName: machine.machineName,
    machineSerial: machine.machineSerial,
    hostName: machine.hostName,
    jobId: job?.jobId ?? null,
    batchId: job?.batchId ?? null,
    correlationId: job?.correlationId ?? null,
    messageId: randomUUID().replace(/-/g, ''),
    workflowInstanceId: job?.workflowInstanceId ?? null,
    workflowInstanceName: job ? 'CardPersonalization' : null,
    messageType,
    jobStatus: fields.jobStatus ?? 'None',
    errorCode: fields.errorCode ?? 'NoErrors',
    additionalMetadata: job?.metadata ?? {},
    documentProduced: fields.documentProduced ?? false,
    destructiveOperationExecuted: fields.destructiveOperationExecuted ?? false,
    sourceJobInstanceId: fields.sourceJobInstanceId ?? null,
    discriminator: `IXLA.Box.Services.Workflow.Messaging.Signals.${CLASS_OF[messageType] ?? `${messageType}Message`}`,
    ...(fields.stopReason ? { stopReason: fields.stopReason } : {}),
    ...fields.extra,
  };
}
