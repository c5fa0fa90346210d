import { translator } from '../../../shared/i18n/translate';
import type { Credential } from '../../../shared/api/people';
import type { InspectionPage, Outcome, ReviewView } from '../../../shared/api/reviews';
import type { Result } from '../../../shared/api/result';
import type { CommandView } from '../../../shared/api/views';
import { actionKey, runAction } from './actions';
import { emptyList, withFreshHead, withOlder, type KeysetList } from './keyset-list';
import { LatestRead } from './loads';
import { selectMachineLabel } from './selectors';
import type { ConsoleState, SliceCreator } from './types';

export interface ReviewsSlice {
  /** Reviews still waiting on a person or on the machine, oldest first. */
  reviews: ReviewView[];
  /** Reviews the machine has moved past, newest first: the first page when the review view opens, then more on request. */
  recentReviews: KeysetList<ReviewView>;
  /** Why the recent reviews could not be read, if they could not. */
  recentReviewsError: string | undefined;
  pinRequired: boolean;
  confidenceThreshold: number;
  receiveReviews(reviews: ReviewView[]): void;
  /** Reads the first page of finished reviews again, keeping the older pages shown. */
  loadRecentReviews(): Promise<void>;
  loadMoreRecentReviews(): Promise<void>;
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

/** Finished reviews per page: each is a card with up to REVIEW_CARD_INSPECTIONS inspections. */
export const RECENT_REVIEWS_PAGE = 10;

export const createReviewsSlice: SliceCreator<ReviewsSlice> = (set, get, client) => {
  const reads = new LatestRead();
  const received = (c: CommandView) => get().receiveCommands([c]);
  const reviewLabel = (reviewId: number) => {
    const review = selectReview(reviewId)(get());
    const t = translator(get().language);
    if (!review) return t('actions:decisionOnReview', { id: reviewId });
    return review.jobId
      ? t('actions:decisionOnJob', { job: review.jobId, machine: review.machineLabel })
      : t('actions:decisionOnAJob', { machine: review.machineLabel });
  };
  return {
    reviews: [],
    recentReviews: emptyList(),
    recentReviewsError: undefined,
    pinRequired: false,
    confidenceThreshold: 0.8,
    receiveReviews(reviews) {
      set({ reviews });
    },
    async loadRecentReviews() {
      const read = reads.begin();
      const result = await client.listReviews({ limit: RECENT_REVIEWS_PAGE });
      if (!read.isCurrent()) return;
      // The queue comes from the core's pushes alone: an answer overtaken by a push must not roll it back.
      if (!result.ok) return set({ recentReviewsError: result.error.message });
      const { recent: rows, recentNext: next, recentTotal: total } = result.value;
      set((s) => ({ recentReviews: withFreshHead(s.recentReviews, { rows, next, total }, (r) => r.id), recentReviewsError: undefined }));
    },
    async loadMoreRecentReviews() {
      const before = get().recentReviews.next;
      if (before === undefined) return;
      const result = await client.listReviews({ before, limit: RECENT_REVIEWS_PAGE });
      if (!result.ok) return set({ recentReviewsError: result.error.message });
      const { recent: rows, recentNext: next, recentTotal: total } = result.value;
      set((s) => ({ recentReviews: withOlder(s.recentReviews, before, { rows, next, total }), recentReviewsError: undefined }));
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
      const t = translator(get().language);
      const on = command ? selectMachineLabel(command.machineId)(get()) : t('actions:commandNumber', { id: commandId });
      const action = { key: actionKey.command(commandId), label: t('actions:sendAgain', { on }) };
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
    s.reviews.find((r) => r.id === id) ?? s.recentReviews.rows.find((r) => r.id === id);

/** The signal that carries a review's decision, as the outbox last reported it. */
export const selectReviewCommand =
  (reviewId: number) =>
  (s: ConsoleState): CommandView | undefined =>
    s.commands.find((c) => c.kind === 'signal' && c.reviewId === reviewId);
