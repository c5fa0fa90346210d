import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectReadOnly } from '../../store/people-slice';

/**
 * Beside the buttons a console that requires sign-in shows disabled while nobody is signed in: why, in words. The
 * core refuses those calls anyway; this says so before anyone presses.
 */
export function SignInToAct() {
  const t = useT();
  const readOnly = useConsole(selectReadOnly);
  if (!readOnly) return null;
  return (
    <p className="sign-in-to-act">
      <span aria-hidden="true">→</span> {t('people:signInToAct')}
    </p>
  );
}
