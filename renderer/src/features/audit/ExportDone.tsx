import type { AuditExport } from '../../../../shared/api/records';

/**
 * Where an audit export went: a download the browser took, or a file the app wrote (a closed save dialog says
 * nothing). `noun` names the rows: the commands, or the other trail's events.
 */
export function ExportDone({ exported, noun }: { exported: AuditExport | undefined; noun: { one: string; many: string } }) {
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
