import type { Credential } from '../../../shared/api/people';
import type { InspectionPage, Outcome, ReviewView } from '../../../shared/api/reviews';
import type { Result } from '../../../shared/api/result';
import type { CommandView } from '../../../shared/api/views';
import { actionKey, runAction } from './actions';
import { selectMachineLabel } from './selectors';
import type { ConsoleState, SliceCreator } from './types';

export interface ReviewsSlice {
  /** Reviews still waiting on a person or on the machine, oldest first. */
  reviews: ReviewView[];
  /** Reviews the machine has moved past, newest first: fetched when the review view opens. */
  recentReviews: ReviewView[];
  /** Why the recent reviews could not be read, if they could not. */
  recentReviewsError: string | undefined;
  pinRequired: boolean;
  confidenceThreshold: number;
  receiveReviews(reviews: ReviewView[]): void;
  loadRecentReviews(): Promise<void>;
  /** A page of a read's inspections, for "Show all": a review's view carries only the first few. */
  readInspections(query: { reviewId: number; offset: number }): Promise<Result<InspectionPage>>;
  /**
   * Sends a decision once, however often it is pressed; resolves to whether the core took it. `supervisor`: a
   * supervisor's step-up at an operator's station (a credential the core checks).
   */
  decide(decision: { reviewId: number; outcome: Outcome; reason?: string; pin?: string; supervisor?: Credential }): Promise<boolean>;
  /** A person's "Send again" for a signal that failed or whose answer was lost; `supervisor`: a step-up. */
  retryCommand(commandId: number, supervisor?: Credential): Promise<boolean>;
}

export const createReviewsSlice: SliceCreator<ReviewsSlice> = (set, get, client) => {
  const received = (c: CommandView) => get().receiveCommands([c]);
  const reviewLabel = (reviewId: number) => {
    const review = selectReview(reviewId)(get());
    if (!review) return `Decision on review ${reviewId}`;
    return `Decision on ${review.jobId ? `job ${review.jobId}` : 'a job'} — ${review.machineLabel}`;
  };
  return {
    reviews: [],
    recentReviews: [],
    recentReviewsError: undefined,
    pinRequired: false,
    confidenceThreshold: 0.8,
    receiveReviews(reviews) {
      set({ reviews });
    },
    async loadRecentReviews() {
      const result = await client.listReviews({});
      // The queue comes from the core's pushes alone: an answer overtaken by a push must not roll it back.
      set(result.ok ? { recentReviews: result.value.recent, recentReviewsError: undefined } : { recentReviewsError: result.error.message });
    },
    readInspections(query) {
      return client.listReviewInspections(query);
    },
    async decide({ reviewId, outcome, reason, pin, supervisor }) {
      const action = { key: actionKey.review(reviewId), label: reviewLabel(reviewId) };
      const call = () =>
        client.decide({
          reviewId,
          outcome,
          ...(reason !== undefined && reason.trim() !== '' ? { reason: reason.trim() } : {}),
          ...(pin ? { pin } : {}),
          ...(supervisor ? { supervisor } : {}),
        });
      return (await runAction(set, get, action, call, received))?.ok === true;
    },
    async retryCommand(commandId, supervisor) {
      const command = get().commands.find((c) => c.id === commandId);
      const on = command ? selectMachineLabel(command.machineId)(get()) : `command ${commandId}`;
      const action = { key: actionKey.command(commandId), label: `Send again — ${on}` };
      const call = () => client.retryCommand({ commandId, ...(supervisor ? { supervisor } : {}) });
      return (await runAction(set, get, action, call, received))?.ok === true;
    },
  };
};

/** What the navigation counts: reviews waiting for a person, not those already decided and waiting on the machine. */
export const selectPendingReviewCount = (s: ConsoleState): number => s.reviews.filter((r) => r.state === 'pending').length;

export const selectReview =
  (id: number) =>
  (s: ConsoleState): ReviewView | undefined =>
    s.reviews.find((r) => r.id === id) ?? s.recentReviews.find((r) => r.id === id);

/** The signal that carries a review's decision, as the outbox last reported it. */
export const selectReviewCommand =
  (reviewId: number) =>
  (s: ConsoleState): CommandView | undefined =>
    s.commands.find((c) => c.kind === 'signal' && c.reviewId === reviewId);
