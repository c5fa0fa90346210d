import { useShallow } from 'zustand/react/shallow';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { ROLE_WORD } from './role-words';
import { useIdleLock } from './use-idle-lock';

/**
 * On every screen while someone is signed in here: who, their role, and Sign out. The station locks itself after
 * `idleMinutes` without input (the core ends the session on its own clock too).
 */
export function SignedInPerson() {
  const { person, idleMinutes, signOut, lockStation } = useConsole(
    useShallow((s) => ({ person: s.auth?.person, idleMinutes: s.auth?.idleMinutes, signOut: s.signOut, lockStation: s.lockStation })),
  );
  const busy = useConsole(selectBusy(actionKey.session('sign-out')));
  useIdleLock(person ? idleMinutes : undefined, () => void lockStation());
  if (!person) return null;
  return (
    <div className="station-band station-person" role="region" aria-label="Signed in">
      <p className="signed-in-who">
        <span aria-hidden="true">●</span> Signed in: <strong>{person.name}</strong> <span className="signed-in-role">{ROLE_WORD[person.role]}</span>
      </p>
      <button type="button" className="btn btn-slim" disabled={busy} onClick={() => void signOut()}>
        <span aria-hidden="true">⏏</span> Sign out
      </button>
    </div>
  );
}
