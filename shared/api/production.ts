import { z } from 'zod';
import { LanguageSchema } from '../i18n/languages';
import { keysetParams } from './paging';

/*
 * What the shift made, lost and waited for (issue 15), computed by the core from the console's own messages:
 *
 * - productionSummary({from, to, groupBy, machineId?})  card accounting per shift / batch / machine / job template /
 *   hour over a range: one row per group and the range's total (ProductionCounts).
 * - productionDowntime({from, to, machineId?})  each suspension and stop with its cause, how long the line stood and
 *   who resumed it; totals and mean time to resume per cause; time running / suspended / stopped and OEE per machine.
 * - productionSeries({from, to, machineId?})  what the charts draw: cards per hour stacked by outcome, downtime by
 *   cause (Pareto, largest first), faults by error code.
 * - listShiftReports({before?, limit})  the frozen shift reports, newest first, a page at a time.
 * - shiftReport({id})  one frozen report whole: figures, downtime, series, open items at hand-over, note, sign-off,
 *   and how many late messages arrived for its range after it was made (the figures stay as they were).
 * - saveHandOverNote({id, text})  the supervisor's note; refused once the report is signed off.
 * - signOffShift({id})  the supervisor signs the hand-over: the report is frozen whole from then on.
 * - exportShiftReport({id, lang})  the report as CSV text in the viewer's language; the page saves it.
 * - saveShiftReportPdf({id})  the report as a PDF on A4, from the one print stylesheet: served, the answer is `print`
 *   (the page opens the browser's print dialog); in the app, the main process asks where to save and writes the PDF
 *   Electron prints of the window showing the report (`saved`, or `cancelled` when the dialog was closed).
 *
 * Every time is an ISO-8601 instant (UTC, `…Z`). A job counts once, in the bucket of its first start (the first message
 * the console received about it), however many attempts (workflow instances) it took; its attempts are counted beside
 * it. RapIDadmin's print jobs are jobs of the machine `rapidadmin`. A range is at most a year.
 */

const Instant = z.string().min(1).max(40);

export const ProductionRangeSchema = z
  .object({
    from: Instant,
    to: Instant,
    machineId: z.string().min(1).max(100).optional(),
  })
  .strict();
export type ProductionRange = z.output<typeof ProductionRangeSchema>;

export const ProductionGroupBySchema = z.enum(['shift', 'batch', 'machine', 'template', 'hour']);
export type ProductionGroupBy = z.infer<typeof ProductionGroupBySchema>;

/** Why a cancelled job was cancelled: another job's critical error (its SourceJobInstanceId), else the job's own error code, else `not-reported`. */
export const CancelCauseSchema = z.object({ cause: z.string(), count: z.number().int() });

export const ProductionCountsSchema = z.object({
  /** Jobs first started in the range (a job re-run under a new workflow instance counts once). */
  started: z.number().int(),
  completed: z.number().int(),
  faulted: z.number().int(),
  rejected: z.number().int(),
  cancelled: z.number().int(),
  /** The cancelled jobs by cause: `another-job` (cancelled by another job's critical error), an error code, or `not-reported`. */
  cancelledBy: z.array(CancelCauseSchema),
  /** Started and no final outcome reported yet (running, suspended, or its last message never came). */
  unfinished: z.number().int(),
  /**
   * Cards lost: a destructive operation was executed and the attempt did not complete. Counted per attempt, so a job
   * that lost a card and completed when run again counts its lost card.
   */
  destroyed: z.number().int(),
  /** Cards with DocumentProduced true whose attempt did not complete (per attempt, as `destroyed`). */
  producedButFaulted: z.number().int(),
  /** Of producedButFaulted, those also counted in destroyed (both flags set): a subset of both, not to be added. */
  producedAndDestroyed: z.number().int(),
  /** Attempts that ended without completing, and the machine never said whether a destructive operation ran: not guessed. */
  notReported: z.number().int(),
  /** Workflow instances run for these jobs (one per job run once). */
  attempts: z.number().int(),
  /** AIDA jobs run under more than one workflow instance. */
  retriedJobs: z.number().int(),
  /**
   * RapIDadmin's reprint sequences (Credential.Updated, PrintJob.Started, Complete) completed in the range: in the
   * total, per shift or hour, and under the machine `rapidadmin`; a batch or template row has none (RapIDadmin names neither).
   */
  rapidadminReprints: z.number().int(),
  /** completed ÷ (completed + faulted + rejected); null when that is 0. */
  yield: z.number().nullable(),
});
export type ProductionCounts = z.infer<typeof ProductionCountsSchema>;

