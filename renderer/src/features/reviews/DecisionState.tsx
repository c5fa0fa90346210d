import type { ReviewView } from '../../../../shared/api/reviews';
import type { CommandView } from '../../../../shared/api/views';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectReviewCommand } from '../../store/reviews-slice';
import { CommandOutcome } from '../commands/CommandOutcome';
import { formatTime } from '../format';
import { outcomeWords } from './review-texts';

/** A person's "send again", offered only while the job still waits and the signal failed or its fate is unknown. */
function SendAgain({ command }: { command: CommandView }) {
  const busy = useConsole(selectBusy(actionKey.command(command.id)));
  const retry = useConsole((s) => s.retryCommand);
  return (
    <div className="send-again">
      <p>
        The decision did not reach the machine, or its answer was lost. Check the card at the machine: send again only
        if it still waits.
      </p>
      <button type="button" className="btn" disabled={busy} onClick={() => void retry(command.id)}>
        <span aria-hidden="true">↻</span> Send again
      </button>
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
