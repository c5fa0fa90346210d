import { useShallow } from 'zustand/react/shallow';
import { LANGUAGE_NAMES } from '../../../../shared/i18n/languages';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { LanguagePicker } from './LanguagePicker';
import { roleWord } from './role-words';
import { useIdleLock } from './use-idle-lock';

/**
 * On every screen while someone is signed in here: who, their role, their language, and Sign out. The station locks
 * itself after `idleMinutes` without input (the core ends the session on its own clock too).
 */
export function SignedInPerson() {
  const t = useT();
  const { auth, signOut, lockStation, setOwnLanguage } = useConsole(
    useShallow((s) => ({ auth: s.auth, signOut: s.signOut, lockStation: s.lockStation, setOwnLanguage: s.setOwnLanguage })),
  );
  const busy = useConsole(selectBusy(actionKey.session('sign-out')));
  const choosing = useConsole(selectBusy(actionKey.session('language')));
  const person = auth?.person;
  useIdleLock(person ? auth?.idleMinutes : undefined, () => void lockStation());
  if (!auth || !person) return null;
  return (
    <div className="station-band station-person" role="region" aria-label={t('people:signedIn.region')}>
      <p className="signed-in-who">
        <span aria-hidden="true">●</span> {t('people:signedIn.who')} <strong>{person.name}</strong>{' '}
        <span className="signed-in-role">{roleWord(t, person.role)}</span>
      </p>
      <LanguagePicker
        label={t('people:signedIn.language')}
        value={auth.ownLanguage}
        stationWord={t('people:signedIn.stationLanguage', { language: LANGUAGE_NAMES[auth.stationLanguage] })}
        disabled={choosing}
        onChange={(language) => void setOwnLanguage(language)}
      />
      <button type="button" className="btn btn-slim" disabled={busy} onClick={() => void signOut()}>
        <span aria-hidden="true">⏏</span> {t('people:signedIn.signOut')}
      </button>
    </div>
  );
}
