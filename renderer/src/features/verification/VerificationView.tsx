import { useConsole } from '../../store/context';
import { selectVerifications } from '../../store/feeds-slice';
import { AlertRulesEditor } from './AlertRulesEditor';
import { IdvEndpoint } from './IdvEndpoint';
import { VerificationCard } from './VerificationCard';

/** Applicants' identity verifications, most recently reported first, with the jobs each one gates. */
export function VerificationView() {
  const verifications = useConsole(selectVerifications);
  const canFetch = useConsole((s) => s.feeds?.settings.idv.getProcess === true);
  const error = useConsole((s) => s.feedsError);
  return (
    <>
      <section className="panel verifications" aria-labelledby="verifications-title">
        <header className="panel-header">
          <h2 id="verifications-title">Identity verifications</h2>
          <span className="muted" aria-live="polite">
            {verifications.length === 0 ? 'None received yet' : `${verifications.length} most recent`}
          </span>
        </header>
        {error && <p className="error-text">Could not load verifications: {error}</p>}
        {verifications.length > 0 && (
          <ol className="verification-list" aria-label="Verifications">
            {verifications.map((v) => (
              <VerificationCard key={v.processId} verification={v} canFetch={canFetch} />
            ))}
          </ol>
        )}
      </section>
      <IdvEndpoint />
      <AlertRulesEditor />
    </>
  );
}
