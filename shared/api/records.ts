import { z } from 'zod';
import { keysetParams } from './paging';
import { CommandKindSchema, CommandStateSchema, CommandViewSchema, JobViewSchema } from './views';

/** One message in a job's timeline, as stored. */
export const TimelineEntrySchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  receivedAt: z.string(),
  /** The normalised message the console acted on. */
  message: z.unknown(),
  /** The body exactly as it arrived, when it came as a webhook. */
  raw: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const JobDetailSchema = z.object({
  job: JobViewSchema,
  timeline: z.array(TimelineEntrySchema),
  /** Jobs AIDA cancelled because of this job's critical error (their SourceJobInstanceId names it). */
  cancelledJobs: z.array(JobViewSchema),
});
export type JobDetail = z.infer<typeof JobDetailSchema>;

export const DeliveryOutcomeSchema = z.enum(['accepted', 'duplicate', 'rejected']);

export const DeliveryViewSchema = z.object({
  id: z.number().int(),
  receivedAt: z.string(),
  source: z.string(),
  remoteAddr: z.string().optional(),
  outcome: DeliveryOutcomeSchema,
  httpStatus: z.number().int(),
  reason: z.string().optional(),
  bodyLength: z.number().int(),
  /** Bytes of the body the log kept: fewer than `bodyLength` for a body too large, or refused unauthenticated. */
  bodyKept: z.number().int().optional(),
  /** The first bytes of the body as text (the whole kept body in getDelivery). */
  body: z.string(),
  headers: z.record(z.string(), z.string()),
});
export type DeliveryView = z.infer<typeof DeliveryViewSchema>;

export const DeliveryQuerySchema = z
  .object({
    outcome: DeliveryOutcomeSchema.optional(),
    before: z.number().int().optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/** Which commands of the audit trail: the filters a person sets, for the page on screen and for the export alike. */
export const AuditFilterSchema = z
  .object({
    machineId: z.string().max(100).optional(),
    kind: CommandKindSchema.optional(),
    state: CommandStateSchema.optional(),
    actor: z.string().max(100).optional(),
    /** One person's commands: their account (issue 13). */
    accountId: z.number().int().positive().optional(),
    since: z.string().max(40).optional(),
    until: z.string().max(40).optional(),
  })
  .strict();
export type AuditFilter = z.input<typeof AuditFilterSchema>;

/** `before` (a command id, the page's `next`) keeps "Show more" in place while commands are added. */
export const AuditQuerySchema = AuditFilterSchema.extend({
  before: z.number().int().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
}).strict();
export type AuditQuery = z.input<typeof AuditQuerySchema>;

/** `totalCapped`: at least `total` commands match; the core stops counting there ("10,000+"). */
export const AuditPageSchema = z.object({
  rows: z.array(CommandViewSchema),
  total: z.number().int(),
  totalCapped: z.boolean().optional(),
  next: z.number().int().optional(),
});

/** The export takes the filters on screen; with `includeArchive`, the archived years' commands follow the live ones. */
export const AuditExportQuerySchema = AuditFilterSchema.extend({ includeArchive: z.boolean().optional() }).strict();
export type AuditExportQuery = z.output<typeof AuditExportQuerySchema>;

/**
 * Where the export went. The served page gets an address to download (the CSV is streamed as it is read); the app
 * asks where to save and writes the file itself; a person who closed the save dialog has `cancelled`.
 */
export const AuditExportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('download'), filename: z.string(), url: z.string() }),
  z.object({ kind: z.literal('saved'), filename: z.string(), path: z.string(), rows: z.number().int() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type AuditExport = z.infer<typeof AuditExportSchema>;

/**
 * A supervisor PIN the console refused (wrong or missing), for the audit trail beside the commands. After each, the
 * console made everyone wait before the next try; `waited` counts the attempts refused unchecked meanwhile.
 */
export const PinRefusalViewSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** What the PIN was for: Abort on a machine, a decision on a review, or shelving (or unshelving) an alert on a machine. */
  action: z.enum(['abort', 'decide', 'shelve']),
  machineId: z.string().optional(),
  reviewId: z.number().int().optional(),
  /** The decision asked for (Completed, Faulted, Canceled). */
  outcome: z.string().optional(),
  reason: z.enum(['wrong', 'missing']),
  /** How long the next try had to wait after this refusal. */
  waitMs: z.number().int(),
  waited: z.number().int(),
  lastAt: z.string(),
});
export type PinRefusalView = z.infer<typeof PinRefusalViewSchema>;

export const PinRefusalPageSchema = z.object({ rows: z.array(PinRefusalViewSchema), total: z.number().int(), next: z.number().int().optional() });

export const PinRefusalQuerySchema = z.object({ offset: z.number().int().min(0).default(0), ...keysetParams(20, 500) }).strict();
