import { z } from 'zod';

/** The store on disk: what the settings screen and the machine panel show IT. */
export const StorageViewSchema = z.object({
  /** The live database (with its WAL). */
  liveBytes: z.number().int().min(0),
  /** Every year's archive beside it, oldest first. */
  archives: z.array(z.object({ year: z.number().int(), bytes: z.number().int().min(0) })),
  /** Live and archives together. */
  totalBytes: z.number().int().min(0),
  /** The day (YYYY-MM-DD, UTC) of the oldest message still in the live file; absent when the log is empty. */
  oldestLiveDay: z.string().optional(),
  /** Free space on the data volume; absent when it cannot be read. */
  freeBytes: z.number().int().min(0).optional(),
  /** How many days rows stay live (retention.days), and personal data (retention.personalDataDays) when it expires. */
  retentionDays: z.number().int(),
  personalDataDays: z.number().int().optional(),
});
export type StorageView = z.infer<typeof StorageViewSchema>;

export const STORAGE_METHODS = {
  getStorage: { params: z.object({}).strict(), result: StorageViewSchema },
} as const;
