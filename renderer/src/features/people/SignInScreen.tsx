import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SessionView } from '../../../../shared/api/people';
import type { Translate } from '../../../../shared/i18n/translate';
import { errorText, useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { useScanReceiver } from '../keyboard/scan-route';
import { PinKeypad } from './PinKeypad';
import { roleWord } from './role-words';

const NO_NAMES: SessionView['signInNames'] = [];

type Who = { accountId: number; name: string } | { badge: string };

/** A scanned badge does not say whose it is until the core checks it: the screen says "badge" and its last digits. */
const whoWords = (t: Translate, who: Who) => ('name' in who ? who.name : t('people:signIn.badgeWords', { last: who.badge.slice(-4) }));

/** The names to tap: each a large tile, name first, role under it. */
function NameTiles({ names, onPick }: { names: SessionView['signInNames']; onPick: (who: Who) => void }) {
  const t = useT();
  if (names.length === 0) return <p className="muted">{t('people:signIn.noNames')}</p>;
  return (
    <ul className="name-tiles" aria-label={t('people:signIn.tapName')}>
      {names.map((n) => (
        <li key={n.accountId}>
          <button type="button" className="name-tile" onClick={() => onPick({ accountId: n.accountId, name: n.name })}>
            <span className="name-tile-name">{n.name}</span>
            <span className="name-tile-role">{roleWord(t, n.role)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * Sign-in for a gloved hand: tap your name or scan your badge (a badge reader types its number in a burst, which
 * lands here while this screen is up: keyboard/scan-route.ts), then the PIN on the keypad. A refusal (wrong PIN,
 * wait, locked until) is the core's, in its words; the PIN is cleared for the next try.
 */
export function SignInScreen() {
  const t = useT();
  const { names, openSignIn, signIn } = useConsole(
    useShallow((s) => ({ names: s.auth?.signInNames ?? NO_NAMES, openSignIn: s.openSignIn, signIn: s.signIn })),
  );
  const key = actionKey.session('sign-in');
  const busy = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key);
  const dismiss = useConsole((s) => s.dismissError);
  const [who, setWho] = useState<Who | undefined>();
  const [pin, setPin] = useState('');
  const pick = (next: Who | undefined) => {
    setWho(next);
    setPin('');
    dismiss(key);
  };
  useScanReceiver((badge) => pick({ badge }));

  async function submit() {
    if (!who || pin === '') return;
    const credential = 'badge' in who ? { badge: who.badge, pin } : { accountId: who.accountId, pin };
    if (!(await signIn(credential))) setPin('');
  }

  const back = (
    <button type="button" className="btn" onClick={() => openSignIn(false)}>
      <span aria-hidden="true">✕</span> {t('people:signIn.back')}
    </button>
  );

  if (!who) {
    return (
      <section className="panel sign-in" aria-labelledby="sign-in-title">
        <div className="sign-in-top">
          <h2 id="sign-in-title">{t('people:signIn.title')}</h2>
          {back}
        </div>
        <p className="sign-in-hint">
          <span aria-hidden="true">▮▮▯▮</span> {t('people:signIn.hint')}
        </p>
        <NameTiles names={names} onPick={pick} />
      </section>
    );
  }

  // The keypad beside the name, not under it: the whole of it, OK included, fits a 768-pixel screen.
  return (
    <section className="panel sign-in sign-in-pin" aria-labelledby="sign-in-title">
      <div className="sign-in-who">
        <h2 id="sign-in-title">{t('people:signIn.as', { who: whoWords(t, who) })}</h2>
        <button type="button" className="btn" onClick={() => pick(undefined)}>
          <span aria-hidden="true">←</span> {t('people:signIn.notYou')}
        </button>
        {failure && (
          <p className="error-text sign-in-refusal" role="alert">
            <span aria-hidden="true">✕</span> {t('people:signIn.refused', { reason: errorText(t, failure.error) })}
          </p>
        )}
        {back}
      </div>
      <PinKeypad
        label={t('people:signIn.pin')}
        value={pin}
        onChange={setPin}
        onSubmit={() => void submit()}
        disabled={busy}
        onBadge={(badge) => pick({ badge })}
        submitLabel={
          <>
            <span aria-hidden="true">✓</span> {t('people:signIn.submit')}
          </>
        }
      />
    </section>
  );
}
