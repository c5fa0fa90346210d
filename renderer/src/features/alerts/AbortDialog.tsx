import { useState } from 'react';
import { useOwnedFailure } from '../../app/ActionFailures';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { ConfirmFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { PinField } from '../commands/PinField';

/** Abort cancels the running jobs: their cards are rejected. Said plainly, with the safe choice focused. */
export function AbortDialog({ machineId, machineLabel, onClose }: { machineId: string; machineLabel: string; onClose: () => void }) {
  const pinRequired = useConsole((s) => s.pinRequired);
  const key = actionKey.machine(machineId, 'abort');
  const busy = useConsole(selectBusy(key));
  // A wrong PIN keeps the question open, with the core's words in it.
  const failure = useOwnedFailure(key);
  const abort = useConsole((s) => s.abort);
  const [pin, setPin] = useState('');
  const titleId = `abort-${machineId}`;

  async function confirm() {
    if (await abort(machineId, pinRequired ? pin : undefined)) onClose();
  }

  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>Abort issuance on {machineLabel}?</h2>
      <p className="dialog-warning">
        <span aria-hidden="true">⚠</span> Cards in progress will be rejected: the machine cancels every running job and
        those cards are destroyed.
      </p>
      <p>To finish the cards already in the machine, cancel and press Stop instead.</p>
      {pinRequired && <PinField value={pin} onChange={setPin} />}
      <ConfirmFooter
        error={failure?.error.message}
        cancelLabel="Cancel — keep the cards"
        onCancel={onClose}
        confirmClass="btn-danger"
        disabled={busy || (pinRequired && pin === '')}
        onConfirm={() => void confirm()}
        confirmLabel={
          <>
            <span aria-hidden="true">⊘</span> Abort and reject cards
          </>
        }
      />
    </Dialog>
  );
}
