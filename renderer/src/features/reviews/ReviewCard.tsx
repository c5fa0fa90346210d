import type { ReviewView } from '../../../../shared/api/reviews';
import { RestoredMark } from '../commands/RestoredMark';
import { DecisionButtons } from './DecisionButtons';
import { DecisionState } from './DecisionState';
import { useInspectionPages, type InspectionPages } from './inspection-pages';
import { OcrInspections } from './OcrInspections';
import { SnapshotEvidence } from './SnapshotEvidence';
import { kindTitle } from './review-texts';
import { useT } from '../../i18n/use-t';
import { formatWaiting } from '../../ui/duration';
import { useNow } from '../../ui/use-now';
import { ReadText } from '../../ui/ReadText';

function Waiting({ since }: { since: string }) {
  const t = useT();
  const now = useNow();
  return (
    <span className="review-waiting">
      <span aria-hidden="true">◷</span> {t('reviews:card.waiting', { duration: formatWaiting(since, now) })}
    </span>
  );
}

/** Which card sits in which encoder: EncoderIndex counts from 0 at the right, as the machine's guide says. */
function EncoderSlot({ encoder }: { encoder: NonNullable<ReviewView['payload']['encoder']> }) {
  const t = useT();
  return (
    <p className="encoder-slot">
      {t('reviews:card.encoderSlot')} <strong className="mono">{encoder.encoderId ?? t('reviews:card.noEncoderId')}</strong>
      {encoder.encoderIndex !== undefined && (
        <>
          {' '}
          — {t('reviews:card.position')} <strong>{encoder.encoderIndex}</strong> <span className="muted">{t('reviews:card.countedFromRight')}</span>
        </>
      )}
    </p>
  );
}

/** Readbacks' fields are shown as they came: BarcodeReadBack has no published schema. */
function Fields({ fields }: { fields: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(fields);
  if (entries.length === 0) return <p className="muted">{t('reviews:card.nothingToCompare')}</p>;
  return (
    <dl className="readback-fields">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd className="mono">
            <ReadText text={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Body({ review, pages }: { review: ReviewView; pages: InspectionPages }) {
  const t = useT();
  const { payload } = review;
  if (review.kind === 'unknown') return <p className="review-unknown">{t('reviews:card.unknown')}</p>;
  return (
    <>
      {payload.encoder && <EncoderSlot encoder={payload.encoder} />}
      {payload.inspections && <OcrInspections review={review} pages={pages} />}
      {(review.kind === 'ocr' || review.kind === 'ocr-readback') && review.state === 'pending' && <SnapshotEvidence review={review} />}
      {payload.fields && <Fields fields={payload.fields} />}
    </>
  );
}

/** One job waiting for a person: what it is, where, since when, what the machine saw, and the decision. */
export function ReviewCard({ review }: { review: ReviewView }) {
  const t = useT();
  const titleId = `review-${review.id}`;
  const pages = useInspectionPages(review);
  return (
    <article
      className={`review${review.belowThreshold ? ' review-low' : ''}`}
      aria-labelledby={titleId}
      data-review-id={review.id}
      data-review-kind={review.kind}
    >
      <header className="review-header">
        <h3 id={titleId}>
          {kindTitle(t, review.kind)} — {review.machineLabel}
        </h3>
        {review.belowThreshold && (
          <span className="badge badge-bad">
            <span aria-hidden="true">⚠</span> {t('reviews:card.lowConfidence')}
          </span>
        )}
        {review.state !== 'closed' && <Waiting since={review.openedAt} />}
      </header>
      <dl className="review-ids">
        <div>
          <dt>{t('reviews:card.job')}</dt>
          <dd className="mono">{review.jobId ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('reviews:card.correlation')}</dt>
          <dd className="mono">{review.correlationId ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('reviews:card.workflowInstance')}</dt>
          <dd className="mono">{review.workflowInstanceId}</dd>
        </div>
      </dl>
      <Body review={review} pages={pages} />
      {review.restoredAt && review.state === 'pending' ? (
        <RestoredMark restoredAt={review.restoredAt} what="review" />
      ) : review.state === 'pending' ? (
        <DecisionButtons review={review} shown={review.payload.inspections ? { shown: pages.shown, total: pages.total } : undefined} />
      ) : (
        <DecisionState review={review} />
      )}
    </article>
  );
}
