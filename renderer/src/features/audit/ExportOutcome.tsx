import type { AuditExport } from '../../../../shared/api/records';
import { useT } from '../../i18n/use-t';

/**
 * Where an audit export went: a download the browser took, or a file the app wrote (a closed save dialog says
 * nothing). `savedKey` names the rows in a sentence counted by i18next: the commands, or the other trail's events.
 */
function ExportDone({ exported, savedKey }: { exported: AuditExport | undefined; savedKey: string }) {
  const t = useT();
  if (exported?.kind === 'download') {
    return (
      <p className="muted" role="status">
        {t('audit:export.started', { filename: exported.filename })}
      </p>
    );
  }
  if (exported?.kind === 'saved') {
    return (
      <p className="muted" role="status">
        {t(savedKey, { count: exported.rows, path: exported.path })}
      </p>
    );
  }
  return null;
}

/** A refused export is said beside its button (from the one error path); otherwise where the last one went. */
export function ExportOutcome({ failure, exported, savedKey }: { failure: string | undefined; exported: AuditExport | undefined; savedKey: string }) {
  const t = useT();
  if (failure !== undefined) {
    return (
      <p className="error-text" role="status">
        {t('audit:export.failed', { error: failure })}
      </p>
    );
  }
  return <ExportDone exported={exported} savedKey={savedKey} />;
}

/** Starts an export; while one runs it says so and cannot be pressed again. */
export function ExportButton({ exporting, onExport, label }: { exporting: boolean; onExport: () => void; label: string }) {
  const t = useT();
  return (
    <button type="button" className="btn btn-slim" disabled={exporting} onClick={onExport}>
      <span aria-hidden="true">⇩</span> {exporting ? t('audit:export.running') : label}
    </button>
  );
}