/** The plain counts of a ProductionCounts, in the order a table or a CSV shows them. */
export const PRODUCTION_COUNT_FIELDS = [
  'started',
  'completed',
  'faulted',
  'rejected',
  'cancelled',
  'unfinished',
  'destroyed',
  'producedButFaulted',
  'producedAndDestroyed',
  'notReported',
  'attempts',
  'retriedJobs',
] as const satisfies readonly (keyof ProductionCounts)[];

export const ProductionRowSchema = z.object({
  /** The shift's name, the batch id, the machine id, the template's name or the hour's start; `''` for "none known". */
  key: z.string(),
  /** A shift instance's or an hour's bounds. */
  from: Instant.optional(),
  to: Instant.optional(),
  counts: ProductionCountsSchema,
});
export type ProductionRow = z.infer<typeof ProductionRowSchema>;

export const ProductionSummarySchema = z.object({
  from: Instant,
  to: Instant,
  groupBy: ProductionGroupBySchema,
  /** The station's time zone the shifts and hours are cut in (production.timeZone). */
  timeZone: z.string(),
  rows: z.array(ProductionRowSchema),
  total: ProductionCountsSchema,
});
export type ProductionSummary = z.infer<typeof ProductionSummarySchema>;

export const StandKindSchema = z.enum(['suspended', 'stopped']);

/** One time the line stood: from the suspension or stop until the machine moved again. */
export const StandSchema = z.object({
  machineId: z.string(),
  kind: StandKindSchema,
  /** FeederEmpty, OpenInterlock, CardJam, WebhooksServerUnreachable, ManualStop, BatchCompleted…; `not-reported` when the message named none. */
  cause: z.string(),
  from: Instant,
  /** Absent while it still stands (at the range's end or now). */
  to: Instant.optional(),
  seconds: z.number(),
  /** Who sent the Resume or Start that moved it again, from the commands; absent when the machine moved by itself or from its own panel. */
  resumedBy: z.string().optional(),
});
export type Stand = z.infer<typeof StandSchema>;

export const DowntimeCauseSchema = z.object({
  cause: z.string(),
  kind: StandKindSchema,
  count: z.number().int(),
  seconds: z.number(),
  /** Mean seconds until the line moved again, over the stands that ended; null when none ended. */
  meanSecondsToResume: z.number().nullable(),
});
export type DowntimeCause = z.infer<typeof DowntimeCauseSchema>;

/**
 * Time per machine in the range, as the scheduler's messages tell it, and OEE "computed from the console's
 * messages": availability = running ÷ (running + suspended + stopped-by-a-fault); performance = cards made ÷
 * (running hours × nominal cards per hour), only with production.nominalCardsPerHour; quality = yield.
 */
export const MachineTimeSchema = z.object({
  machineId: z.string(),
  runningSeconds: z.number(),
  suspendedSeconds: z.number(),
  stoppedSeconds: z.number(),
  /** Before the first scheduler message in or before the range: the console does not know. */
  unknownSeconds: z.number(),
  availability: z.number().nullable(),
  nominalCardsPerHour: z.number().optional(),
  performance: z.number().nullable(),
  quality: z.number().nullable(),
  oee: z.number().nullable(),
});
export type MachineTime = z.infer<typeof MachineTimeSchema>;

export const ProductionDowntimeSchema = z.object({
  from: Instant,
  to: Instant,
  /** Oldest first; at most 500 (`standsTotal` says how many there were). */
  stands: z.array(StandSchema),
  standsTotal: z.number().int(),
  causes: z.array(DowntimeCauseSchema),
  machines: z.array(MachineTimeSchema),
});
export type ProductionDowntime = z.infer<typeof ProductionDowntimeSchema>;

