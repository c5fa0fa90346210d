import type { ReviewView } from '../../../shared/api/reviews';
import type { SliceCreator } from './types';

export interface ReviewsSlice {
  /** Reviews still waiting on a person or on the machine, oldest first. */
  reviews: ReviewView[];
  pinRequired: boolean;
  confidenceThreshold: number;
  receiveReviews(reviews: ReviewView[]): void;
}

export const createReviewsSlice: SliceCreator<ReviewsSlice> = (set) => ({
  reviews: [],
  pinRequired: false,
  confidenceThreshold: 0.8,
  receiveReviews(reviews) {
    set({ reviews });
  },
});
