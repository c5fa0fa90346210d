import { z } from 'zod';

export const BackupResultSchema = z.enum(['running', 'unchecked', 'ok', 'failed']);

/** The console's copies of its database: where they go, the last one, and what its check found. */
export const BackupStatusSchema = z.object({
  dir: z.string(),
  keep: z.number().int(),
  /** The backup folder is on the same disk as the data: a failing disk takes both (a warning for IT). */
  sameDisk: z.boolean(),
  /** A backup is being made or checked now. */
  running: z.boolean(),
  last: z
    .object({
      file: z.string(),
      reason: z.enum(['daily', 'manual', 'migration']),
      startedAt: z.string(),
      finishedAt: z.string().optional(),
      bytes: z.number().int().optional(),
      result: BackupResultSchema,
      /** What the integrity check found, or why the copy failed. */
      detail: z.string().optional(),
    })
    .optional(),
  /** When the newest backup whose check passed was made. */
  lastGoodAt: z.string().optional(),
  /** When the next daily backup is due. */
  nextAt: z.string().optional(),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

export const BACKUP_METHODS = {
  getBackupStatus: { params: z.object({}).strict(), result: BackupStatusSchema },
  /** IT's "Back up now": resolves once the copy is written and checked (a failed one too: its status says so). */
  backUpNow: { params: z.object({}).strict(), result: BackupStatusSchema },
} as const;

export const BackupEventSchema = z.object({ type: z.literal('backup'), backup: BackupStatusSchema });
