import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useOwnedFailure } from '../../app/ActionFailures';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { PinKeypad } from './PinKeypad';

type Step = 'current' | 'next' | 'again';

const STEP_LABEL: Record<Step, string> = {
  current: 'Your current PIN (the one IT gave you)',
  next: 'Choose a new PIN',
  again: 'The new PIN again',
};

/**
 * IT set this PIN (a new account, or a reset): its owner chooses their own before anything else. One keypad, three
 * steps; the rules on length are the core's, and its refusal is shown in its words.
 */
export function ChangePinScreen() {
  const { person, changeOwnPin, signOut } = useConsole(
    useShallow((s) => ({ person: s.auth?.person, changeOwnPin: s.changeOwnPin, signOut: s.signOut })),
  );
  const key = actionKey.session('change-pin');
  const busy = useConsole(selectBusy(key));
  const failure = useOwnedFailure(key);
  const [step, setStep] = useState<Step>('current');
  const [pins, setPins] = useState<Record<Step, string>>({ current: '', next: '', again: '' });
  const [mismatch, setMismatch] = useState(false);

  async function submit() {
    if (step === 'current') return setStep('next');
    if (step === 'next') return setStep('again');
    if (pins.again !== pins.next) {
      setMismatch(true);
      setPins((p) => ({ ...p, next: '', again: '' }));
      return setStep('next');
    }
    setMismatch(false);
    if (!(await changeOwnPin(pins.current, pins.next))) {
      setPins({ current: '', next: '', again: '' });
      setStep('current');
    }
  }

  return (
    <section className="panel sign-in sign-in-pin" aria-labelledby="change-pin-title">
      <div className="sign-in-who">
        <h2 id="change-pin-title">{person ? `${person.name}, choose your own PIN` : 'Choose your own PIN'}</h2>
        <p>Before anything else: the PIN IT gave you is replaced by one only you know.</p>
        <p className="muted">Operators and supervisors: 4 to 8 digits. IT: 6 digits or more, or a password.</p>
        {mismatch && (
          <p className="error-text" role="alert">
            <span aria-hidden="true">✕</span> The two new PINs differ: choose it again.
          </p>
        )}
        {failure && (
          <p className="error-text" role="alert">
            <span aria-hidden="true">✕</span> Not changed: {failure.error.message}
          </p>
        )}
        <button type="button" className="btn" onClick={() => void signOut()}>
          <span aria-hidden="true">⏏</span> Sign out
        </button>
      </div>
      <PinKeypad
        key={step}
        label={STEP_LABEL[step]}
        value={pins[step]}
        onChange={(v) => setPins((p) => ({ ...p, [step]: v }))}
        onSubmit={() => void submit()}
        disabled={busy}
        submitLabel={
          step === 'again' ? (
            <>
              <span aria-hidden="true">✓</span> Save my PIN
            </>
          ) : (
            <>
              Next <span aria-hidden="true">→</span>
            </>
          )
        }
      />
    </section>
  );
}
