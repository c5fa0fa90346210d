import { z } from 'zod';
import { CodedTextSchema } from './coded-text';
import { RoleSchema } from './people';
import { AuditExportSchema } from './records';

/**
 * The audit trail beside the commands (issue 13): settings changes, account changes, sign-in and sign-out, refused
 * calls, alert acknowledgements and the silenced reminder, each naming the person, their role and the station.
 */
export const AuditEventKindSchema = z.enum([
  'setting',
  /** Sign-in, sign-out, a failed PIN, a change to an account: `detail` says which. */
  'account',
  'refused',
  'alert-acknowledged',
  /** A notice-type alert taken out of the band for a while, with the reason (`detail`), or put back early. */
  'alert-shelved',
  'alert-unshelved',
  /** The alarm sounds tested at the start of a shift. */
  'alarm-tested',
  'sound-silenced',
]);
export type AuditEventKind = z.infer<typeof AuditEventKindSchema>;

export const AuditEventViewSchema = z.object({
  /** Unique across the two tables the trail reads (accounts' events and the others). */
  id: z.string(),
  at: z.string(),
  kind: AuditEventKindSchema,
  /** The person's name; on an open station or signed out, the operating-system user. */
  actor: z.string(),
  accountId: z.number().int().optional(),
  role: RoleSchema.optional(),
  station: z.string(),
  /** Who was signed in at the station when another person (a supervisor's step-up) acted there. */
  signedIn: z.string().optional(),
  /** The ConsoleApi method, for a refusal. */
  method: z.string().optional(),
  /** What it was about: a setting's key, an account's name, an alert. */
  subject: z.string().optional(),
  /** A setting's value before and after; a secret's are never shown, only that it changed. */
  oldValue: z.string().optional(),
  newValue: z.string().optional(),
  /** In words: the reason of a refusal, what changed on an account; in English, or as written before codes. */
  detail: z.string().optional(),
  /** The detail as a catalog code, for the reader's language (rows written before migration 17 have none). */
  detailText: CodedTextSchema.optional(),
  /** The same refusal again with nothing in between: how many more times, and the last. */
  repeats: z.number().int().optional(),
  lastAt: z.string().optional(),
});
export type AuditEventView = z.infer<typeof AuditEventViewSchema>;

/**
 * What the export takes: the filters on screen. Unlike `exportAudit`, no `includeArchive`: the archive takes neither
 * `audit_events` nor `account_events` (ARCHIVE_TABLES, archive-schema.ts), so these rows have no archived years.
 */
export const AuditEventExportQuerySchema = z
  .object({
    accountId: z.number().int().positive().optional(),
    kind: AuditEventKindSchema.optional(),
    /** Matched literally within the actor's name. */
    actor: z.string().max(100).optional(),
    since: z.string().max(40).optional(),
    until: z.string().max(40).optional(),
  })
  .strict();
export type AuditEventExportQuery = z.output<typeof AuditEventExportQuerySchema>;

export const AuditEventQuerySchema = AuditEventExportQuerySchema.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
}).strict();
export type AuditEventQuery = z.input<typeof AuditEventQuerySchema>;

export const AuditEventPageSchema = z.object({ rows: z.array(AuditEventViewSchema), total: z.number().int() });

/** The audit methods of the ConsoleApi beside `listAudit` / `exportAudit` (the commands). */
export const AUDIT_METHODS = {
  listAuditEvents: { params: AuditEventQuerySchema, result: AuditEventPageSchema },
  exportAuditEvents: { params: AuditEventExportQuerySchema, result: AuditExportSchema },
  /** The station silenced its local reminder sound: recorded, whoever (even nobody signed in) did it. */
  silenceReminder: { params: z.object({ alertIds: z.array(z.number().int().positive()).max(1000) }).strict(), result: z.object({}) },
} as const;
