import { z } from 'zod';
import { AlarmSummarySchema, AlertViewSchema, ListenerAlertViewSchema } from './alerts';
import { CodedTextSchema } from './coded-text';
import { JobVerificationSchema } from './feeds';
import { MachineHealthViewSchema } from './machine-health';
import { RoleSchema as PersonRoleSchema } from './people';
import { ReviewViewSchema } from './reviews';

/** What the UI shows. Built by the core's projections; the renderer never sees raw store rows. */

export const MachineKindSchema = z.enum(['box', 'desktop']);
export type MachineKind = z.infer<typeof MachineKindSchema>;

export const SchedulerStateSchema = z.enum(['unknown', 'running', 'stopping', 'stopped', 'suspended']);
export type SchedulerState = z.infer<typeof SchedulerStateSchema>;

/** A suspension: the page says its code (an AIDA job error code, or ReasonUnknown) in the viewer's language. */
export const SuspensionSchema = z.object({
  code: z.string(),
  since: z.string(),
  /** False for a card jam on a desktop machine: it cannot be resumed, only stopped. */
  resumable: z.boolean(),
  /** Why Resume is refused when it is not resumable: the core's reason, as a catalog key the page words. */
  resumeRefusal: CodedTextSchema.optional(),
  /**
   * What the machine's own status (AIDA 1.6 `GET machine/status`, read after the suspension began) says about it:
   * "cover now closed: press Resume", a catalog key. It confirms or annotates; it never closes a suspension.
   */
  machineNote: CodedTextSchema.optional(),
});
export type Suspension = z.infer<typeof SuspensionSchema>;

/** How the machine's REST API answered the console's last poll. */
export const ApiStateSchema = z.enum(['answers', 'unreachable', 'refused']);
export type ApiState = z.infer<typeof ApiStateSchema>;

/** What the console knows of a machine's REST API: whether it answers, and what it found out by calling it. */
export const MachineApiSchema = z.object({
  /** `refused`: the machine answers but refuses the console's credentials, or asks for some and none are set. */
  state: ApiStateSchema,
  /** Why, in words, when it is refused or unreachable. */
  detail: z.string().optional(),
  /** The machine has no token endpoint (an AIDA mini, or a 404 / 405 there): calls are sent without a token. */
  noTokenEndpoint: z.boolean().optional(),
  /** Whether it offers AIDA 1.6's `GET machine/status`; absent until asked. */
  offers16: z.boolean().optional(),
  /** `GET system/info` as sent: serverVersion, systemModel, serialNumber. */
  version: z.string().optional(),
  model: z.string().optional(),
  serial: z.string().optional(),
});
export type MachineApi = z.infer<typeof MachineApiSchema>;

/** A scheduler that reports `status: "Error"` in `GET …/state`: its error codes (the page says them) and its details as sent. */
export const SchedulerErrorSchema = z.object({
  errors: z.array(z.object({ code: z.string() })),
  details: z.string().optional(),
  since: z.string(),
});
export type SchedulerError = z.infer<typeof SchedulerErrorSchema>;

/** AIDA 1.6 `GET machine/status`, as last read. */
export const MachineReportSchema = z.object({
  at: z.string(),
  hasOpenInterlocks: z.boolean().optional(),
  allFeedersEmpty: z.boolean().optional(),
  schedulerStatus: z.string().optional(),
});
export type MachineReport = z.infer<typeof MachineReportSchema>;

export const MachineViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: MachineKindSchema,
  /** Unknown machines (messages matched to no configured machine) have no API to act on. */
  actionable: z.boolean(),
  scheduler: SchedulerStateSchema,
  schedulerSince: z.string().optional(),
  stopReason: z.string().optional(),
  suspension: SuspensionSchema.optional(),
  lastMessageAt: z.string().optional(),
  lastHealthCheckAt: z.string().optional(),
  /** Whether the machine's REST API answered the last poll; absent before the first poll. */
  apiReachable: z.boolean().optional(),
  lastPolledAt: z.string().optional(),
  /** GET …/metrics as the machine reports it: jobsPerHour, running, faulted… */
  metrics: z.record(z.string(), z.number()).optional(),
  /** How its API answered, and what the console detected; absent before the first poll. */
  api: MachineApiSchema.optional(),
  schedulerError: SchedulerErrorSchema.optional(),
  machineReport: MachineReportSchema.optional(),
  /** `GET system/status` and, on AIDA 1.6 box systems, `GET machine/status`, in full: absent before the first read. */
  health: MachineHealthViewSchema.optional(),
});
export type MachineView = z.infer<typeof MachineViewSchema>;

