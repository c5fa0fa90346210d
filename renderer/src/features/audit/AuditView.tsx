import { useEffect, useState } from 'react';
import type { CommandView } from '../../../../shared/api/views';
import { useOwnedFailure } from '../../app/ActionFailures';
import { actionKey, selectBusy } from '../../store/actions';
import { AUDIT_PAGE_SIZE } from '../../store/audit-slice';
import { useConsole } from '../../store/context';
import { formatDateTime } from '../format';
import { ROLE_WORD } from '../people/role-words';
import { AuditEvents } from './AuditEvents';
import { AuditFilters } from './AuditFilters';
import { STATE_LOOK, whatWasDone } from './audit-texts';
import { downloadText } from './download';
import { PinRefusals } from './PinRefusals';

function payloadText(payload: unknown): string {
  return payload === undefined || payload === null ? '' : JSON.stringify(payload);
}

function AuditRow({ command, machineLabel }: { command: CommandView; machineLabel: string }) {
  const look = STATE_LOOK[command.state];
  return (
    <tr data-command-id={command.id} data-command-state={command.state}>
      <td>{formatDateTime(command.createdAt)}</td>
      <td>
        {command.actor}
        <div className="muted">
          {command.accountRole ? ROLE_WORD[command.accountRole] : command.role}
          {command.station ? ` · ${command.station}` : ''}
        </div>
        {/* A supervisor's step-up: the decision is theirs, made at someone else's station. */}
        {command.signedIn && <div className="muted">approved at the station of {command.signedIn}</div>}
      </td>
      <td>{machineLabel}</td>
      <td>{whatWasDone(command)}</td>
      <td className="mono audit-payload">{payloadText(command.payload)}</td>
      <td>
        <span className={`badge badge-${look.tone}`}>
          <span aria-hidden="true">{look.icon}</span> {look.word}
        </span>
        {command.attempts > 1 && <div className="muted">{command.attempts} attempts</div>}
      </td>
      <td className="audit-outcome">{command.outcome ?? ''}</td>
    </tr>
  );
}

/** Every command and decision the console sent: who, in which role, when, to which machine, what, and what became of it. */
export function AuditView() {
  const rows = useConsole((s) => s.auditRows);
  const total = useConsole((s) => s.auditTotal);
  const offset = useConsole((s) => s.auditOffset);
  const loadError = useConsole((s) => s.auditError);
  const machines = useConsole((s) => s.machines);
  const load = useConsole((s) => s.loadAudit);
  const setOffset = useConsole((s) => s.setAuditOffset);
  const exportCsv = useConsole((s) => s.exportAudit);
  const exporting = useConsole(selectBusy(actionKey.auditExport));
  // A refused export is said beside its button, from the one error path.
  const exportFailure = useOwnedFailure(actionKey.auditExport);
  const [started, setStarted] = useState<string | undefined>();

  useEffect(() => {
    void load();
  }, [load]);

  async function onExport() {
    setStarted(undefined);
    const result = await exportCsv();
    if (!result) return;
    downloadText(result.filename, result.csv);
    setStarted(result.filename);
  }

  const label = (id: string) => machines.find((m) => m.id === id)?.label ?? id;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + rows.length, total);

  return (
    <section className="panel audit" aria-labelledby="audit-title">
      <div className="panel-header">
        <h2 id="audit-title">Audit trail</h2>
        <span className="muted">Every command and decision, newest first</span>
      </div>
      <AuditFilters />
      <div className="audit-toolbar">
        <span className="audit-count" aria-live="polite">
          {total === 0 ? 'No command matches.' : `Showing ${first}–${last} of ${total}`}
        </span>
        <button type="button" className="btn btn-slim" disabled={offset === 0} onClick={() => void setOffset(offset - AUDIT_PAGE_SIZE)}>
          <span aria-hidden="true">◀</span> Newer
        </button>
        <button type="button" className="btn btn-slim" disabled={offset + AUDIT_PAGE_SIZE >= total} onClick={() => void setOffset(offset + AUDIT_PAGE_SIZE)}>
          Older <span aria-hidden="true">▶</span>
        </button>
        <button type="button" className="btn btn-slim" disabled={exporting} onClick={() => void onExport()}>
          <span aria-hidden="true">⇩</span> Export CSV
        </button>
      </div>
      {exportFailure ? (
        <p className="error-text" role="status">
          Export failed: {exportFailure.error.message}
        </p>
      ) : (
        started && (
          <p className="muted" role="status">
            Download started: {started}
          </p>
        )
      )}
      {loadError && (
        <p className="error-text" role="alert">
          {loadError}
        </p>
      )}
      <div className="table-scroll">
        <table className="data-table audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Machine</th>
              <th scope="col">What</th>
              <th scope="col">Payload</th>
              <th scope="col">State</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <AuditRow key={c.id} command={c} machineLabel={label(c.machineId)} />
            ))}
          </tbody>
        </table>
      </div>
      <AuditEvents />
      <PinRefusals machineLabel={label} />
    </section>
  );
}
