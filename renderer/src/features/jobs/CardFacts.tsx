import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import type { JobView } from '../../../../shared/api/views';

/** Statuses after which the operator must know whether a card exists and whether it was marked. */
const ENDED_WITHOUT_CARD = new Set(['Faulted', 'Cancelled', 'Rejected']);

export function showsCardFacts(job: JobView): boolean {
  return ENDED_WITHOUT_CARD.has(job.status);
}

function word(t: Translate, value: boolean | undefined): string {
  if (value === undefined) return t('jobs:card.notReported');
  return t(value ? 'jobs:card.yes' : 'jobs:card.no');
}

/**
 * Whether a card exists, in words: a faulted or cancelled job may still have produced a card (to be collected and
 * destroyed) or marked one. "Not reported" when the machine did not say: never guessed.
 */
export function CardFacts({ job }: { job: JobView }) {
  const t = useT();
  if (!showsCardFacts(job)) return null;
  return (
    <span className="card-facts">
      <span className={job.documentProduced ? 'card-fact card-fact-yes' : 'card-fact'}>
        <span aria-hidden="true">{job.documentProduced ? '▣' : '□'}</span> {t('jobs:card.produced')} <strong>{word(t, job.documentProduced)}</strong>
      </span>
      <span className={job.destructiveOperationExecuted ? 'card-fact card-fact-yes' : 'card-fact'}>
        <span aria-hidden="true">{job.destructiveOperationExecuted ? '▲' : '△'}</span> {t('jobs:card.destructive')}{' '}
        <strong>{word(t, job.destructiveOperationExecuted)}</strong>
      </span>
    </span>
  );
}
