import { useId, useState } from 'react';
import type { ReviewView } from '../../../../shared/api/reviews';
import type { CommandView } from '../../../../shared/api/views';
import { actionKey, selectBusy } from '../../store/actions';
import { useOwnedFailure } from '../../app/ActionFailures';
import { useConsole } from '../../store/context';
import { Dialog } from '../../ui/Dialog';
import { selectOffer, selectReadOnly } from '../../store/people-slice';
import { selectReviewCommand } from '../../store/reviews-slice';
import { CommandOutcome } from '../commands/CommandOutcome';
import { SignInToAct } from '../people/SignInToAct';
import { SupervisorApproval } from '../people/SupervisorApproval';
import { formatTime } from '../format';
import { outcomeWords } from './review-texts';

/** A supervisor's decision is sent again with a supervisor's approval when an operator is signed in (step-up). */
function SendAgainApproval({ command, onClose }: { command: CommandView; onClose: () => void }) {
  const key = actionKey.command(command.id);
  const busy = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key);
  const retry = useConsole((s) => s.retryCommand);
  const titleId = useId();
  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>Send the decision again</h2>
      <p>A supervisor made this decision: a supervisor approves sending it again.</p>
      <SupervisorApproval
        busy={busy}
        error={failure?.error.message}
        onBack={onClose}
        onApprove={(supervisor) => void retry(command.id, supervisor).then((sent) => sent && onClose())}
        confirmLabel={
          <>
            <span aria-hidden="true">↻</span> Send again
          </>
        }
      />
    </Dialog>
  );
}

/** A person's "send again", offered only while the job still waits and the signal failed or its fate is unknown. */
function SendAgain({ command }: { command: CommandView }) {
  const busy = useConsole(selectBusy(actionKey.command(command.id)));
  const retry = useConsole((s) => s.retryCommand);
  const readOnly = useConsole(selectReadOnly);
  // Sending again needs the role of the original decision: the core's rule, read here to hide or to ask a supervisor.
  const offer = useConsole(selectOffer('retryCommand', { commandId: command.id }, { originalRole: command.role }));
  const [approving, setApproving] = useState(false);
  if (offer === 'refused') return null;
  return (
    <div className="send-again">
      <p>
        The decision did not reach the machine, or its answer was lost. Check the card at the machine: send again only
        if it still waits.
      </p>
      <button
        type="button"
        className="btn"
        disabled={busy || readOnly}
        onClick={() => (offer === 'step-up' ? setApproving(true) : void retry(command.id))}
      >
        <span aria-hidden="true">↻</span> Send again{offer === 'step-up' ? '…' : ''}
      </button>
      <SignInToAct />
      {approving && <SendAgainApproval command={command} onClose={() => setApproving(false)} />}
    </div>
  );
}

/** What was decided, by whom, and what became of the signal that carries it to the machine. */
export function DecisionState({ review }: { review: ReviewView }) {
  const command = useConsole(selectReviewCommand(review.id));
  const word = review.decision ? outcomeWords(review.kind)[review.decision] : undefined;
  return (
    <div className="review-decided" data-review-state={review.state}>
      {word ? (
        <p className="decision-line">
          <strong className={review.decision === 'Completed' ? 'tone-ok-text' : 'tone-bad-text'}>
            <span aria-hidden="true">{word.icon}</span> {word.done}
          </strong>{' '}
          by {review.decidedBy ?? 'someone'} at {formatTime(review.decidedAt)}
          {review.reason && <> — reason: “{review.reason}”</>}
        </p>
      ) : (
        <p className="decision-line">No decision from this console.</p>
      )}
      {review.state === 'decided' && <p className="muted">Waiting for the machine to move on.</p>}
      {review.state === 'closed' && (
        <p className="muted">
          Closed at {formatTime(review.closedAt)}
          {review.closedReason ? `: ${review.closedReason}` : ''}
        </p>
      )}
      <CommandOutcome command={command} />
      {review.state === 'decided' && command?.state === 'failed' && <SendAgain command={command} />}
    </div>
  );
}
