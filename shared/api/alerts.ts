import { z } from 'zod';

export const AlertKindSchema = z.enum([
  'suspension',
  'stopped',
  'silence',
  'unreachable',
  'encoder-wait',
  'message-conflict',
  'api-refused',
  'scheduler-error',
  /** The console's own: free space on its data volume runs low (machineId is CONSOLE_SUBJECT). */
  'disk-low',
  /** The console's own: its last backup failed (copy or integrity check). */
  'backup-failed',
  /** The console's own: no good backup for over a day while it runs. */
  'backup-stale',
]);
export type AlertKind = z.infer<typeof AlertKindSchema>;

/** The machineId of an alert about the console itself, not a machine (no configured machine id is empty). */
export const CONSOLE_SUBJECT = '';

/** Something a person must see: raised by the core, closed by the machine's own reports (or acknowledged). */
export const AlertViewSchema = z.object({
  id: z.number().int(),
  machineId: z.string(),
  machineLabel: z.string(),
  kind: AlertKindSchema,
  code: z.string().optional(),
  title: z.string(),
  text: z.string(),
  action: z.string().optional(),
  openedAt: z.string(),
  closedAt: z.string().optional(),
  closedReason: z.string().optional(),
  /** Who acted while it was open, and what they did, oldest first. */
  actions: z.array(z.object({ at: z.string(), actor: z.string(), what: z.string(), state: z.string() })),
});
export type AlertView = z.infer<typeof AlertViewSchema>;

/**
 * Something that keeps webhooks from arriving, found when the console started: a listener that could not open (a
 * port in use, TLS files it cannot read) or an allow-list that admits no address. Shown on every screen for as long
 * as the console runs; fixing the configuration and restarting clears it.
 */
export const ListenerAlertViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  /** What to do about it, in one sentence. */
  action: z.string(),
});
export type ListenerAlertView = z.infer<typeof ListenerAlertViewSchema>;
