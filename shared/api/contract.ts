import { z } from 'zod';
import { ALARM_METHODS, AlarmSummarySchema, AlertViewSchema } from './alerts';
import { BACKUP_METHODS, BackupEventSchema } from './backup';
import {
  AuditExportQuerySchema,
  AuditExportSchema,
  AuditPageSchema,
  AuditQuerySchema,
  DeliveryQuerySchema,
  DeliveryViewSchema,
  JobDetailSchema,
  PinRefusalPageSchema,
  PinRefusalQuerySchema,
} from './records';
import { keysetParams } from './paging';
import { FEED_METHODS, FeedsEventSchema } from './feeds';
import { HEALTH_METHODS } from './health';
import { AUDIT_METHODS } from './audit';
import { PRODUCTION_METHODS } from './production';
import { CredentialSchema, PEOPLE_METHODS, SessionEventSchema } from './people';
import type { Result } from './result';
import { SETTINGS_METHODS, SettingsEventSchema } from './settings';
import { STORAGE_METHODS } from './storage';
import { DecideSchema, InspectionPageQuerySchema, InspectionPageSchema, ReviewViewSchema } from './reviews';
import {
  CommandViewSchema,
  JobPageSchema,
  JobQuerySchema,
  JobViewSchema,
  MachineViewSchema,
  RebuildProgressSchema,
  SnapshotSchema,
  TrainingActionSchema,
  TrainingViewSchema,
  CommandKindSchema,
} from './views';

const MachineTarget = z.object({ machineId: z.string().min(1).max(100) }).strict();
/** `supervisor`: a supervisor's step-up at an operator's station (issue 13): a credential the core checks, never a name. */
const PinnedMachineTarget = z
  .object({ machineId: z.string().min(1).max(100), pin: z.string().max(64).optional(), supervisor: CredentialSchema.optional() })
  .strict();

/** What a start command may carry: the schema below enforces these, and the start form shows them on its fields. */
export const START_ISSUANCE_LIMITS = {
  machineIdLength: 100,
  jobTemplateNameLength: 200,
  /** Deprecated in AIDA 1.6; only AIDA 1.0 machines take it. */
  workflowTypeNameLength: 200,
  stopAfter: { min: 1, max: 100_000 },
  /** A float in AIDA's API, which says no more about it: any number from 0, decimals allowed, sent as given. */
  rejectedCardsThreshold: { min: 0, max: 100_000 },
  metadataNameLength: 200,
  metadataValueLength: 2000,
} as const;

const L = START_ISSUANCE_LIMITS;

/**
 * Whether a machine takes `workflowTypeName` in its start body: deprecated in AIDA 1.6, so not for a machine whose
 * `GET system/info` version is known to be 1.6 or later. An unknown version takes it (it is sent only when filled).
 */
export function takesWorkflowTypeName(aidaVersion: string | undefined): boolean {
  const match = /^\s*v?(\d+)\.(\d+)/.exec(aidaVersion ?? '');
  if (!match) return true;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major < 1 || (major === 1 && minor < 6);
}

export const StartIssuanceSchema = z
  .object({
    machineId: z.string().min(1).max(L.machineIdLength),
    jobTemplateName: z.string().max(L.jobTemplateNameLength).optional(),
    workflowTypeName: z.string().trim().min(1).max(L.workflowTypeNameLength).optional(),
    stopAfter: z.number().int().min(L.stopAfter.min).max(L.stopAfter.max).optional(),
    dryRun: z.boolean().optional(),
    rejectedCardsThreshold: z.number().min(L.rejectedCardsThreshold.min).max(L.rejectedCardsThreshold.max).optional(),
    metadataFields: z.record(z.string().max(L.metadataNameLength), z.string().max(L.metadataValueLength)).optional(),
  })
  .strict();

/**
 * The ConsoleApi: every method the UI may call, with the schema of its argument and of its value. Both transports
 * (Electron IPC and the serve-mode WebSocket) validate arguments against these before the core sees them.
 */
