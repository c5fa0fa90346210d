import { z } from 'zod';

const Days = z.number().int().min(1).max(36_500);

/** The config file's `retention` section. */
export const RetentionConfigSchema = z
  .object({
    /** Days a job, a message, a delivery stays in the live file before it moves to the year's archive (default 90). */
    days: Days.optional(),
    /** Overrides `days` for jobs with their messages, deliveries, reviews and commands (and machine-level messages). */
    jobsDays: Days.optional(),
    /** Overrides `days` for refused deliveries and repeats. */
    refusedDeliveriesDays: Days.optional(),
    /** Overrides `days` for closed alerts (the alert history). */
    alertHistoryDays: Days.optional(),
    /**
     * Days before OCR and other read texts, identity-verification answers and the raw bodies that carried them are
     * redacted, in the live file, the archives and the backups. Unset: kept as long as their rows.
     */
    personalDataDays: Days.optional(),
  })
  .strict();
export type RetentionConfig = z.infer<typeof RetentionConfigSchema>;

/** Retention as resolved: days per kind. */
export interface RetentionSettings {
  days: number;
  jobsDays: number;
  refusedDeliveriesDays: number;
  alertHistoryDays: number;
  personalDataDays: number | undefined;
}

export const DEFAULT_RETENTION_DAYS = 90;

export function resolveRetention(file: RetentionConfig | undefined): RetentionSettings {
  const days = file?.days ?? DEFAULT_RETENTION_DAYS;
  return {
    days,
    jobsDays: file?.jobsDays ?? days,
    refusedDeliveriesDays: file?.refusedDeliveriesDays ?? days,
    alertHistoryDays: file?.alertHistoryDays ?? days,
    personalDataDays: file?.personalDataDays,
  };
}
