import type { Result } from '../../../shared/api/result';
import type { Outcome, ReviewView } from '../../../shared/api/reviews';
import type { CommandView } from '../../../shared/api/views';
import type { ConsoleState, SliceCreator } from './types';

export interface ReviewsSlice {
  /** Reviews still waiting on a person or on the machine, oldest first. */
  reviews: ReviewView[];
  /** Reviews the machine has moved past, newest first: fetched when the review view opens. */
  recentReviews: ReviewView[];
  pinRequired: boolean;
  confidenceThreshold: number;
  receiveReviews(reviews: ReviewView[]): void;
  loadRecentReviews(): Promise<string | undefined>;
  /** Sends a decision once, however often it is pressed; resolves to the error to show, if any. */
  decide(decision: { reviewId: number; outcome: Outcome; reason?: string; pin?: string }): Promise<string | undefined>;
  /** A person's "Send again" for a signal that failed or whose answer was lost. */
  retryCommand(commandId: number): Promise<string | undefined>;
}

type Setter = Parameters<SliceCreator<unknown>>[0];
type Getter = Parameters<SliceCreator<unknown>>[1];

/**
 * Runs an action unless the same key is already on its way, so a double click sends once (the core refuses a second
 * decision too). Keys share the store's `busy` map with the machine actions; resolves to the error to show, if any.
 */
export async function runOnce(set: Setter, get: Getter, key: string, action: () => Promise<Result<unknown>>): Promise<string | undefined> {
  if (get().busy[key]) return undefined;
  set((s) => ({ busy: { ...s.busy, [key]: true } }));
  try {
    const result = await action();
    return result.ok ? undefined : result.error.message;
  } finally {
    set((s) => {
      const { [key]: _done, ...rest } = s.busy;
      return { busy: rest };
    });
  }
}

export const reviewBusyKey = (reviewId: number) => `review:${reviewId}`;
export const commandBusyKey = (commandId: number) => `command:${commandId}`;

export const createReviewsSlice: SliceCreator<ReviewsSlice> = (set, get, client) => {
  const received = (result: Result<CommandView>) => {
    if (result.ok) get().receiveCommands([result.value]);
    return result;
  };
  return {
    reviews: [],
    recentReviews: [],
    pinRequired: false,
    confidenceThreshold: 0.8,
    receiveReviews(reviews) {
      set({ reviews });
    },
    async loadRecentReviews() {
      const result = await client.listReviews({});
      if (!result.ok) return result.error.message;
      // The queue comes from the core's pushes alone: an answer overtaken by a push must not roll it back.
      set({ recentReviews: result.value.recent });
      return undefined;
    },
    decide({ reviewId, outcome, reason, pin }) {
      return runOnce(set, get, reviewBusyKey(reviewId), async () =>
        received(
          await client.decide({
            reviewId,
            outcome,
            ...(reason !== undefined && reason.trim() !== '' ? { reason: reason.trim() } : {}),
            ...(pin ? { pin } : {}),
          }),
        ),
      );
    },
    retryCommand(commandId) {
      return runOnce(set, get, commandBusyKey(commandId), async () => received(await client.retryCommand({ commandId })));
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

export const selectReviewBusy =
  (reviewId: number) =>
  (s: ConsoleState): boolean =>
    s.busy[reviewBusyKey(reviewId)] === true;

export const selectCommandBusy =
  (commandId: number) =>
  (s: ConsoleState): boolean =>
    s.busy[commandBusyKey(commandId)] === true;
