import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Credential } from '../../../../shared/api/people';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectSupervisorNames } from '../../store/people-slice';
import { BadgeField } from './BadgeField';
import { PinKeypad } from './PinKeypad';

/**
 * Step-up: the signed-in operator's role may not destroy a card alone, so a supervisor approves here, at the
 * operator's station, without signing anyone out: by name (tap) or badge (scan into the field), then their PIN on the
 * keypad. What is sent is their credential; the core checks it and records the decision as theirs.
 */
export function SupervisorApproval({
  onApprove,
  onBack,
  busy,
  error,
  confirmLabel,
}: {
  onApprove: (supervisor: Credential) => void;
  onBack: () => void;
  busy: boolean;
  error: string | undefined;
  confirmLabel: ReactNode;
}) {
  const t = useT();
  const supervisors = useConsole(useShallow(selectSupervisorNames));
  const [accountId, setAccountId] = useState<number | undefined>();
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const box = useRef<HTMLDivElement>(null);
  // The question changed under the pressed button: the focus goes to the first choice, inside the dialog.
  useEffect(() => box.current?.querySelector<HTMLElement>('button, input')?.focus(), []);
  const scanned = badge.trim();
  const who = scanned !== '' ? { badge: scanned } : accountId !== undefined ? { accountId } : undefined;

  return (
    <div className="step-up" ref={box}>
      <p className="step-up-why">{t('people:stepUp.why')}</p>
      <div className="step-up-columns">
        <div className="step-up-who">
          <ul className="step-up-names" aria-label={t('people:stepUp.supervisor')}>
            {supervisors.map((s) => (
              <li key={s.accountId}>
                <button
                  type="button"
                  className={`name-tile name-tile-small${accountId === s.accountId && scanned === '' ? ' name-tile-picked' : ''}`}
                  aria-pressed={accountId === s.accountId && scanned === ''}
                  onClick={() => {
                    setAccountId(s.accountId);
                    setBadge('');
                  }}
                >
                  <span aria-hidden="true">{accountId === s.accountId && scanned === '' ? '✓ ' : ''}</span>
                  {s.name}
                </button>
              </li>
            ))}
          </ul>
          {supervisors.length === 0 && <p className="muted">{t('people:stepUp.none')}</p>}
          <BadgeField value={badge} onChange={setBadge} label={t('people:stepUp.badge')} />
          {error && (
            <p className="error-text" role="alert">
              <span aria-hidden="true">✕</span> {error}
            </p>
          )}
          <button type="button" className="btn" onClick={onBack}>
            <span aria-hidden="true">←</span> {t('people:stepUp.previous')}
          </button>
        </div>
        <PinKeypad
          label={t('people:stepUp.pin')}
          value={pin}
          onChange={setPin}
          autoFocus={false}
          disabled={busy || !who}
          onSubmit={() => who && onApprove({ ...who, pin })}
          onBadge={setBadge}
          submitLabel={confirmLabel}
          submitClass="btn-danger"
        />
      </div>
    </div>
  );
}

/** The first press of a question a supervisor must approve: it leads to their approval, not to the action itself. */
export function StepUpNext() {
  const t = useT();
  return (
    <>
      {t('people:stepUp.next')} <span aria-hidden="true">→</span>
    </>
  );
}
