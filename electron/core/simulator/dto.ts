import type { MachineKind } from '../../../shared/api/views';
import type { Job } from './job';
import { feederStates, laserBoards } from './machine-health';
import { WORKFLOW_NAME, type SimulatedMachine } from './messages';
import type { SchedulerState } from './scheduler-state';
import type { PhysicalWorld } from './world';

/** The REST answers' shapes, as the vendor's OpenAPI names them (1.0.721-rc.9, and AIDA 1.6 where marked). */

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/**
 * `WorkflowSchedulerStateDto`. The status enum has no Suspended: an empty feeder is a scheduler state of its own
 * (`FeederEmpty`, and in `errors`), while an interlock or a jam suspends workflows, not the scheduler, which
 * reports Running; only `workflow-instances/suspended` and `resume-items` show those (PROTOCOLS.md).
 */
export function stateDto(s: SchedulerState, now: number): Record<string, unknown> {
  const session = s.session;
  const feederEmpty = s.suspension?.code === 'FeederEmpty';
  const status = s.status === 'Suspended' ? (feederEmpty ? 'FeederEmpty' : 'Running') : s.status;
  const errors = s.status === 'Error' ? [...(s.error?.errors ?? [])] : feederEmpty ? ['FeederEmpty'] : s.status === 'Stopped' ? (s.lastStop?.errors ?? []) : [];
  return {
    status,
    ...(s.status === 'Stopped' && s.lastStop ? { stopReason: s.lastStop.reason } : {}),
    errors,
    stopSourceJobId: s.status === 'Stopped' ? (s.lastStop?.sourceJobId ?? null) : null,
    queueSize: session?.queue.length ?? 0,
    queuedOrderIds: session?.queue.map((q) => q.jobId) ?? [],
    errorDetails: s.status === 'Error' ? (s.error?.details ?? null) : null,
    lastLoadedItemId: session?.lastLoadedItemId ?? 0,
    upTimeSeconds: Math.floor((now - s.startedAt) / 1000),
    currentJobTemplateName: session?.templateName ?? null,
    currentJobTemplateId: session ? 1 : null,
    workflowTypeName: session?.workflowTypeName ?? null,
    sessionId: session?.sessionId ?? null,
  };
}

/** `RuntimeMetrics`. `frequency` is left out: neither the seed nor the OpenAPI says what it measures. */
export function metricsDto(s: SchedulerState, now: number): Record<string, unknown> {
  const uptimeSeconds = Math.floor((now - s.startedAt) / 1000);
  const { completed, faulted, durationMs } = s.totals;
  return {
    runningJobs: s.inFlight.length,
    waitingJobs: s.session?.queue.length ?? 0,
    completedJobs: completed,
    faultedJobs: faulted,
    averageJobDuration: completed > 0 ? Math.round(durationMs / completed) : 0,
    jobsPerHour: uptimeSeconds > 0 ? Math.round((completed * 3600) / uptimeSeconds) : 0,
    uptimeSeconds,
  };
}

/** `WorkflowInstanceSummaryModel`: Elsa's view of the workflow instance that runs a job. */
export function instanceSummary(job: Job): Record<string, unknown> {
  return {
    id: job.workflowInstanceId,
    definitionId: WORKFLOW_NAME,
    definitionVersionId: `${WORKFLOW_NAME}:1`,
    tenantId: null,
    version: 1,
    workflowStatus: job.status === 'Suspended' ? 'Suspended' : 'Running',
    correlationId: job.correlationId,
    contextType: 'JobInstance',
    contextId: String(job.instanceId),
    name: WORKFLOW_NAME,
    createdAt: iso(job.createdAt),
    lastExecutedAt: iso(job.updatedAt),
    finishedAt: null,
    cancelledAt: null,
    faultedAt: null,
    metadata: { jobId: job.jobId, batchId: job.batchId },
  };
}

/** `ResumeItem`: a workflow suspended with a recoverable error, which `resume` would retry. */
export function resumeItem(job: Job): Record<string, unknown> {
  return {
    jobInstanceId: job.instanceId,
    jobId: job.jobId,
    correlationId: job.correlationId,
    workflowInstanceId: job.workflowInstanceId,
    errorCode: job.suspendedWith ?? job.errorCode,
  };
}

/**
 * AIDA 1.6 `JobInstanceDto` of GET job-instances/suspended: every job suspended now, whether it waits for Resume
 * (its error code says why) or for an external signal (NoErrors).
 */
export function suspendedJob(job: Job, sessionId: string | undefined): Record<string, unknown> {
  return { ...jobInstance(job, sessionId), errorCodes: job.suspendedWith ?? job.errorCode };
}

/** AIDA 1.6 `MachineStatusDto`: what the machine's sensors say now, whatever the scheduler made of it. */
export function machineStatusDto(s: SchedulerState, world: Readonly<PhysicalWorld>, now: number): Record<string, unknown> {
  const moving = s.suspension === undefined && s.inFlight.some((j) => j.status === 'Running');
  return {
    // Positions are not modelled; the transport stands still while a suspension holds the line.
    transport: {
      isExecutingCommand: moving,
      modules: [
        {
          moduleId: 1,
          serialNumber: 'TR-SIM-1',
          moduleStatus: world.jammed ? 'CardJam' : moving ? 'Busy' : 'Ready',
          moduleType: 'Transport',
          photoSensors: [],
        },
      ],
      occupiedPositions: [],
      feeders: feederStates(world),
    },
    laserBoards: laserBoards(world),
    hasOpenInterlocks: world.coverOpen,
    allFeedersEmpty: world.cardsInFeeder === 0,
    schedulerStatus: stateDto(s, now)['status'],
  };
}

/** The version the simulator reports for each API it can play. */
export const SIMULATED_VERSIONS = { '1.0': '1.0.721-rc.9+simulator', '1.6': '1.6.3+simulator' } as const;
export type SimulatedApiVersion = keyof typeof SIMULATED_VERSIONS;

/** `SystemInfoDto`. The model names are the simulator's own: no vendor document lists the values systemModel takes. */
export function systemInfoDto(machine: SimulatedMachine, kind: MachineKind, version: SimulatedApiVersion): Record<string, unknown> {
  return {
    serialNumber: machine.machineSerial,
    systemModel: kind === 'desktop' ? 'AIDA mini (simulated)' : 'AIDA box (simulated)',
    ipAddress: '127.0.0.1',
    serverVersion: SIMULATED_VERSIONS[version],
  };
}

/** `JobInstance`, as `resume` and the signal endpoint return them. */
export function jobInstance(job: Job, sessionId: string | undefined): Record<string, unknown> {
  return {
    id: job.instanceId,
    jobId: job.jobId,
    workflowInstanceId: job.workflowInstanceId,
    correlationId: job.correlationId,
    sessionId: sessionId ?? null,
    batchId: job.batchId,
    jobStatus: job.status,
    errorCodes: job.errorCode,
    createdAt: iso(job.createdAt),
    startedAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    finishedAt: iso(job.finishedAt),
    documentProduced: job.documentProduced,
  };
}
