import { useId, useState } from 'react';
import type { AccountView, Role } from '../../../../shared/api/people';
import { RoleSchema } from '../../../../shared/api/people';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { useNow } from '../../ui/use-now';
import { formatTime } from '../format';
import { BadgeDialog, ResetPinDialog } from './AccountDialogs';
import { ROLE_WORD } from './role-words';

/** What the account's state is, in words: never a colour alone. */
function stateWords(a: AccountView, now: number): { text: string; tone: 'ok' | 'warn' | 'bad' | 'muted' }[] {
  const words: { text: string; tone: 'ok' | 'warn' | 'bad' | 'muted' }[] = [];
  if (a.disabled) words.push({ text: '⊘ Disabled', tone: 'muted' });
  if (a.lockedUntil && Date.parse(a.lockedUntil) > now) words.push({ text: `⊘ Locked until ${formatTime(a.lockedUntil)}`, tone: 'bad' });
  if (a.mustChangePin) words.push({ text: '✎ Must change PIN', tone: 'warn' });
  if (words.length === 0) words.push({ text: '✓ Can sign in', tone: 'ok' });
  return words;
}

function RolePicker({ account, disabled }: { account: AccountView; disabled: boolean }) {
  const id = useId();
  const update = useConsole((s) => s.updateAccount);
  return (
    <div className="account-role">
      <label htmlFor={id}>Role</label>
      <select
        id={id}
        className="input"
        value={account.role}
        disabled={disabled}
        onChange={(e) => void update({ id: account.id, role: e.target.value as Role }, 'Change the role')}
      >
        {RoleSchema.options.map((r) => (
          <option key={r} value={r}>
            {ROLE_WORD[r]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One account: who, from where, its state, and what IT may change on it here. */
export function AccountRow({ account: a }: { account: AccountView }) {
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
          <span>{ROLE_WORD[a.role]}</span>
          <span>{fromFile ? 'file: read-only' : 'this console'}</span>
          <span>{a.hasBadge ? 'badge set' : 'no badge'}</span>
          {stateWords(a, now).map((w) => (
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
            <button
              type="button"
              className="btn btn-slim"
              disabled={busy}
              onClick={() => void update({ id: a.id, disabled: !a.disabled }, a.disabled ? 'Enable' : 'Disable')}
            >
              {a.disabled ? '✓ Enable' : '⊘ Disable'}
            </button>
            <button type="button" className="btn btn-slim" disabled={busy} onClick={() => setDialog('pin')}>
              Reset PIN…
            </button>
            <button type="button" className="btn btn-slim" disabled={busy} onClick={() => setDialog('badge')}>
              Badge…
            </button>
          </>
        )}
        {locked && (
          <button type="button" className="btn btn-slim btn-attention" disabled={busy} onClick={() => void clearLock(a.id)}>
            Clear the lock
          </button>
        )}
      </div>
      {dialog === 'pin' && <ResetPinDialog account={a} onClose={() => setDialog(undefined)} />}
      {dialog === 'badge' && <BadgeDialog account={a} onClose={() => setDialog(undefined)} />}
    </li>
  );
}