/** One run of a job under one workflow instance. */
export const AttemptViewSchema = z.object({
  workflowInstanceId: z.string().optional(),
  status: z.string(),
  errorCode: z.string().optional(),
  /** A source's own words for an error code that is not AIDA's; the page says AIDA's codes in the viewer's language. */
  errorText: z.string().optional(),
  documentProduced: z.boolean().optional(),
  destructiveOperationExecuted: z.boolean().optional(),
  lastMessageType: z.string(),
  stateSince: z.string(),
  updatedAt: z.string(),
});
export type AttemptView = z.infer<typeof AttemptViewSchema>;

/** A job: what it is (its ids, batch, source), and what its latest run (attempt) did. */
export const JobViewSchema = AttemptViewSchema.extend({
  /** Which system the job belongs to: `aida`, or another webhook source such as a card printer. */
  source: z.string(),
  machineId: z.string(),
  key: z.string(),
  jobId: z.string().optional(),
  correlationId: z.string().optional(),
  batchId: z.string().optional(),
  sourceJobInstanceId: z.string().optional(),
  /** How many other jobs AIDA cancelled because of this job's critical error. */
  cancelledCount: z.number().int().optional(),
  /**
   * For a job cancelled by another job's error: whether this console knows that job (the job is then listed under it).
   * False: it is listed on its own, "cancelled by job instance … (not seen by this console)".
   */
  sourceJobSeen: z.boolean().optional(),
  /** Every run of the job, oldest first, when it ran more than once; the fields above are the latest run's. */
  attempts: z.array(AttemptViewSchema).optional(),
  /** The identity verification of the job's applicant, linked by CorrelationId or AdditionalMetadata. */
  verification: JobVerificationSchema.optional(),
  /**
   * When the console first saw the job, as an order (greater is newer): the queue's order. A job pushed as changed
   * with a greater one than the queue's top is new, and goes on top; a lesser one keeps its place. In queue reads and
   * job events, not in a detail.
   */
  firstSeen: z.number().int().optional(),
});
export type JobView = z.infer<typeof JobViewSchema>;