export const CONSOLE_METHODS = {
  getSnapshot: { params: z.object({}).strict(), result: SnapshotSchema },
  listJobs: { params: JobQuerySchema.strict(), result: JobPageSchema },
  resume: { params: MachineTarget, result: CommandViewSchema },
  stop: { params: MachineTarget, result: CommandViewSchema },
  startIssuance: { params: StartIssuanceSchema, result: CommandViewSchema },
  /** Stop with running workflows cancelled: their cards are rejected. The UI confirms first. */
  abort: { params: PinnedMachineTarget, result: CommandViewSchema },
  /** The whole queue, and a page of the finished reviews (newest first; `before` is the previous page's `recentNext`). */
  listReviews: {
    params: z.object(keysetParams(10, 50)).strict(),
    result: z.object({
      queue: z.array(ReviewViewSchema),
      recent: z.array(ReviewViewSchema),
      recentTotal: z.number().int(),
      recentNext: z.number().int().optional(),
    }),
  },
  /** A read's inspections page by page: a review's view carries only the first few. */
  listReviewInspections: { params: InspectionPageQuerySchema, result: InspectionPageSchema },
  decide: { params: DecideSchema, result: CommandViewSchema },
  /** Open and closed alerts, newest first, a page at a time. */
  listAlertHistory: {
    params: z.object(keysetParams(50, 200)).strict(),
    result: z.object({ rows: z.array(AlertViewSchema), total: z.number().int(), next: z.number().int().optional() }),
  },
  retryCommand: {
    params: z.object({ commandId: z.number().int().positive(), supervisor: CredentialSchema.optional() }).strict(),
    result: CommandViewSchema,
  },
  acknowledgeAlert: { params: z.object({ alertId: z.number().int().positive() }).strict(), result: z.array(AlertViewSchema) },
  listAudit: { params: AuditQuerySchema, result: AuditPageSchema },
  exportAudit: { params: AuditExportQuerySchema, result: AuditExportSchema },
  /** Refused supervisor PINs, newest first: the audit trail beside the commands. */
  listPinRefusals: {
    params: PinRefusalQuerySchema,
    result: PinRefusalPageSchema,
  },
  getJobDetail: {
    params: z.object({ machineId: z.string().min(1).max(200), key: z.string().min(1).max(500) }).strict(),
    result: JobDetailSchema,
  },
  /** Of refused deliveries, also how many older ones were pruned to keep within the caps (webhook.rejectedDeliveries). */
  listDeliveries: {
    params: DeliveryQuerySchema,
    result: z.object({
      rows: z.array(DeliveryViewSchema),
      total: z.number().int(),
      next: z.number().int().optional(),
      pruned: z.number().int().min(0).optional(),
    }),
  },
  getDelivery: { params: z.object({ id: z.number().int().positive() }).strict(), result: DeliveryViewSchema },
  /** The trainee at a simulated machine: load cards, close the cover, clear a jam, choose the next scenario. */
  trainingAction: { params: TrainingActionSchema, result: TrainingViewSchema },
  ...FEED_METHODS,
  ...SETTINGS_METHODS,
  ...BACKUP_METHODS,
  ...STORAGE_METHODS,
  ...PEOPLE_METHODS,
  ...AUDIT_METHODS,
  ...PRODUCTION_METHODS,
  ...HEALTH_METHODS,
  ...ALARM_METHODS,
} as const;

export type MethodName = keyof typeof CONSOLE_METHODS;
export const METHOD_NAMES = Object.keys(CONSOLE_METHODS) as MethodName[];
export type ParamsOf<M extends MethodName> = z.input<(typeof CONSOLE_METHODS)[M]['params']>;
export type ValidParamsOf<M extends MethodName> = z.output<(typeof CONSOLE_METHODS)[M]['params']>;
export type ValueOf<M extends MethodName> = z.output<(typeof CONSOLE_METHODS)[M]['result']>;

export type ConsoleApi = { [M in MethodName]: (params: ParamsOf<M>) => Promise<Result<ValueOf<M>>> };

/** Pushed from the core to every connected UI. */
export const ConsoleEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('machines'), machines: z.array(MachineViewSchema) }),
  z.object({ type: z.literal('jobs'), jobs: z.array(JobViewSchema) }),
  z.object({ type: z.literal('commands'), commands: z.array(CommandViewSchema) }),
  z.object({ type: z.literal('training'), training: TrainingViewSchema }),
  SettingsEventSchema,
  BackupEventSchema,
  FeedsEventSchema,
  /** Sent to the one connection whose session changed, never broadcast. */
  SessionEventSchema,
  z.object({ type: z.literal('reviews'), queue: z.array(ReviewViewSchema) }),
  /** `summary`: the shelved count and the flood; always sent by the core. */
  z.object({ type: z.literal('alerts'), active: z.array(AlertViewSchema), summary: AlarmSummarySchema.optional() }),
  z.object({ type: z.literal('deliveries'), rejectedTotal: z.number().int() }),
  /** The audit trail gained a row that is not a command: a refused PIN or call, a settings change, a sign-in… */
  z.object({ type: z.literal('audit') }),
  /** A rebuild of the projections went on (progress), or ended (null). */
  z.object({ type: z.literal('projection'), rebuilding: RebuildProgressSchema.nullable() }),
]);
export type ConsoleEvent = z.infer<typeof ConsoleEventSchema>;

/** What the renderer holds: the API plus a subscription to pushed events. */
export interface ConsoleClient extends ConsoleApi {
  onEvent(listener: (event: ConsoleEvent) => void): () => void;
  /** Connection state of the transport, for the "console disconnected" banner. */
  onConnection(listener: (connected: boolean) => void): () => void;
}

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(CONSOLE_METHODS, name);
}

export { CommandKindSchema };
