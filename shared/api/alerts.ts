import { z } from 'zod';

export const AlertKindSchema = z.enum(['suspension', 'stopped', 'silence', 'unreachable', 'encoder-wait', 'message-conflict', 'api-refused', 'scheduler-error']);
export type AlertKind = z.infer<typeof AlertKindSchema>;

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