export const JobQuerySchema = z.object({
  machineId: z.string().max(200).optional(),
  status: z.string().max(100).optional(),
  search: z.string().max(200).optional(),
  batchId: z.string().max(200).optional(),
  source: z.string().max(50).optional(),
  /** Jobs cancelled by another job's critical error are listed under that job, not among the others. */
  groupCancelled: z.boolean().optional(),
  /** The archived years' jobs follow the live ones (older, so after them), read from the archive files. */
  includeArchive: z.boolean().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type JobQuery = z.input<typeof JobQuerySchema>;

/** A search counts its matches up to this many: past it the queue says "10,000+" (and lists the newest 10,000). */
export const JOB_COUNT_CAP = 10_000;

export const JobPageSchema = z.object({
  rows: z.array(JobViewSchema),
  total: z.number().int(),
  /** The search matches more than `total` (JOB_COUNT_CAP) jobs: counting stopped there. */
  capped: z.boolean().optional(),
  offset: z.number().int(),
});
export type JobPage = z.infer<typeof JobPageSchema>;

export const CommandKindSchema = z.enum(['resume', 'stop', 'abort', 'start', 'signal']);
export type CommandKind = z.infer<typeof CommandKindSchema>;

export const CommandStateSchema = z.enum(['queued', 'sent', 'acknowledged', 'failed']);
export type CommandState = z.infer<typeof CommandStateSchema>;

export const RoleSchema = z.enum(['operator', 'supervisor', 'automatic']);
export type Role = z.infer<typeof RoleSchema>;

export const CommandViewSchema = z.object({
  id: z.number().int(),
  machineId: z.string(),
  kind: CommandKindSchema,
  state: CommandStateSchema,
  /** Who: OS user at station, or the console itself for automatic decisions. */
  actor: z.string(),
  role: RoleSchema,
  attempts: z.number().int(),
  /** The review a signal answers. */
  reviewId: z.number().int().optional(),
  /** What was sent (outcome, reason, stop flags...). */
  payload: z.unknown(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** AIDA's answer (HTTP status and body) or why the call could not be made, in English as stored. */
  outcome: z.string().optional(),
  /** The outcome as a code and parameters, shown in the viewer's language (absent on rows stored before: `outcome`). */
  outcomeText: CodedTextSchema.optional(),
  /**
   * When a backup was restored while this command was unsettled: it is not sent until the machine's list of suspended
   * jobs, or a newer message, settles it ("restored: check at the machine").
   */
  restoredAt: z.string().optional(),
  /** The signed-in person who decided (absent on an open station, for automatic actions, and on rows before accounts). */
  accountId: z.number().int().optional(),
  accountRole: PersonRoleSchema.optional(),
  /** The station it was done at (absent on rows before accounts). */
  station: z.string().optional(),
  /** A supervisor's step-up: who was signed in at the station where the supervisor approved. */
  signedIn: z.string().optional(),
});
export type CommandView = z.infer<typeof CommandViewSchema>;

/** A scripted exercise the training simulator can play. */
export const TrainingScenarioSchema = z.object({
  /** Its title, what happens and the trainee's task are the catalog's `scenarios:<id>.…`, in the viewer's language. */
  id: z.string(),
  /** The numbers those texts cite: which card an incident happens to. */
  textParams: z.record(z.string(), z.number()).optional(),
  /** The machine it plays: a desktop system cannot recover from a card jam. */
  kind: MachineKindSchema,
});
export type TrainingScenario = z.infer<typeof TrainingScenarioSchema>;

/** One simulated machine as the trainee stands at it: what only a person at the machine can see and change. */
export const TrainingMachineSchema = z.object({
  machineId: z.string(),
  label: z.string(),
  kind: MachineKindSchema,
  scenarioId: z.string(),
  /** The simulated scheduler's own state: Stopped, Running, Suspended or Stopping. */
  scheduler: z.string(),
  cardsInFeeder: z.number().int(),
  coverOpen: z.boolean(),
  jammed: z.boolean(),
  /** The print cartridge reads low: the machine warns before a stop, until the trainee changes it. */
  cartridgeLow: z.boolean(),
});
export type TrainingMachine = z.infer<typeof TrainingMachineSchema>;

export const TrainingViewSchema = z.object({
  /** Machine time runs this many times faster than real time. */
  speed: z.number(),
  /** Cards in a run when Start names no count. */
  cardsPerBatch: z.number().int(),
  scenarios: z.array(TrainingScenarioSchema),
  machines: z.array(TrainingMachineSchema),
});
export type TrainingView = z.infer<typeof TrainingViewSchema>;

/** What the trainee does at a simulated machine. */
export const TrainingActionSchema = z.discriminatedUnion('action', [
  z.object({ machineId: z.string().min(1).max(100), action: z.literal('load-cards'), count: z.number().int().min(1).max(1000) }).strict(),
  z.object({ machineId: z.string().min(1).max(100), action: z.literal('close-cover') }).strict(),
  z.object({ machineId: z.string().min(1).max(100), action: z.literal('clear-jam') }).strict(),
  z.object({ machineId: z.string().min(1).max(100), action: z.literal('change-cartridge') }).strict(),
  z.object({ machineId: z.string().min(1).max(100), action: z.literal('select-scenario'), scenarioId: z.string().min(1).max(100) }).strict(),
]);
export type TrainingAction = z.infer<typeof TrainingActionSchema>;

/** How far a rebuild of the projections from the event log has come (after an upgrade that changed how events fold). */
export const RebuildProgressSchema = z.object({ done: z.number().int(), total: z.number().int() });
export type RebuildProgress = z.infer<typeof RebuildProgressSchema>;

export const SnapshotSchema = z.object({
  mode: z.enum(['training', 'live']),
  station: z.string(),
  webhookUrl: z.string(),
  machines: z.array(MachineViewSchema),
  commands: z.array(CommandViewSchema),
  reviews: z.array(ReviewViewSchema),
  alerts: z.array(AlertViewSchema),
  /** The shelved count and the flood, as the `alerts` event carries them; always sent by the core. */
  alarmSummary: AlarmSummarySchema.optional(),
  rejectedTotal: z.number().int(),
  /** Whether Approve, Reject and Abort ask for the supervisor PIN. */
  pinRequired: z.boolean(),
  confidenceThreshold: z.number(),
  training: TrainingViewSchema.optional(),
  /** Present while the job list and machine states are rebuilt from the log: what the screens show is partial. */
  rebuilding: RebuildProgressSchema.optional(),
  /** What keeps webhooks from arriving since the start (a listener that could not open, an allow-list admitting no one). */
  listenerAlerts: z.array(ListenerAlertViewSchema).optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
