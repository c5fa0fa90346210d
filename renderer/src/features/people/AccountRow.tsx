import { useId, useState } from 'react';
import type { AccountView, Role } from '../../../../shared/api/people';
import { RoleSchema } from '../../../../shared/api/people';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { useNow } from '../../ui/use-now';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import { useFormat } from '../format';
import { BadgeDialog, ResetPinDialog } from './AccountDialogs';
import { LanguagePicker } from './LanguagePicker';
import { roleWord } from './role-words';

/** What the account's state is, in words: never a colour alone. */
function stateWords(t: Translate, time: (iso: string) => string, a: AccountView, now: number): { text: string; tone: 'ok' | 'warn' | 'bad' | 'muted' }[] {
  const words: { text: string; tone: 'ok' | 'warn' | 'bad' | 'muted' }[] = [];
  if (a.disabled) words.push({ text: `⊘ ${t('people:accounts.disabled')}`, tone: 'muted' });
  if (a.lockedUntil && Date.parse(a.lockedUntil) > now) {
    words.push({ text: `⊘ ${t('people:accounts.lockedUntil', { time: time(a.lockedUntil) })}`, tone: 'bad' });
  }
  if (a.mustChangePin) words.push({ text: `✎ ${t('people:accounts.mustChange')}`, tone: 'warn' });
  if (words.length === 0) words.push({ text: `✓ ${t('people:accounts.canSignIn')}`, tone: 'ok' });
  return words;
}

function RolePicker({ account, disabled }: { account: AccountView; disabled: boolean }) {
  const t = useT();
  const id = useId();
  const update = useConsole((s) => s.updateAccount);
  return (
    <div className="account-role">
      <label htmlFor={id}>{t('people:accounts.role')}</label>
      <select
        id={id}
        className="input"
        value={account.role}
        disabled={disabled}
        onChange={(e) => void update({ id: account.id, role: e.target.value as Role }, t('people:accounts.changeRole'))}
      >
        {RoleSchema.options.map((r) => (
          <option key={r} value={r}>
            {roleWord(t, r)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One account: who, from where, its state, and what IT may change on it here. */
export function AccountRow({ account: a }: { account: AccountView }) {
  const t = useT();
  const format = useFormat();
  const busy = useConsole(selectBusy(actionKey.account(a.id)));
  const update = useConsole((s) => s.updateAccount);
  const clearLock = useConsole((s) => s.clearLock);
  const now = useNow();
  const [dialog, setDialog] = useState<'pin' | 'badge' | undefined>();
  const fromFile = a.source === 'file';
  const locked = a.lockedUntil !== undefined && Date.parse(a.lockedUntil) > now;

  return (
    <li className={`account-row${a.disabled ? ' account-disabled' : ''}`} data-account={a.name}>
      <div className="account-who">
        <p className="account-name">{a.name}</p>
        <p className="account-facts">
          <span>{roleWord(t, a.role)}</span>
          <span>{t(fromFile ? 'people:accounts.fromFile' : 'people:accounts.here')}</span>
          <span>{t(a.hasBadge ? 'people:accounts.badgeSet' : 'people:accounts.noBadge')}</span>
          {stateWords(t, format.time, a, now).map((w) => (
            <span key={w.text} className={`badge badge-${w.tone}`}>
              {w.text}
            </span>
          ))}
        </p>
      </div>
      <div className="account-actions">
        {!fromFile && (
          <>
            <RolePicker account={a} disabled={busy} />
            <LanguagePicker
              label={t('people:accounts.language')}
              value={a.language}
              stationWord={t('people:accounts.stationLanguage')}
              disabled={busy}
              onChange={(language) => void update({ id: a.id, language }, t('people:accounts.changeLanguage'))}
            />
            <button
              type="button"
              className="btn btn-slim"
              disabled={busy}
              onClick={() => void update({ id: a.id, disabled: !a.disabled }, t(a.disabled ? 'people:accounts.enable' : 'people:accounts.disable'))}
            >
              {a.disabled ? `✓ ${t('people:accounts.enable')}` : `⊘ ${t('people:accounts.disable')}`}
            </button>
            <button type="button" className="btn btn-slim" disabled={busy} onClick={() => setDialog('pin')}>
              {t('people:accounts.resetPin')}
            </button>
            <button type="button" className="btn btn-slim" disabled={busy} onClick={() => setDialog('badge')}>
              {t('people:accounts.badge')}
            </button>
          </>
        )}
        {locked && (
          <button type="button" className="btn btn-slim btn-attention" disabled={busy} onClick={() => void clearLock(a.id)}>
            {t('people:accounts.clearLock')}
          </button>
        )}
      </div>
      {dialog === 'pin' && <ResetPinDialog account={a} onClose={() => setDialog(undefined)} />}
      {dialog === 'badge' && <BadgeDialog account={a} onClose={() => setDialog(undefined)} />}
    </li>
  );
}
