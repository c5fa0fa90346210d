import { useState } from 'react';
import type { Credential } from '../../../../shared/api/people';
import { useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
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
  const t = useT();
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
      <span aria-hidden="true">⊘</span> {t('band:abort.confirm')}
    </>
  );

  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>{t('band:abort.title', { machine: machineLabel })}</h2>
      <p className="dialog-warning">
        <span aria-hidden="true">⚠</span> {t('band:abort.warning')}
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
          <p>{t('band:abort.instead')}</p>
          {askPin && <PinField value={pin} onChange={setPin} />}
          <ConfirmFooter
            error={failure?.error.message}
            cancelLabel={t('band:abort.keep')}
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
