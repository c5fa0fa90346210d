import { z } from 'zod';
import { CodedTextSchema } from './coded-text';
import { CredentialSchema } from './people';

/** What waits for a person's decision: each suspension of a job for an external process. */
export const ReviewKindSchema = z.enum([
  'ocr',
  'encoder',
  'magstripe-readback',
  'ocr-readback',
  'chip-readback',
  'barcode-readback',
  /** AIDA 1.6 BarcodeDecoded with its job Suspended: the decoded barcode's results wait for validation. */
  'barcode',
  /** A suspended instance the machine's API reports but no webhook explained. */
  'unknown',
]);
export type ReviewKind = z.infer<typeof ReviewKindSchema>;

export const InspectionSchema = z.object({
  name: z.string(),
  text: z.string(),
  /** 0..1 as sent; absent when the machine sent none, or sent a value outside 0..1. */
  confidence: z.number().optional(),
  /** MeanConfidence exactly as sent. */
  rawConfidence: z.number().optional(),
});

export type Inspection = z.infer<typeof InspectionSchema>;

/**
 * How many inspections a review card shows before "Show all". The core and the screen agree on it: the review's view
 * carries these first ones, the card shows them, and a read with more is never approved automatically, since no
 * person has seen the rest (one message can carry tens of thousands).
 */
export const REVIEW_CARD_INSPECTIONS = 20;

/** Inspections per page under "Show all", and the most one request may ask for. */
export const INSPECTION_PAGE_SIZE = 100;

/** What the core works out over every inspection of a read, however many; shown above the list. */
export const InspectionSummarySchema = z.object({
  total: z.number().int(),
  /** Within 0..1 and below the confidence threshold, plus those sent outside 0..1 (each counts as below). */
  belowThreshold: z.number().int(),
  /** Sent outside 0..1. */
  outOfRange: z.number().int(),
  /** Sent without a confidence. */
  missing: z.number().int(),
  /** The lowest confidence within 0..1, when any was sent. */
  lowest: z.number().optional(),
});
export type InspectionSummary = z.infer<typeof InspectionSummarySchema>;

export const InspectionPageQuerySchema = z
  .object({
    reviewId: z.number().int().positive(),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(INSPECTION_PAGE_SIZE).default(INSPECTION_PAGE_SIZE),
  })
  .strict();

export const InspectionPageSchema = z.object({
  rows: z.array(InspectionSchema),
  total: z.number().int(),
  offset: z.number().int(),
});
export type InspectionPage = z.infer<typeof InspectionPageSchema>;

export const ReviewPayloadSchema = z.object({
  inspections: z.array(InspectionSchema).optional(),
  encoder: z
    .object({ encoderId: z.string().optional(), encoderIndex: z.number().optional(), callbackUrl: z.string().optional() })
    .optional(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ReviewPayload = z.infer<typeof ReviewPayloadSchema>;

export const ReviewStateSchema = z.enum(['pending', 'decided', 'closed']);

/**
 * AIDA's ExternalProcessOutcome (one L in Canceled, as the vendor spells it). Faulted and Canceled both reject the
 * card (seed 000); Canceled says the external process was cancelled rather than that it failed.
 */
export const OutcomeSchema = z.enum(['Completed', 'Faulted', 'Canceled']);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** Suspensions handed to an external process (the chip encoder, a chip readback): only these can be "cancelled". */
export const CANCELABLE_KINDS: readonly ReviewKind[] = ['encoder', 'chip-readback'];

export const mayCancel = (kind: ReviewKind): boolean => CANCELABLE_KINDS.includes(kind);

export const ReviewViewSchema = z.object({
  id: z.number().int(),
  machineId: z.string(),
  machineLabel: z.string(),
  workflowInstanceId: z.string(),
  jobKey: z.string().optional(),
  jobId: z.string().optional(),
  correlationId: z.string().optional(),
  kind: ReviewKindSchema,
  openedAt: z.string(),
  state: ReviewStateSchema,
  /**
   * What the machine sent. Its inspections are the first REVIEW_CARD_INSPECTIONS only: the rest stay in the core's
   * store and are read page by page (`listReviewInspections`).
   */
  payload: ReviewPayloadSchema,
  /** Over every inspection, however many: present when the read has inspections. */
  inspectionSummary: InspectionSummarySchema.optional(),
  /** True when some inspection is below the configured confidence threshold, or was sent outside 0..1. */
  belowThreshold: z.boolean(),
  decision: OutcomeSchema.optional(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
  closedAt: z.string().optional(),
  closedReason: z.string().optional(),
  /** The closing reason as a code and parameters, for the viewer's language (absent on rows closed before: `closedReason`). */
  closedReasonText: CodedTextSchema.optional(),
  /**
   * When a backup was restored while this review was open: no decision is taken or sent until the machine's list of
   * suspended jobs, or a newer message, settles it ("restored: check at the machine").
   */
  restoredAt: z.string().optional(),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;

export const DecideSchema = z
  .object({
    reviewId: z.number().int().positive(),
    outcome: OutcomeSchema,
    /** Required to reject (Faulted or Canceled): a rejected card is destroyed, so the reason is asked for first. */
    reason: z.string().trim().max(500).optional(),
    pin: z.string().max(64).optional(),
    /** A supervisor's step-up at an operator's station (issue 13): a credential the core checks, never a name. */
    supervisor: CredentialSchema.optional(),
  })
  .strict()
  .refine((d) => d.outcome === 'Completed' || (d.reason !== undefined && d.reason.length > 0), {
    message: 'a reason is required to reject',
    path: ['reason'],
  });
