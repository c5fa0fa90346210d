import { useState } from 'react';
import type { ReviewView } from '../../../../shared/api/reviews';
import { actionKey, selectBusy } from '../../store/actions';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectOffer, selectReadOnly } from '../../store/people-slice';
import { SignInToAct } from '../people/SignInToAct';
import { ApproveDialog, RejectDialog, shownWords } from './DecisionDialogs';
import { outcomeWords } from './review-texts';

/**
 * Approve / Reject (Encoded / Failed for the encoder). Reject always goes through its dialog (the reason first);
 * Approve goes straight to the machine unless a supervisor PIN is configured. An instance the console knows nothing
 * about can only be rejected: approving it could approve a step nobody has seen.
 */
export function DecisionButtons({ review, shown }: { review: ReviewView; shown?: { shown: number; total: number } | undefined }) {
  const t = useT();
  const pinRequired = useConsole((s) => s.pinRequired);
  const busy = useConsole(selectBusy(actionKey.review(review.id)));
  const decide = useConsole((s) => s.decide);
  // What the signed-in role may not do is not offered (Reject may still be, with a supervisor's step-up in its dialog).
  const mayApprove = useConsole(selectOffer('decide', { reviewId: review.id, outcome: 'Completed' })) !== 'refused';
  const mayReject = useConsole(selectOffer('decide', { reviewId: review.id, outcome: 'Faulted', reason: '-' })) !== 'refused';
  const readOnly = useConsole(selectReadOnly);
  const [dialog, setDialog] = useState<'approve' | 'reject' | undefined>();
  const words = outcomeWords(t, review.kind);
  const close = () => setDialog(undefined);
  // Approving a read whose card has not shown every inspection says how many were: never silently.
  const partly = shownWords(t, shown);

  function approve() {
    if (pinRequired) setDialog('approve');
    else void decide({ reviewId: review.id, outcome: 'Completed' });
  }

  return (
    <div className="review-decision">
      <div className="review-buttons">
        {review.kind !== 'unknown' && mayApprove && (
          <button type="button" className="btn btn-go" disabled={busy || readOnly} onClick={approve}>
            <span aria-hidden="true">{words.Completed.icon}</span> {words.Completed.button}
            {partly && <span className="btn-note"> ({partly})</span>}
          </button>
        )}
        {mayReject && (
          <button type="button" className="btn btn-stop" disabled={busy || readOnly} onClick={() => setDialog('reject')}>
            <span aria-hidden="true">{words.Faulted.icon}</span> {words.Faulted.button}…
          </button>
        )}
        {busy && <span className="muted">{t('reviews:decide.sending')}</span>}
      </div>
      <SignInToAct />
      {dialog === 'reject' && <RejectDialog review={review} onClose={close} />}
      {dialog === 'approve' && <ApproveDialog review={review} onClose={close} shown={partly} />}
    </div>
  );
}
