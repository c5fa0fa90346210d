import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SessionView } from '../../../../shared/api/people';
import { useOwnedFailure } from '../../app/ActionFailures';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { useScanReceiver } from '../keyboard/scan-route';
import { PinKeypad } from './PinKeypad';
import { ROLE_WORD } from './role-words';

const NO_NAMES: SessionView['signInNames'] = [];

type Who = { accountId: number; name: string } | { badge: string };

/** A scanned badge does not say whose it is until the core checks it: the screen says "badge" and its last digits. */
const whoWords = (who: Who) => ('name' in who ? who.name : `badge …${who.badge.slice(-4)}`);

/** The names to tap: each a large tile, name first, role under it. */
function NameTiles({ names, onPick }: { names: SessionView['signInNames']; onPick: (who: Who) => void }) {
  if (names.length === 0) return <p className="muted">No one to sign in yet: IT creates the accounts.</p>;
  return (
    <ul className="name-tiles" aria-label="Tap your name">
      {names.map((n) => (
        <li key={n.accountId}>
          <button type="button" className="name-tile" onClick={() => onPick({ accountId: n.accountId, name: n.name })}>
            <span className="name-tile-name">{n.name}</span>
            <span className="name-tile-role">{ROLE_WORD[n.role]}</span>
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
      <span aria-hidden="true">✕</span> Back to the console
    </button>
  );

  if (!who) {
    return (
      <section className="panel sign-in" aria-labelledby="sign-in-title">
        <div className="sign-in-top">
          <h2 id="sign-in-title">Sign in: tap your name or scan your badge</h2>
          {back}
        </div>
        <p className="sign-in-hint">
          <span aria-hidden="true">▮▮▯▮</span> Badge: hold it to the reader at any time.
        </p>
        <NameTiles names={names} onPick={pick} />
      </section>
    );
  }

  // The keypad beside the name, not under it: the whole of it, OK included, fits a 768-pixel screen.
  return (
    <section className="panel sign-in sign-in-pin" aria-labelledby="sign-in-title">
      <div className="sign-in-who">
        <h2 id="sign-in-title">Sign in as {whoWords(who)}</h2>
        <button type="button" className="btn" onClick={() => pick(undefined)}>
          <span aria-hidden="true">←</span> Not you? Choose another name
        </button>
        {failure && (
          <p className="error-text sign-in-refusal" role="alert">
            <span aria-hidden="true">✕</span> Not signed in: {failure.error.message}
          </p>
        )}
        {back}
      </div>
      <PinKeypad
        label="Your PIN (IT: PIN or password)"
        value={pin}
        onChange={setPin}
        onSubmit={() => void submit()}
        disabled={busy}
        onBadge={(badge) => pick({ badge })}
        submitLabel={
          <>
            <span aria-hidden="true">✓</span> Sign in
          </>
        }
      />
    </section>
  );
}
