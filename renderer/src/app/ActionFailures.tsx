import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../shared/api/result';
import { formatTime } from '../features/format';
import { useConsole } from '../store/context';
import { selectFailure, selectUnownedFailures, type ActionFailure } from '../store/errors-slice';

/** What kind of "not done" it was, in words: the colour is never the only sign. */
const CODE_WORD: Record<ApiError['code'], string> = {
  'not-allowed': 'refused by the console',
  'invalid-request': 'the console could not accept it as sent',
  'not-found': 'the console no longer knows it',
  unavailable: 'the console could not be reached',
  internal: 'the console failed',
};

function FailureNotice({ failure }: { failure: ActionFailure }) {
  const dismiss = useConsole((s) => s.dismissError);
  const titleId = useId();
  return (
    <div className="action-failure" role="alert" aria-labelledby={titleId} data-action={failure.key} data-error-code={failure.error.code}>
      <span className="action-failure-icon" aria-hidden="true">
        ✕
      </span>
      <div className="action-failure-body">
        <p className="action-failure-state">
          Not done — {CODE_WORD[failure.error.code]}, at {formatTime(new Date(failure.at).toISOString())}
        </p>
        <div className="action-failure-line">
          <h2 id={titleId}>{failure.label}</h2>
          <p className="action-failure-reason">{failure.error.message}</p>
        </div>
      </div>
      <button type="button" className="btn btn-compact" onClick={() => dismiss(failure.key)}>
        <span aria-hidden="true">✕</span> Dismiss
      </button>
    </div>
  );
}

/**
 * The one place a refused action is shown: a compact band at the foot of the screen, over whatever view is open (it
 * never pushes the buttons a person is pressing), until dismissed or tried again. Failures a control on screen shows
 * beside itself (see useOwnedFailure) are left to it.
 */
export function ActionFailures() {
  const failures = useConsole(useShallow(selectUnownedFailures));
  if (failures.length === 0) return null;
  return (
    <section className="action-failures" aria-label="Actions not done">
      {failures.map((f) => (
        <FailureNotice key={f.key} failure={f} />
      ))}
    </section>
  );
}

/**
 * For a control that shows its action's failure beside itself (a dialog that stays open on a wrong PIN, a setting's
 * row, the start form): the failure as posted, kept out of the panel while the control is on screen, and dismissed
 * when it goes.
 */
export function useOwnedFailure(key: string): ActionFailure | undefined {
  const own = useConsole((s) => s.ownFailures);
  useEffect(() => own(key), [own, key]);
  return useConsole(selectFailure(key));
}
