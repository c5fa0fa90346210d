import { useId, useState } from 'react';
import { errorText, useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
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
  const t = useT();
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
      <h2 id={titleId}>{t('people:first.title')}</h2>
      <p>{t('people:first.lead')}</p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={nameId}>{t('people:first.name')}</label>
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
      <SecretPair value={pin} onChange={setPin} hint={t('people:itPinRule')} />
      <GoFooter
        error={failure && errorText(t, failure.error)}
        onCancel={onClose}
        cancelTakesFocus={false}
        disabled={busy || name.trim() === '' || !pairReady(pin)}
        onConfirm={() => void confirm()}
        confirmLabel={t('people:first.confirm')}
      />
    </Dialog>
  );
}
