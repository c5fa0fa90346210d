import { z } from 'zod';
import { AlertRulesSchema } from '../idv/alert-rules';
import { keysetPageSchema, keysetParams } from './paging';

/**
 * Views of the two webhook sources beside AIDA: RapIDadmin / EliteID (people, credentials, print jobs) and identity
 * verification. Built by the core; the renderer never sees stored rows.
 */

/** One field as it arrived, flattened to a dotted name: undocumented payloads are shown whole, generically. */
export const FieldViewSchema = z.object({ name: z.string(), value: z.string() });
export type FieldView = z.infer<typeof FieldViewSchema>;

const MAX_FIELDS = 200;

/** Every leaf of a JSON value as `name: value` text, in arrival order (at most MAX_FIELDS). */
export function flattenFields(value: unknown, prefix = ''): FieldView[] {
  const out: FieldView[] = [];
  const walk = (v: unknown, name: string) => {
    if (out.length >= MAX_FIELDS) return;
    if (v !== null && typeof v === 'object') {
      const entries = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x] as const) : Object.entries(v);
      if (entries.length === 0) out.push({ name: name || '(body)', value: Array.isArray(v) ? '[]' : '{}' });
      for (const [k, x] of entries) walk(x, k.startsWith('[') ? `${name}${k}` : name ? `${name}.${k}` : k);
      return;
    }
    out.push({ name: name || '(body)', value: v === null ? 'null' : String(v) });
  };
  walk(value, prefix);
  return out;
}

export const ActivityKindSchema = z.enum(['person', 'credential', 'printJob', 'unknown']);

export const ActivityEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  /** Canonical event name, or the header verbatim for an unknown event. */
  event: z.string(),
  known: z.boolean(),
  kind: ActivityKindSchema,
  /** One line in words: "Person created", "Card failed to print". */
  headline: z.string(),
  readable: z.boolean(),
  personId: z.string().optional(),
  idNumber: z.string().optional(),
  name: z.string().optional(),
  cardTemplateId: z.string().optional(),
  cardTemplateName: z.string().optional(),
  /** ISO, prox, facility and library numbers, with the previous value where the event carries one. */
  numbers: z.array(z.object({ label: z.string(), value: z.string(), previous: z.string().optional() })),
  /** What a Person.Updated changed against the last known record. */
  changes: z.array(z.object({ field: z.string(), from: z.string().optional(), to: z.string().optional() })).optional(),
  printJobKey: z.string().optional(),
  /** The documented sequence this event completed ("First print"), when it completed one. */
  sequence: z.string().optional(),
  /** The steps of the sequence so far, in words. */
  steps: z.array(z.string()).optional(),
  /** Why the sequence looks broken; shown, never a reason to refuse the event. */
  flags: z.array(z.string()),
  notes: z.array(z.string()),
  fields: z.array(FieldViewSchema),
  /** The body as it arrived, when it could not be read. */
  raw: z.string().optional(),
  /**
   * The same event and body arrived within 5 minutes of an earlier delivery (a replay, or a real event that looks
   * the same): the `count`-th repeat of the one at `firstSeq`. Kept and shown; it raises no alert of its own.
   */
  repeat: z.object({ count: z.number().int().min(1), firstSeq: z.number().int(), firstAt: z.string() }).optional(),
});
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>;

export const VerificationOutcomeSchema = z.enum(['passed', 'failed', 'expired', 'pending', 'unknown']);

export const LinkedJobSchema = z.object({
  source: z.string(),
  machineId: z.string(),
  key: z.string(),
  jobId: z.string().optional(),
  status: z.string(),
  /** How the job names the verification: its CorrelationId, or the configured AdditionalMetadata key. */
  via: z.string(),
});
export type LinkedJob = z.infer<typeof LinkedJobSchema>;

/** GetProcess's answer: its own PROCESS_RESULT_* vocabulary, shown as it came and never mixed with the webhook's. */
export const ProcessDetailsSchema = z.object({
  fetchedAt: z.string(),
  httpStatus: z.number().int().optional(),
  status: z.string().optional(),
  result: z.string().optional(),
  fields: z.array(FieldViewSchema),
  error: z.string().optional(),
});
export type ProcessDetails = z.infer<typeof ProcessDetailsSchema>;

export const VerificationViewSchema = z.object({
  processId: z.string(),
  /** Webhook vocabulary (PROCESS_STATE_*). */
  state: z.string().optional(),
  result: z.string().optional(),
  resultText: z.string().optional(),
  outcome: VerificationOutcomeSchema,
  flow: z.string().optional(),
  lastEvent: z.string().optional(),
  lastEventText: z.string().optional(),
  lastEventDescription: z.string().optional(),
  firstAt: z.string(),
  updatedAt: z.string(),
  deliveries: z.number().int(),
  alert: z.string().optional(),
  notes: z.array(z.string()),
  jobs: z.array(LinkedJobSchema),
  details: ProcessDetailsSchema.optional(),
});
export type VerificationView = z.infer<typeof VerificationViewSchema>;

