import { useId, useState } from 'react';
import type { Credential } from '../../../../shared/api/people';
import { REVIEW_CARD_INSPECTIONS, mayCancel, type Outcome, type ReviewView } from '../../../../shared/api/reviews';
import type { Translate } from '../../../../shared/i18n/translate';
import { useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer } from '../../store/people-slice';
import { ConfirmFooter, GoFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { PinField } from '../commands/PinField';
import { StepUpNext, SupervisorApproval } from '../people/SupervisorApproval';
import { externalProcess, kindTitle, outcomeWords, rejectReasons } from './review-texts';

interface DialogProps {
  review: ReviewView;
  onClose: () => void;
}

/**
 * "N of M inspections shown" when the read has more inspections than its card shows: whoever approves says so with
 * the same press. Undefined for a read the card shows whole.
 */
export function shownWords(t: Translate, shown: { shown: number; total: number } | undefined): string | undefined {
  if (!shown || shown.total <= REVIEW_CARD_INSPECTIONS) return undefined;
  if (shown.shown >= shown.total) return t('reviews:inspections.allShown', { total: shown.total });
  return t('reviews:inspections.someShown', shown);
}

/**
 * What both decision dialogs share: the PIN, the busy flag, and closing on success or, on a refusal (a wrong PIN),
 * staying open with the core's words, read from the one error path.
 */
function useDecision(review: ReviewView, onClose: () => void) {
  const key = actionKey.review(review.id);
  const busy = useConsole(selectBusy(key));
  const error = useOwnedFailure(key)?.error.message;
  const decide = useConsole((s) => s.decide);
  const [pin, setPin] = useState('');
  async function send(decision: Omit<Parameters<typeof decide>[0], 'reviewId'>) {
    if (await decide({ reviewId: review.id, ...decision })) onClose();
  }
  return { busy, pin, setPin, error, send };
}

function DecisionTitle({ id, verb, review }: { id: string; verb: string; review: ReviewView }) {
  const t = useT();
  const params = { verb, kind: kindTitle(t, review.kind), machine: review.machineLabel, job: review.jobId };
  return <h2 id={id}>{t(review.jobId ? 'reviews:decide.titleJob' : 'reviews:decide.title', params)}</h2>;
}

type Rejection = Extract<Outcome, 'Faulted' | 'Canceled'>;

/**
 * Where an external process ran (chip encoding, a chip readback), whether it failed or was cancelled: both reject the
 * card, and AIDA is told which. Failed is chosen until someone says otherwise.
 */
function FailedOrCancelled({ review, value, onChange }: { review: ReviewView; value: Rejection; onChange: (o: Rejection) => void }) {
  const t = useT();
  const choices: [Rejection, string][] = [
    ['Faulted', t('reviews:decide.failed')],
    ['Canceled', t('reviews:decide.cancelledNotFailed')],
  ];
  return (
    <fieldset className="reasons reasons-row">
      <legend>{t('reviews:decide.whatHappened', { process: externalProcess(t, review.kind) })}</legend>
      {choices.map(([outcome, label]) => (
        <label key={outcome} className={`reason${value === outcome ? ' reason-picked' : ''}`}>
          <input type="radio" name={`outcome-${review.id}`} value={outcome} checked={value === outcome} onChange={() => onChange(outcome)} />
          <span>
            {label} <span className="muted">{t('reviews:decide.sentAs', { outcome })}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Rejecting destroys the card, so the reason comes first: picked from the usual ones or typed, and sent to the machine
 * as errorReason. The PIN is asked here too when one is configured. Where an external process ran, it also asks
 * whether that process failed or was cancelled: the same rejection, said the way AIDA distinguishes it. When the
 * signed-in role may not reject alone, a supervisor approves next, in the same dialog (step-up).
 */
export function RejectDialog({ review, onClose }: DialogProps) {
  const t = useT();
  const pinRequired = useConsole((s) => s.pinRequired);
  const { busy, pin, setPin, error, send } = useDecision(review, onClose);
  const [outcome, setOutcome] = useState<Rejection>('Faulted');
  const stepUp = useConsole(selectOffer('decide', { reviewId: review.id, outcome })) === 'step-up';
  const [approving, setApproving] = useState(false);
  // The shared supervisor PIN is the old way; a supervisor's own credential replaces it where one is asked for.
  const askPin = pinRequired && !stepUp;
  const [picked, setPicked] = useState<string | undefined>();
  const [typed, setTyped] = useState('');
  const titleId = useId();
  const typedId = useId();
  const cancelable = mayCancel(review.kind);
  const words = outcomeWords(t, review.kind).Faulted;
  const reasons = rejectReasons(t, review.kind);
  const reason = typed.trim() !== '' ? typed.trim() : picked;

  async function confirm(supervisor?: Credential) {
    if (!reason) return;
    await send({ outcome, reason, ...(askPin ? { pin } : {}), ...(supervisor ? { supervisor } : {}) });
  }
  const confirmLabel = (
    <>
      <span aria-hidden="true">✕</span> {outcome === 'Canceled' ? t('reviews:decide.rejectCancelled') : t('reviews:decide.rejectButton', { button: words.button })}
    </>
  );
  const title = <DecisionTitle id={titleId} verb={cancelable ? t('reviews:decide.rejectVerb') : words.button} review={review} />;
  const warning = (
    <p className="dialog-warning">
      <span aria-hidden="true">⚠</span> {t('reviews:decide.warning')}
    </p>
  );

  if (approving && reason) {
    return (
      <Dialog titleId={titleId} onCancel={onClose}>
        {title}
        {warning}
        <p>
          <strong>{t('reviews:decide.reasonLabel')}</strong> {reason}
        </p>
        <SupervisorApproval
          busy={busy}
          error={error}
          onBack={() => setApproving(false)}
          onApprove={(supervisor) => void confirm(supervisor)}
          confirmLabel={confirmLabel}
        />
      </Dialog>
    );
  }

  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      {title}
      {warning}
      {cancelable && <FailedOrCancelled review={review} value={outcome} onChange={setOutcome} />}
      {/* Two columns where the failed-or-cancelled choice takes a row, so the dialog still fits a 768-pixel screen. */}
      <fieldset className={`reasons${cancelable ? ' reasons-grid' : ''}`}>
        <legend>{t('reviews:decide.why')}</legend>
        {reasons.map((r) => (
          <label key={r} className={`reason${picked === r && typed.trim() === '' ? ' reason-picked' : ''}`}>
            <input
              type="radio"
              name={`reason-${review.id}`}
              value={r}
              checked={picked === r && typed.trim() === ''}
              onChange={() => {
                setPicked(r);
                setTyped('');
              }}
            />
            {r}
          </label>
        ))}
        <label htmlFor={typedId} className="field-label">
          {t('reviews:decide.otherReason')}
        </label>
        <input id={typedId} className="input" type="text" maxLength={500} value={typed} onChange={(e) => setTyped(e.target.value)} />
      </fieldset>
      {askPin && <PinField value={pin} onChange={setPin} />}
      <ConfirmFooter
        error={error}
        cancelLabel={t('reviews:decide.keepCard')}
        onCancel={onClose}
        confirmClass="btn-danger"
        disabled={busy || !reason || (askPin && pin === '')}
        onConfirm={() => (stepUp ? setApproving(true) : void confirm())}
        confirmLabel={stepUp ? <StepUpNext /> : confirmLabel}
      />
    </Dialog>
  );
}

/** With a supervisor PIN configured, Approve (and Encoded) ask for it before anything is sent. */
export function ApproveDialog({ review, onClose, shown }: DialogProps & { shown?: string | undefined }) {
  const t = useT();
  const { busy, pin, setPin, error, send } = useDecision(review, onClose);
  const titleId = useId();
  const words = outcomeWords(t, review.kind).Completed;
  const confirm = () => send({ outcome: 'Completed', pin });

  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <DecisionTitle id={titleId} verb={words.button} review={review} />
      <PinField value={pin} onChange={setPin} autoFocus />
      <GoFooter
        error={error}
        onCancel={onClose}
        cancelTakesFocus={false}
        disabled={busy || pin === ''}
        onConfirm={() => void confirm()}
        confirmLabel={
          <>
            {words.button}
            {shown && <span className="btn-note"> ({shown})</span>}
          </>
        }
      />
    </Dialog>
  );
}
