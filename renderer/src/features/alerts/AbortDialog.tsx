import { useState } from 'react';
import { useConsole } from '../../store/context';
import { selectBusy } from '../../store/selectors';
import { ConfirmFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { PinField } from '../commands/PinField';

/** Abort cancels the running jobs: their cards are rejected. Said plainly, with the safe choice focused. */
export function AbortDialog({ machineId, machineLabel, onClose }: { machineId: string; machineLabel: string; onClose: () => void }) {
  const pinRequired = useConsole((s) => s.pinRequired);
  const busy = useConsole(selectBusy(machineId, 'abort'));
  const abort = useConsole((s) => s.abort);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | undefined>();
  const titleId = `abort-${machineId}`;

  async function confirm() {
    const failed = await abort(machineId, pinRequired ? pin : undefined);
    if (failed) setError(failed);
    else onClose();
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
        error={error}
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
