import type { JobView } from '../../../../shared/api/views';

/** Statuses after which the operator must know whether a card exists and whether it was marked. */
const ENDED_WITHOUT_CARD = new Set(['Faulted', 'Cancelled', 'Rejected']);

export function showsCardFacts(job: JobView): boolean {
  return ENDED_WITHOUT_CARD.has(job.status);
}

function word(value: boolean | undefined): string {
  if (value === undefined) return 'not reported';
  return value ? 'yes' : 'no';
}

/**
 * Whether a card exists, in words: a faulted or cancelled job may still have produced a card (to be collected and
 * destroyed) or marked one. "Not reported" when the machine did not say: never guessed.
 */
export function CardFacts({ job }: { job: JobView }) {
  if (!showsCardFacts(job)) return null;
  return (
    <span className="card-facts">
      <span className={job.documentProduced ? 'card-fact card-fact-yes' : 'card-fact'}>
        <span aria-hidden="true">{job.documentProduced ? '▣' : '□'}</span> Card produced: <strong>{word(job.documentProduced)}</strong>
      </span>
      <span className={job.destructiveOperationExecuted ? 'card-fact card-fact-yes' : 'card-fact'}>
        <span aria-hidden="true">{job.destructiveOperationExecuted ? '▲' : '△'}</span> Destructive operation:{' '}
        <strong>{word(job.destructiveOperationExecuted)}</strong>
      </span>
    </span>
  );
}
