import { useState } from 'react';
import type { Credential } from '../../../../shared/api/people';
import { useOwnedFailure } from '../../app/ActionFailures';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer } from '../../store/people-slice';
import { ConfirmFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { PinField } from '../commands/PinField';
import { StepUpNext, SupervisorApproval } from '../people/SupervisorApproval';

/**
 * Abort cancels the running jobs: their cards are rejected. Said plainly, with the safe choice focused. When the
 * signed-in role may not abort alone, a supervisor approves next, in the same dialog (step-up).
 */
export function AbortDialog({ machineId, machineLabel, onClose }: { machineId: string; machineLabel: string; onClose: () => void }) {
  const pinRequired = useConsole((s) => s.pinRequired);
  const key = actionKey.machine(machineId, 'abort');
  const busy = useConsole(selectBusy(key));
  // A wrong PIN keeps the question open, with the core's words in it.
  const failure = useOwnedFailure(key);
  const abort = useConsole((s) => s.abort);
  const [pin, setPin] = useState('');
  const stepUp = useConsole(selectOffer('abort', { machineId })) === 'step-up';
  const [approving, setApproving] = useState(false);
  // The shared supervisor PIN is the old way; a supervisor's own credential replaces it where one is asked for.
  const askPin = pinRequired && !stepUp;
  const titleId = `abort-${machineId}`;

  async function confirm(supervisor?: Credential) {
    if (await abort(machineId, askPin ? pin : undefined, supervisor)) onClose();
  }
  const confirmLabel = (
    <>
      <span aria-hidden="true">⊘</span> Abort and reject cards
    </>
  );

  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>Abort issuance on {machineLabel}?</h2>
      <p className="dialog-warning">
        <span aria-hidden="true">⚠</span> Cards in progress will be rejected: the machine cancels every running job and
        those cards are destroyed.
      </p>
      {approving ? (
        <SupervisorApproval
          busy={busy}
          error={failure?.error.message}
          onBack={() => setApproving(false)}
          onApprove={(supervisor) => void confirm(supervisor)}
          confirmLabel={confirmLabel}
        />
      ) : (
        <>
          <p>To finish the cards already in the machine, cancel and press Stop instead.</p>
          {askPin && <PinField value={pin} onChange={setPin} />}
          <ConfirmFooter
            error={failure?.error.message}
            cancelLabel="Cancel — keep the cards"
            onCancel={onClose}
            confirmClass="btn-danger"
            disabled={busy || (askPin && pin === '')}
            onConfirm={() => (stepUp ? setApproving(true) : void confirm())}
            confirmLabel={stepUp ? <StepUpNext /> : confirmLabel}
          />
        </>
      )}
    </Dialog>
  );
}
