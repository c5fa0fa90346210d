import { useEffect, useState } from 'react';
import type { CommandView } from '../../../../shared/api/views';
import { actionKey } from '../../store/actions';
import { sayOr } from '../../../../shared/i18n/say';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { ShowMore } from '../../ui/ShowMore';
import { useFormat } from '../format';
import { roleWord } from '../people/role-words';
import { AuditEvents } from './AuditEvents';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { STATE_LOOK, stateWord, whatWasDone } from './audit-texts';
import { ExportButton, ExportOutcome } from './ExportOutcome';
import { PinRefusals } from './PinRefusals';
import { useAuditExport } from './use-audit-export';

function payloadText(payload: unknown): string {
  return payload === undefined || payload === null ? '' : JSON.stringify(payload);
}

function AuditRow({ command, machineLabel }: { command: CommandView; machineLabel: string }) {
  const t = useT();
  const format = useFormat();
  const look = STATE_LOOK[command.state];
  return (
    <tr data-command-id={command.id} data-command-state={command.state}>
      <td>{format.dateTime(command.createdAt)}</td>
      <td>
        {command.actor}
        <div className="muted">
          {command.accountRole ? roleWord(t, command.accountRole) : t(`audit:sentAs.${command.role}`)}
          {command.station ? ` · ${command.station}` : ''}
        </div>
        {/* A supervisor's step-up: the decision is theirs, made at someone else's station. */}
        {command.signedIn && <div className="muted">{t('audit:approvedAt', { name: command.signedIn })}</div>}
      </td>
      <td>{machineLabel}</td>
      <td>{whatWasDone(t, command)}</td>
      <td className="mono audit-payload">{payloadText(command.payload)}</td>
      <td>
        <span className={`badge badge-${look.tone}`}>
          <span aria-hidden="true">{look.icon}</span> {stateWord(t, command.state)}
        </span>
        {command.attempts > 1 && <div className="muted">{t('audit:attempts', { count: command.attempts })}</div>}
      </td>
      {/* Rows stored before outcomes were coded keep the English they were stored in. */}
      <td className="audit-outcome">{sayOr(t, command.outcomeText, command.outcome ?? '')}</td>
    </tr>
  );
}

/** Every command and decision the console sent: who, in which role, when, to which machine, what, and what became of it. */
export function AuditView() {
  const t = useT();
  const { rows, next, total = 0, totalCapped } = useConsole((s) => s.audit);
  const loadError = useConsole((s) => s.auditError);
  const machines = useConsole((s) => s.machines);
  const load = useConsole((s) => s.loadAudit);
  const loadMore = useConsole((s) => s.loadMoreAudit);
  const exportCsv = useConsole((s) => s.exportAudit);
  const [includeArchive, setIncludeArchive] = useState(false);
  const { exporting, failure, exported, start } = useAuditExport(actionKey.auditExport, () => exportCsv({ includeArchive }));

  useEffect(() => {
    void load();
  }, [load]);

  const label = (id: string) => machines.find((m) => m.id === id)?.label ?? id;

  return (
    <section className="panel audit" aria-labelledby="audit-title">
      <div className="panel-header">
        <h2 id="audit-title">{t('audit:title')}</h2>
        <span className="muted">{t('audit:subtitle')}</span>
      </div>
      <AuditFilters />
      <div className="audit-toolbar">
        <span className="audit-count" aria-live="polite">
          {total === 0 ? t('audit:noMatch') : t('audit:matches', { count: total, capped: totalCapped ? '+' : '' })}
        </span>
        <label className="check">
          <input type="checkbox" checked={includeArchive} onChange={(e) => setIncludeArchive(e.target.checked)} />
          {t('audit:includeArchive')}
        </label>
        <ExportButton exporting={exporting} onExport={() => void start()} label={t('audit:exportCsv')} />
      </div>
      <ExportOutcome failure={failure} exported={exported} savedKey="audit:export.savedCommands" />
      {loadError && (
        <p className="error-text" role="alert">
          {loadError}
        </p>
      )}
      <AuditTable columns={['when', 'who', 'machine', 'what', 'payload', 'state', 'outcome']}>
        {rows.map((c) => (
          <AuditRow key={c.id} command={c} machineLabel={label(c.machineId)} />
        ))}
      </AuditTable>
      <ShowMore shown={rows.length} total={total} totalCapped={totalCapped} more={next !== undefined} what={t('audit:commands')} onMore={loadMore} />
      <AuditEvents />
      <PinRefusals machineLabel={label} />
    </section>
  );
}
