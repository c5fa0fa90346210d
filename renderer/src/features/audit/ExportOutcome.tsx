import type { AuditExport } from '../../../../shared/api/records';

type RowNoun = { one: string; many: string };

/**
 * Where an audit export went: a download the browser took, or a file the app wrote (a closed save dialog says
 * nothing). `noun` names the rows: the commands, or the other trail's events.
 */
function ExportDone({ exported, noun }: { exported: AuditExport | undefined; noun: RowNoun }) {
  if (exported?.kind === 'download') {
    return (
      <p className="muted" role="status">
        Download started: {exported.filename}
      </p>
    );
  }
  if (exported?.kind === 'saved') {
    return (
      <p className="muted" role="status">
        Saved {exported.rows.toLocaleString()} {exported.rows === 1 ? noun.one : noun.many} to {exported.path}
      </p>
    );
  }
  return null;
}

/** A refused export is said beside its button (from the one error path); otherwise where the last one went. */
export function ExportOutcome({ failure, exported, noun }: { failure: string | undefined; exported: AuditExport | undefined; noun: RowNoun }) {
  if (failure !== undefined) {
    return (
      <p className="error-text" role="status">
        Export failed: {failure}
      </p>
    );
  }
  return <ExportDone exported={exported} noun={noun} />;
}

/** Starts an export; while one runs it says so and cannot be pressed again. */
export function ExportButton({ exporting, onExport, label }: { exporting: boolean; onExport: () => void; label: string }) {
  return (
    <button type="button" className="btn btn-slim" disabled={exporting} onClick={onExport}>
      <span aria-hidden="true">⇩</span> {exporting ? 'Exporting…' : label}
    </button>
  );
}
