import { useEffect, useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ApiError } from '../../../shared/api/result';
import { sayOr } from '../../../shared/i18n/say';
import type { Translate } from '../../../shared/i18n/translate';
import { useFormat } from '../features/format';
import { useT } from '../i18n/use-t';
import { useConsole } from '../store/context';
import { selectFailure, selectUnownedFailures, type ActionFailure } from '../store/errors-slice';

/** What the core said, in the page's language where the catalog holds its code, else as it was written. */
export const errorText = (t: Translate, error: ApiError): string => sayOr(t, error.text, error.message);

function FailureNotice({ failure }: { failure: ActionFailure }) {
  const t = useT();
  const format = useFormat();
  const dismiss = useConsole((s) => s.dismissError);
  const titleId = useId();
  return (
    <div className="action-failure" role="alert" aria-labelledby={titleId} data-action={failure.key} data-error-code={failure.error.code}>
      <span className="action-failure-icon" aria-hidden="true">
        ✕
      </span>
      <div className="action-failure-body">
        <p className="action-failure-state">
          {/* What kind of "not done" it was, in words: the colour is never the only sign. */}
          {t('app:failure.state', { why: t(`app:failure.codes.${failure.error.code}`), time: format.time(new Date(failure.at).toISOString()) })}
        </p>
        <div className="action-failure-line">
          <h2 id={titleId}>{failure.label}</h2>
          <p className="action-failure-reason">{errorText(t, failure.error)}</p>
        </div>
      </div>
      <button type="button" className="btn btn-compact" onClick={() => dismiss(failure.key)}>
        <span aria-hidden="true">✕</span> {t('app:failure.dismiss')}
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
  const t = useT();
  const failures = useConsole(useShallow(selectUnownedFailures));
  if (failures.length === 0) return null;
  return (
    <section className="action-failures" aria-label={t('app:failure.band')}>
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
