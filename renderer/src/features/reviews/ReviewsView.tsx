import { useEffect } from 'react';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { ShowMore } from '../../ui/ShowMore';
import { ReviewCard } from './ReviewCard';

/**
 * Supervisors' queue: every job suspended for a person's decision (OCR reads, chip encoding, readbacks), oldest
 * first; then those decided and waiting on the machine; then the ones recently finished.
 */
export function ReviewsView() {
  const t = useT();
  const reviews = useConsole((s) => s.reviews);
  const { rows: recent, next, total } = useConsole((s) => s.recentReviews);
  const loadRecent = useConsole((s) => s.loadRecentReviews);
  const loadMore = useConsole((s) => s.loadMoreRecentReviews);
  const error = useConsole((s) => s.recentReviewsError);
  // A review leaving the queue has just finished: the recent list is fetched again.
  useEffect(() => {
    void loadRecent();
  }, [loadRecent, reviews]);

  const pending = reviews.filter((r) => r.state === 'pending');
  const decided = reviews.filter((r) => r.state === 'decided');
  return (
    <>
      <section className="panel review-section" aria-labelledby="reviews-pending">
        <h2 id="reviews-pending">{t('reviews:view.pending', { count: pending.length })}</h2>
        {pending.length === 0 ? <p className="muted">{t('reviews:view.nothingPending')}</p> : pending.map((r) => <ReviewCard key={r.id} review={r} />)}
      </section>
      {decided.length > 0 && (
        <section className="panel review-section" aria-labelledby="reviews-decided">
          <h2 id="reviews-decided">{t('reviews:view.decided', { count: decided.length })}</h2>
          {decided.map((r) => (
            <ReviewCard key={r.id} review={r} />
          ))}
        </section>
      )}
      <section className="panel review-section" aria-labelledby="reviews-recent">
        <h2 id="reviews-recent">{t('reviews:view.recent')}</h2>
        {error && (
          <p className="error-text" role="alert">
            {t('reviews:view.recentFailed', { error })}
          </p>
        )}
        {recent.length === 0 ? <p className="muted">{t('reviews:view.noneYet')}</p> : recent.map((r) => <ReviewCard key={r.id} review={r} />)}
        <ShowMore shown={recent.length} total={total} more={next !== undefined} what={t('reviews:view.finishedReviews')} onMore={loadMore} />
      </section>
    </>
  );
}
