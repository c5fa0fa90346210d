import { useId, useState } from 'react';
import type { ReviewView } from '../../../../shared/api/reviews';
import type { CommandView } from '../../../../shared/api/views';
import { actionKey, selectBusy } from '../../store/actions';
import { useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { Dialog } from '../../ui/Dialog';
import { selectOffer, selectReadOnly } from '../../store/people-slice';
import { selectReviewCommand } from '../../store/reviews-slice';
import { CommandOutcome } from '../commands/CommandOutcome';
import { SignInToAct } from '../people/SignInToAct';
import { SupervisorApproval } from '../people/SupervisorApproval';
import { sayOr } from '../../../../shared/i18n/say';
import { useFormat } from '../format';
import { outcomeWords } from './review-texts';

/** A supervisor's decision is sent again with a supervisor's approval when an operator is signed in (step-up). */
function SendAgainApproval({ command, onClose }: { command: CommandView; onClose: () => void }) {
  const key = actionKey.command(command.id);
  const busy = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key);
  const retry = useConsole((s) => s.retryCommand);
  const t = useT();
  const titleId = useId();
  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>{t('reviews:state.sendAgainTitle')}</h2>
      <p>{t('reviews:state.sendAgainSupervisor')}</p>
      <SupervisorApproval
        busy={busy}
        error={failure?.error.message}
        onBack={onClose}
        onApprove={(supervisor) => void retry(command.id, supervisor).then((sent) => sent && onClose())}
        confirmLabel={
          <>
            <span aria-hidden="true">↻</span> {t('reviews:state.sendAgain')}
          </>
        }
      />
    </Dialog>
  );
}

/** A person's "send again", offered only while the job still waits and the signal failed or its fate is unknown. */
function SendAgain({ command }: { command: CommandView }) {
  const t = useT();
  const busy = useConsole(selectBusy(actionKey.command(command.id)));
  const retry = useConsole((s) => s.retryCommand);
  const readOnly = useConsole(selectReadOnly);
  // Sending again needs the role of the original decision: the core's rule, read here to hide or to ask a supervisor.
  const offer = useConsole(selectOffer('retryCommand', { commandId: command.id }, { originalRole: command.role }));
  const [approving, setApproving] = useState(false);
  if (offer === 'refused') return null;
  return (
    <div className="send-again">
      <p>{t('reviews:state.sendAgainWhy')}</p>
      <button
        type="button"
        className="btn"
        disabled={busy || readOnly}
        onClick={() => (offer === 'step-up' ? setApproving(true) : void retry(command.id))}
      >
        <span aria-hidden="true">↻</span> {t('reviews:state.sendAgain')}{offer === 'step-up' ? '…' : ''}
      </button>
      <SignInToAct />
      {approving && <SendAgainApproval command={command} onClose={() => setApproving(false)} />}
    </div>
  );
}

/** What was decided, by whom, and what became of the signal that carries it to the machine. */
export function DecisionState({ review }: { review: ReviewView }) {
  const t = useT();
  const format = useFormat();
  const command = useConsole(selectReviewCommand(review.id));
  const word = review.decision ? outcomeWords(t, review.kind)[review.decision] : undefined;
  // Rows closed before closing reasons were coded keep the English they were stored in.
  const closedReason = sayOr(t, review.closedReasonText, review.closedReason ?? '');
  return (
    <div className="review-decided" data-review-state={review.state}>
      {word ? (
        <p className="decision-line">
          <strong className={review.decision === 'Completed' ? 'tone-ok-text' : 'tone-bad-text'}>
            <span aria-hidden="true">{word.icon}</span> {word.done}
          </strong>{' '}
          {t('reviews:state.by', { who: review.decidedBy ?? t('reviews:state.someone'), time: format.time(review.decidedAt) })}
          {review.reason && t('reviews:state.reason', { reason: review.reason })}
        </p>
      ) : (
        <p className="decision-line">{t('reviews:state.noDecision')}</p>
      )}
      {review.state === 'decided' && <p className="muted">{t('reviews:state.waitingMachine')}</p>}
      {review.state === 'closed' && (
        <p className="muted">
          {t('reviews:state.closedAt', { time: format.time(review.closedAt) })}
          {closedReason ? `: ${closedReason}` : ''}
        </p>
      )}
      <CommandOutcome command={command} />
      {review.state === 'decided' && command?.state === 'failed' && <SendAgain command={command} />}
    </div>
  );
}
