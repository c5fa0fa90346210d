import { useId, useState } from 'react';
import type { AccountView, Role } from '../../../../shared/api/people';
import { RoleSchema } from '../../../../shared/api/people';
import { errorText, useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { GoFooter } from '../../ui/ConfirmFooter';
import { Dialog } from '../../ui/Dialog';
import { BadgeField } from './BadgeField';
import { roleWord } from './role-words';
import { SecretPair, pairReady } from './SecretPair';

/** Whether its owner chooses their own PIN at the next sign-in: yes unless IT says otherwise. */
function MustChange({ value, onChange }: { value: boolean; onChange: (v: boolean) => void }) {
  const t = useT();
  return (
    <label className="check">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />
      {t('people:accounts.mustChoose')}
    </label>
  );
}

/** The dialog's action, its failure shown inside it (it stays open on a refusal), and closing on success. */
function useAccountAction(id: number | 'new', onClose: () => void) {
  const t = useT();
  const key = actionKey.account(id);
  const busy = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key);
  const error = failure && errorText(t, failure.error);
  const run = async (call: () => Promise<boolean>) => {
    if (await call()) onClose();
  };
  return { busy, error, run };
}

export function CreateAccountDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const create = useConsole((s) => s.createAccount);
  const { busy, error, run } = useAccountAction('new', onClose);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [pin, setPin] = useState({ first: '', second: '' });
  const [badge, setBadge] = useState('');
  const [mustChangePin, setMustChangePin] = useState(true);
  const titleId = useId();
  const nameId = useId();
  const confirm = () => create({ name: name.trim(), role, pin: pin.first, mustChangePin, ...(badge.trim() !== '' ? { badge: badge.trim() } : {}) });

  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>{t('people:accounts.create')}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={nameId}>{t('people:accounts.nameLabel')}</label>
          <input id={nameId} className="input" type="text" maxLength={100} autoComplete="off" data-autofocus value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <BadgeField value={badge} onChange={setBadge} />
      </div>
      <fieldset className="reasons reasons-row">
        <legend>{t('people:accounts.role')}</legend>
        {RoleSchema.options.map((r) => (
          <label key={r} className={`reason${role === r ? ' reason-picked' : ''}`}>
            <input type="radio" name={`${titleId}-role`} value={r} checked={role === r} onChange={() => setRole(r)} />
            {roleWord(t, r)}
          </label>
        ))}
      </fieldset>
      <SecretPair value={pin} onChange={setPin} hint={t('people:pinRules')} />
      <MustChange value={mustChangePin} onChange={setMustChangePin} />
      <GoFooter
        error={error}
        onCancel={onClose}
        cancelTakesFocus={false}
        disabled={busy || name.trim() === '' || !pairReady(pin)}
        onConfirm={() => void run(confirm)}
        confirmLabel={t('people:accounts.createConfirm')}
      />
    </Dialog>
  );
}

export function ResetPinDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const t = useT();
  const reset = useConsole((s) => s.resetPin);
  const { busy, error, run } = useAccountAction(account.id, onClose);
  const [pin, setPin] = useState({ first: '', second: '' });
  const [mustChangePin, setMustChangePin] = useState(true);
  const titleId = useId();
  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>{t('people:accounts.resetTitle', { name: account.name })}</h2>
      <SecretPair value={pin} onChange={setPin} hint={t('people:pinRules')} />
      <MustChange value={mustChangePin} onChange={setMustChangePin} />
      <GoFooter
        error={error}
        onCancel={onClose}
        disabled={busy || !pairReady(pin)}
        onConfirm={() => void run(() => reset({ id: account.id, pin: pin.first, mustChangePin }))}
        confirmLabel={t('people:accounts.resetConfirm')}
      />
    </Dialog>
  );
}

/** A new badge is scanned into the field (the reader types it and Enter, which does not send); or the badge is removed. */
export function BadgeDialog({ account, onClose }: { account: AccountView; onClose: () => void }) {
  const t = useT();
  const update = useConsole((s) => s.updateAccount);
  const { busy, error, run } = useAccountAction(account.id, onClose);
  const [badge, setBadge] = useState('');
  const titleId = useId();
  return (
    <Dialog titleId={titleId} onCancel={onClose}>
      <h2 id={titleId}>{t('people:accounts.badgeTitle', { name: account.name })}</h2>
      <p>{t(account.hasBadge ? 'people:accounts.badgeSetNote' : 'people:accounts.noBadgeYet')}</p>
      <BadgeField value={badge} onChange={setBadge} label={t('people:accounts.scanNow')} autoFocus />
      {account.hasBadge && (
        <button type="button" className="btn btn-danger-outline" disabled={busy} onClick={() => void run(() => update({ id: account.id, badge: null }, t('people:accounts.removeBadge')))}>
          <span aria-hidden="true">✕</span> {t('people:accounts.removeBadge')}
        </button>
      )}
      <GoFooter
        error={error}
        onCancel={onClose}
        disabled={busy || badge.trim() === ''}
        cancelTakesFocus={false}
        onConfirm={() => void run(() => update({ id: account.id, badge: badge.trim() }, t('people:accounts.setBadge')))}
        confirmLabel={t('people:accounts.saveBadge')}
      />
    </Dialog>
  );
}