/** What a job carries of its applicant's verification. */
export const JobVerificationSchema = z.object({
  processId: z.string(),
  outcome: VerificationOutcomeSchema,
  result: z.string().optional(),
  text: z.string(),
});
export type JobVerification = z.infer<typeof JobVerificationSchema>;

export const FeedAlertViewSchema = z.object({
  id: z.string(),
  source: z.enum(['rapidadmin', 'idv']),
  /** `refused`: deliveries are being refused because the endpoint has no credentials configured. */
  kind: z.enum(['print-failed', 'verification', 'refused']),
  title: z.string(),
  text: z.string(),
  at: z.string(),
  subject: z.string(),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
});
export type FeedAlertView = z.infer<typeof FeedAlertViewSchema>;

export const EndpointViewSchema = z.object({
  path: z.string(),
  urls: z.array(z.string()),
  /** How deliveries are authenticated. */
  auth: z.array(z.enum(['signature', 'api-key', 'basic'])),
  /**
   * With `auth` empty, what happens to a delivery: `refused` (401, the default), `accepted` (opted in: anyone who
   * reaches the port can post), `loopback-only` (training mode: accepted from this computer only).
   */
  unauthenticated: z.enum(['refused', 'accepted', 'loopback-only']),
});
export type EndpointView = z.infer<typeof EndpointViewSchema>;

export const FeedSettingsSchema = z.object({
  rapidadmin: EndpointViewSchema.extend({ printJobKey: z.string().optional() }),
  idv: EndpointViewSchema.extend({
    alertRules: AlertRulesSchema,
    /** The config file's rules, which "Reset" returns to. */
    configuredRules: AlertRulesSchema,
    rulesChangedAt: z.string().optional(),
    rulesChangedBy: z.string().optional(),
    getProcess: z.boolean(),
    linkMetadataKey: z.string().optional(),
    knownResults: z.array(z.object({ name: z.string(), text: z.string() })),
    knownEvents: z.array(z.object({ name: z.string(), text: z.string() })),
  }),
});
export type FeedSettings = z.infer<typeof FeedSettingsSchema>;

export const FeedsSnapshotSchema = z.object({
  settings: FeedSettingsSchema,
  /** The first page of each list, newest first; `…Next` reads the following page (`listActivity`, `listVerifications`). */
  activity: z.array(ActivityEntrySchema),
  activityNext: z.number().int().optional(),
  verifications: z.array(VerificationViewSchema),
  verificationsNext: z.number().int().optional(),
  alerts: z.array(FeedAlertViewSchema),
});
export type FeedsSnapshot = z.infer<typeof FeedsSnapshotSchema>;

export const FeedTopicSchema = z.enum(['activity', 'verifications', 'alerts', 'settings']);
export type FeedTopic = z.infer<typeof FeedTopicSchema>;

export const ProcessIdSchema = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'a process id has letters, digits, - and _ only');

/** Entries of each feed list per page (the snapshot's first page too). */
export const FEED_PAGE_SIZE = 50;

/** The feed methods of the ConsoleApi. */
export const FEED_METHODS = {
  getFeeds: { params: z.object({}).strict(), result: FeedsSnapshotSchema },
  /** Older activity than the snapshot's first page, a page at a time. */
  listActivity: { params: z.object(keysetParams(FEED_PAGE_SIZE, 200)).strict(), result: keysetPageSchema(ActivityEntrySchema) },
  /** Verifications reported less recently than the snapshot's first page, a page at a time. */
  listVerifications: { params: z.object(keysetParams(FEED_PAGE_SIZE, 200)).strict(), result: keysetPageSchema(VerificationViewSchema) },
  acknowledgeFeedAlert: { params: z.object({ id: z.string().min(1).max(300) }).strict(), result: FeedAlertViewSchema },
  /** `null` returns to the config file's rules. */
  setVerificationAlertRules: { params: z.object({ rules: AlertRulesSchema.nullable() }).strict(), result: FeedSettingsSchema },
  /** Calls the configured GetProcess for one received verification and keeps its answer. */
  fetchVerificationDetails: { params: z.object({ processId: ProcessIdSchema }).strict(), result: VerificationViewSchema },
} as const;

/** Something in the feeds changed: the UI fetches them again. */
export const FeedsEventSchema = z.object({ type: z.literal('feeds'), topics: z.array(FeedTopicSchema) });
