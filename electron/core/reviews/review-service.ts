import { keysetPage } from '../../../shared/api/paging';
import { readCoded } from '../../../shared/i18n/stored-text';
import { fail, failCoded, ok, type Result } from '../../../shared/api/result';
import {
  REVIEW_CARD_INSPECTIONS,
  mayCancel,
  type Inspection,
  type InspectionPage,
  type Outcome,
  type ReviewPayload,
  type ReviewView,
} from '../../../shared/api/reviews';
import type { CommandView, Role } from '../../../shared/api/views';
import type { Outbox } from '../commands/outbox';
import type { SignalPayload } from '../commands/send';
import { autoApprovable, belowThreshold, summarizeInspections } from '../domain/reviews';
import type { MachineRegistry } from '../machines/registry';
import { toView, type CommandRepo } from '../store/command-repo';
import type { PersonStamp } from '../store/command-repo';
import type { JobRepo } from '../store/job-repo';
import type { Review, ReviewRepo } from '../store/review-repo';

export interface ReviewSettings {
  confidenceThreshold: number;
  autoApproveAbove: number | undefined;
}

export interface EncoderService {
  serviceUrl: string | undefined;
  serviceTimeoutMs: number;
}

/**
 * The payload as a review card shows it: the first REVIEW_CARD_INSPECTIONS inspections, the rest read page by page.
 * Every view of the queue is pushed to every screen on each change: one message with 30,000 results must not be.
 */
function cardPayload(payload: ReviewPayload): ReviewPayload {
  const inspections = payload.inspections;
  if (!inspections || inspections.length <= REVIEW_CARD_INSPECTIONS) return payload;
  return { ...payload, inspections: inspections.slice(0, REVIEW_CARD_INSPECTIONS) };
}

/** Why a review restored from a backup cannot be decided yet. */
export const RESTORED_REVIEW =
  "restored from a backup: check at the machine. This review is decided again only once the machine's list of suspended jobs shows the job still waiting, or a newer message from it arrives";

const OUTCOME_WORD: Record<Outcome, string> = { Completed: 'approved', Faulted: 'rejected', Canceled: 'rejected as cancelled' };

/**
 * Decisions on suspended jobs (OCR reads, chip encoding, readbacks): recorded with the signal that carries them, in
 * one transaction, and at most one per suspension.
 */
export class ReviewService {
  private readonly handedToEncoder = new Set<number>();

  constructor(
    private readonly deps: {
      reviews: ReviewRepo;
      jobs: JobRepo;
      commands: CommandRepo;
      outbox: Outbox;
      registry: () => MachineRegistry;
      settings: ReviewSettings;
      encoder: EncoderService;
      now?: () => Date;
      log?: (line: string) => void;
    },
  ) {}

  private at(): string {
    return (this.deps.now ?? (() => new Date()))().toISOString();
  }

  view(r: Review): ReviewView {
    const job = r.job_key ? this.deps.jobs.get(r.machine_id, r.job_key) : undefined;
    const summary = summarizeInspections(r.payload, this.deps.settings.confidenceThreshold);
    return {
      id: r.id,
      machineId: r.machine_id,
      machineLabel: this.deps.registry().get(r.machine_id).label,
      workflowInstanceId: r.workflow_instance_id,
      ...(r.job_key ? { jobKey: r.job_key } : {}),
      ...(job?.jobId ? { jobId: job.jobId } : {}),
      ...(job?.correlationId ? { correlationId: job.correlationId } : {}),
      kind: r.kind,
      openedAt: r.opened_at,
      state: r.state,
      payload: cardPayload(r.payload),
      ...(summary ? { inspectionSummary: summary } : {}),
      belowThreshold: belowThreshold(r.payload, this.deps.settings.confidenceThreshold),
      ...(r.decision ? { decision: r.decision } : {}),
      ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
      ...(r.decided_at ? { decidedAt: r.decided_at } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.closed_at ? { closedAt: r.closed_at } : {}),
      ...(r.closed_reason ? { closedReason: r.closed_reason } : {}),
      ...(r.closed_code ? { closedReasonText: readCoded(r.closed_code, r.closed_params) } : {}),
      ...(r.restored_at ? { restoredAt: r.restored_at } : {}),
    };
  }

  /** A read's inspections from `offset`, as stored: nothing of the message is dropped, however long. */
  inspections(reviewId: number, offset: number, limit: number): Result<InspectionPage> {
    const page = this.deps.reviews.inspections(reviewId, offset, limit);
    if (!page) return fail('not-found', `no review ${reviewId}`);
    return ok({ rows: page.rows as Inspection[], total: page.total, offset });
  }

  /** The queue: everything still waiting on a decision or on the machine, oldest first. */
  queue(): ReviewView[] {
    return this.deps.reviews.unanswered().map((r) => this.view(r));
  }

