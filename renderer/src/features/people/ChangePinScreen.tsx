import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { errorText, useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { PinKeypad } from './PinKeypad';

type Step = 'current' | 'next' | 'again';

/**
 * IT set this PIN (a new account, or a reset): its owner chooses their own before anything else. One keypad, three
 * steps; the rules on length are the core's, and its refusal is shown in its words.
 */
export function ChangePinScreen() {
  const t = useT();
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
        <h2 id="change-pin-title">{person ? t('people:changePin.titleFor', { name: person.name }) : t('people:changePin.title')}</h2>
        <p>{t('people:changePin.why')}</p>
        <p className="muted">{t('people:pinRules')}</p>
        {mismatch && (
          <p className="error-text" role="alert">
            <span aria-hidden="true">✕</span> {t('people:changePin.differ')}
          </p>
        )}
        {failure && (
          <p className="error-text" role="alert">
            <span aria-hidden="true">✕</span> {t('people:changePin.refused', { reason: errorText(t, failure.error) })}
          </p>
        )}
        <button type="button" className="btn" onClick={() => void signOut()}>
          <span aria-hidden="true">⏏</span> {t('people:signedIn.signOut')}
        </button>
      </div>
      <PinKeypad
        key={step}
        label={t(`people:changePin.${step}`)}
        value={pins[step]}
        onChange={(v) => setPins((p) => ({ ...p, [step]: v }))}
        onSubmit={() => void submit()}
        disabled={busy}
        submitLabel={
          step === 'again' ? (
            <>
              <span aria-hidden="true">✓</span> {t('people:changePin.save')}
            </>
          ) : (
            <>
              {t('people:changePin.nextStep')} <span aria-hidden="true">→</span>
            </>
          )
        }
      />
    </section>
  );
}
