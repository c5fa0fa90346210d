import { z } from 'zod';

/**
 * The machine's own production figures beside the console's (issue 15, reconciliation), and the camera's picture beside
 * an OCR decision (evidence). Both are read from the machine on request, through the core.
 */

const Counts = z.object({ completed: z.number().int(), faulted: z.number().int() });

/** One AIDA 1.6 personalization session as the machine counts it, and what the console received over its time. */
export const SessionComparisonSchema = z.object({
  id: z.string(),
  jobTemplateName: z.string().optional(),
  start: z.string(),
  /** Absent while the session runs: the console's counts then run to now. */
  end: z.string().optional(),
  machine: Counts.extend({
    cardsProcessed: z.number().int().optional(),
    cardsPerHour: z.number().optional(),
  }),
  console: Counts,
  /** Machine minus console: more than 0 means messages the console never received (or not yet). */
  difference: Counts,
});
export type SessionComparison = z.infer<typeof SessionComparisonSchema>;

export const MachineSessionsSchema = z.object({
  machineId: z.string(),
  at: z.string(),
  /**
   * `not-offered`: the machine's API has no personalization sessions (an AIDA mini, AIDA before 1.6). `unreachable`:
   * it did not answer (`detail` says how).
   */
  state: z.enum(['read', 'not-offered', 'unreachable']),
  detail: z.string().optional(),
  /** Newest first. */
  sessions: z.array(SessionComparisonSchema),
  /** `last-30-days`: sessions per day, as sent. */
  days: z.array(z.object({ date: z.string(), count: z.number().int() })).optional(),
  /** `workflow-scheduler/metrics`, numbers as sent (since the machine's start). */
  metrics: z.record(z.string(), z.number()).optional(),
});
export type MachineSessions = z.infer<typeof MachineSessionsSchema>;

/** The camera's current frame, as a data URL (the page's CSP allows images only from itself and data:). */
export const ReviewSnapshotSchema = z.object({
  reviewId: z.number().int(),
  dataUrl: z.string(),
  /** When the console received it from the machine: the vendor does not say when the frame was taken. */
  takenAt: z.string(),
  /** Kept in the store (`review.keepSnapshots`), until the personal-data retention removes it. */
  stored: z.boolean(),
});
export type ReviewSnapshot = z.infer<typeof ReviewSnapshotSchema>;

export const HEALTH_METHODS = {
  /** AIDA's own totals per personalization session beside the console's counts over the same time. */
  machineSessions: { params: z.object({ machineId: z.string().min(1).max(100) }).strict(), result: MachineSessionsSchema },
  /** The camera's picture now, for an OCR review: on request only. */
  reviewSnapshot: { params: z.object({ reviewId: z.number().int().positive() }).strict(), result: ReviewSnapshotSchema },
} as const;

/**
 * Whether a machine's reported server version is AIDA 1.6 or later; undefined when it reported none (then the core
 * asks, and a 404 says "not offered").
 */
export function runs16(version: string | undefined): boolean | undefined {
  const match = /^\s*v?(\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return undefined;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 1 || (major === 1 && minor >= 6);
}