  /** Finished reviews, newest first: a page from those older than review `before`, and how many have finished. */
  recent(limit: number, before?: number): { rows: ReviewView[]; total: number; next?: number } {
    const page = keysetPage(this.deps.reviews.recentClosed(limit + 1, before), limit, (r) => r.id);
    return { ...page, rows: page.rows.map((r) => this.view(r)), total: this.deps.reviews.closedCount() };
  }

  async decide(
    input: { reviewId: number; outcome: Outcome; reason?: string | undefined },
    actor: string,
    role: Role,
    /** The person who decided; none for what the console decides by itself. */
    person?: PersonStamp,
  ): Promise<Result<CommandView>> {
    const review = this.deps.reviews.get(input.reviewId);
    if (!review) return fail('not-found', `no review ${input.reviewId}`);
    if (review.state === 'closed') {
      const reason = review.closed_code ? readCoded(review.closed_code, review.closed_params) : (review.closed_reason ?? { code: 'outcomes:movedOn' });
      return failCoded('not-allowed', 'refusals:nothingToDecide', { reason });
    }
    // The backup may predate a decision the machine already got: deciding again could signal a later step of the job.
    if (review.restored_at) return fail('not-allowed', RESTORED_REVIEW);
    if (review.state === 'decided') {
      const existing = this.deps.commands.byReview(review.id);
      if (existing && review.decision === input.outcome) return ok(toView(existing));
      return fail('not-allowed', `already ${OUTCOME_WORD[review.decision ?? 'Completed']} by ${review.decided_by ?? 'someone'} at ${review.decided_at ?? '?'}`);
    }
    if (review.kind === 'unknown' && input.outcome === 'Completed') {
      return fail('not-allowed', 'the console does not know what this job waits for: only Reject is safe');
    }
    if (input.outcome === 'Canceled' && !mayCancel(review.kind)) {
      return fail('not-allowed', 'only a hand-off to an external process (chip encoding, chip readback) can be cancelled: reject it instead');
    }
    const client = this.deps.registry().get(review.machine_id).client;
    if (!client) return fail('not-allowed', 'the machine is not configured: the console cannot act on it');
    // The CallbackUrl is kept with the command only where this machine opts in to it, so the audit shows where the
    // signal may go; the client checks again at each attempt.
    const callbackUrl = client.callbackTarget(review.payload.encoder?.callbackUrl);
    const payload: SignalPayload = {
      workflowInstanceId: review.workflow_instance_id,
      outcome: input.outcome,
      ...(input.reason ? { errorReason: input.reason } : {}),
      ...(callbackUrl ? { callbackUrl } : {}),
    };
    const at = this.at();
    const command = await this.deps.outbox.submit(
      { machineId: review.machine_id, kind: 'signal', payload, actor, role, reviewId: review.id, person },
      () => this.deps.reviews.decide(review.id, input.outcome, actor, at, input.reason),
    );
    return ok(toView(command));
  }

  /**
   * What the console decides by itself: OCR reads at or above the auto-approval threshold (off by default), and
   * encoder hand-offs to the configured encoder service. Each is audited under its own actor.
   */
  async decideAutomatically(): Promise<void> {
    for (const r of this.deps.reviews.unanswered()) {
      if (r.state !== 'pending' || r.restored_at) continue;
      if (r.kind === 'ocr' && this.deps.settings.autoApproveAbove !== undefined) {
        const lowest = autoApprovable(r.payload, this.deps.settings.autoApproveAbove);
        if (lowest !== undefined) {
          await this.decide({ reviewId: r.id, outcome: 'Completed' }, `auto-approval (confidence ${lowest.toFixed(2)})`, 'automatic');
        }
      }
      if (r.kind === 'encoder' && this.deps.encoder.serviceUrl && !this.handedToEncoder.has(r.id)) {
        this.handedToEncoder.add(r.id);
        void this.handToEncoder(r, this.deps.encoder.serviceUrl);
      }
    }
  }

  private async handToEncoder(review: Review, url: string): Promise<void> {
    let outcome: Outcome = 'Faulted';
    let reason: string | undefined;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          workflowInstanceId: review.workflow_instance_id,
          machineId: review.machine_id,
          jobKey: review.job_key,
          ...review.payload.encoder,
        }),
        signal: AbortSignal.timeout(this.deps.encoder.serviceTimeoutMs),
      });
      const answer = (await res.json().catch(() => undefined)) as { outcome?: unknown; errorReason?: unknown } | undefined;
      if (!res.ok || (answer?.outcome !== 'Completed' && answer?.outcome !== 'Faulted')) {
        // No usable answer: the card stays in the encoder for a person to decide; the wait alert tells them.
        this.deps.log?.(`encoder service gave no usable answer for review ${review.id} (HTTP ${res.status})`);
        return;
      }
      outcome = answer.outcome;
      if (typeof answer.errorReason === 'string') reason = answer.errorReason;
    } catch (err) {
      this.deps.log?.(`encoder service unreachable for review ${review.id}: ${(err as Error).message}`);
      return;
    }
    await this.decide({ reviewId: review.id, outcome, reason }, 'encoder service', 'automatic');
  }
}