export const OutcomeBucketSchema = z.object({
  /** The hour's start. */
  at: Instant,
  completed: z.number().int(),
  faulted: z.number().int(),
  rejected: z.number().int(),
  cancelled: z.number().int(),
  unfinished: z.number().int(),
});
export type OutcomeBucket = z.infer<typeof OutcomeBucketSchema>;

export const ProductionSeriesSchema = z.object({
  from: Instant,
  to: Instant,
  /** Every hour of the range, empty hours included, by the start of the jobs in it. */
  cardsPerHour: z.array(OutcomeBucketSchema),
  /** Largest first. */
  downtimeByCause: z.array(z.object({ cause: z.string(), seconds: z.number(), count: z.number().int() })),
  /** Faulted and rejected jobs by their error code (`not-reported` when none came), largest first. */
  faultsByErrorCode: z.array(z.object({ errorCode: z.string(), count: z.number().int() })),
  /** The machines that have jobs or stands in the range. */
  machines: z.array(z.string()),
});
export type ProductionSeries = z.infer<typeof ProductionSeriesSchema>;

/** What was still open when the report was made. */
export const OpenItemsSchema = z.object({
  alerts: z.array(z.object({ id: z.number().int(), machineId: z.string(), kind: z.string(), since: Instant })),
  reviews: z.array(z.object({ id: z.number().int(), machineId: z.string(), kind: z.string(), since: Instant })),
  commands: z.array(z.object({ id: z.number().int(), machineId: z.string(), kind: z.string(), state: z.string(), since: Instant })),
});
export type OpenItems = z.infer<typeof OpenItemsSchema>;

export const SignatureSchema = z.object({ by: z.string(), at: Instant });

export const ShiftReportSummarySchema = z.object({
  id: z.number().int(),
  shiftName: z.string(),
  from: Instant,
  to: Instant,
  madeAt: Instant,
  timeZone: z.string(),
  total: ProductionCountsSchema,
  signedOff: SignatureSchema.optional(),
  /** Messages received after the report was made that belong to a job started in its range; the figures stay as made. */
  lateMessages: z.number().int(),
});
export type ShiftReportSummary = z.infer<typeof ShiftReportSummarySchema>;

export const ShiftReportSchema = ShiftReportSummarySchema.extend({
  byMachine: z.array(ProductionRowSchema),
  byBatch: z.array(ProductionRowSchema),
  byTemplate: z.array(ProductionRowSchema),
  downtime: ProductionDowntimeSchema,
  series: ProductionSeriesSchema,
  openItems: OpenItemsSchema,
  note: z.object({ text: z.string(), by: z.string(), at: Instant }).optional(),
});
export type ShiftReport = z.infer<typeof ShiftReportSchema>;

export const HAND_OVER_NOTE_MAX = 4000;

export const ShiftReportPdfSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('print') }),
  z.object({ kind: z.literal('saved'), filename: z.string(), path: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type ShiftReportPdf = z.infer<typeof ShiftReportPdfSchema>;

export const PRODUCTION_METHODS = {
  productionSummary: {
    params: ProductionRangeSchema.extend({ groupBy: ProductionGroupBySchema }).strict(),
    result: ProductionSummarySchema,
  },
  productionDowntime: { params: ProductionRangeSchema, result: ProductionDowntimeSchema },
  productionSeries: { params: ProductionRangeSchema, result: ProductionSeriesSchema },
  listShiftReports: {
    params: z.object(keysetParams(20, 200)).strict(),
    result: z.object({ rows: z.array(ShiftReportSummarySchema), next: z.number().int().optional() }),
  },
  shiftReport: { params: z.object({ id: z.number().int().positive() }).strict(), result: ShiftReportSchema },
  saveHandOverNote: {
    params: z.object({ id: z.number().int().positive(), text: z.string().max(HAND_OVER_NOTE_MAX) }).strict(),
    result: ShiftReportSchema,
  },
  signOffShift: { params: z.object({ id: z.number().int().positive() }).strict(), result: ShiftReportSchema },
  exportShiftReport: {
    params: z.object({ id: z.number().int().positive(), lang: LanguageSchema }).strict(),
    result: z.object({ filename: z.string(), mediaType: z.literal('text/csv'), content: z.string() }),
  },
  saveShiftReportPdf: { params: z.object({ id: z.number().int().positive() }).strict(), result: ShiftReportPdfSchema },
} as const;
