import { useId, useState } from 'react';
import { useOwnedFailure } from '../../app/ActionFailures';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { GoFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { BadgeField } from './BadgeField';
import { SecretPair, pairReady } from './SecretPair';

/**
 * Bootstrap: the first account is always IT's. Once it exists the station is no longer open: everyone signs in, and
 * this person is signed in already.
 */
export function FirstAccountDialog({ onClose }: { onClose: () => void }) {
  const key = actionKey.session('first-account');
  const busy = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key);
  const create = useConsole((s) => s.createFirstAccount);
  const [name, setName] = useState('');
  const [pin, setPin] = useState({ first: '', second: '' });
  const [badge, setBadge] = useState('');
  const titleId = useId();
  const nameId = useId();

  async function confirm() {
    const made = await create({ name: name.trim(), pin: pin.first, ...(badge.trim() !== '' ? { badge: badge.trim() } : {}) });
    if (made) onClose();
  }

  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>Create the first IT account</h2>
      <p>
        From then on everyone signs in at this console, and what each person does is recorded under their name. IT
        creates the other accounts on the People screen.
      </p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={nameId}>Name</label>
          <input
            id={nameId}
            className="input"
            type="text"
            maxLength={100}
            autoComplete="off"
            data-autofocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <BadgeField value={badge} onChange={setBadge} />
      </div>
      <SecretPair value={pin} onChange={setPin} hint="IT: 6 digits or more, or a password." />
      <GoFooter
        error={failure?.error.message}
        onCancel={onClose}
        cancelTakesFocus={false}
        disabled={busy || name.trim() === '' || !pairReady(pin)}
        onConfirm={() => void confirm()}
        confirmLabel="Create and sign in"
      />
    </Dialog>
  );
}
