import { useEffect } from 'react';
import { AuditEventKindSchema, type AuditEventKind, type AuditEventView } from '../../../../shared/api/audit';
import { actionKey } from '../../store/actions';
import { AUDIT_EVENTS_SHOWN } from '../../store/audit-events-slice';
import { useConsole } from '../../store/context';
import { ChoiceField } from '../../ui/ChoiceField';
import { formatDateTime } from '../format';
import { ROLE_WORD } from '../people/role-words';
import { AuditTable } from './AuditTable';
import { ExportButton, ExportOutcome } from './ExportOutcome';
import { useAuditExport } from './use-audit-export';

/** What happened, in words; the icon repeats it, never alone. */
const KIND_LOOK: Record<AuditEventKind, { icon: string; word: string; tone: 'ok' | 'info' | 'warn' | 'bad' | 'muted' }> = {
  // Sign-in, sign-out, a refused PIN, a change to an account: the details say which.
  account: { icon: '●', word: 'Sign-in or account', tone: 'info' },
  setting: { icon: '⚙', word: 'Setting changed', tone: 'info' },
  refused: { icon: '✕', word: 'Refused', tone: 'bad' },
  'alert-acknowledged': { icon: '✓', word: 'Alert acknowledged', tone: 'ok' },
  'alert-shelved': { icon: '⏸', word: 'Alert shelved', tone: 'warn' },
  'alert-unshelved': { icon: '▶', word: 'Alert unshelved', tone: 'info' },
  'alarm-tested': { icon: '♪', word: 'Alarm tested', tone: 'ok' },
  'sound-silenced': { icon: '♪', word: 'Reminder silenced', tone: 'muted' },
};

/** The person's role (or that nobody was signed in) and the station. */
function whereWho(e: AuditEventView): string {
  const role = e.role ? ROLE_WORD[e.role] : e.accountId === undefined ? 'nobody signed in' : undefined;
  return [role, e.station].filter((part) => part !== undefined).join(' · ');
}

function detailOf(e: AuditEventView): string {
  const change = e.oldValue !== undefined || e.newValue !== undefined ? `${e.oldValue ?? '(none)'} → ${e.newValue ?? '(none)'}` : undefined;
  return [e.subject, change, e.method ? `(${e.method})` : undefined, e.detail].filter((part) => part !== undefined && part !== '').join(' · ');
}

/**
 * The rest of the trail, beside the commands: who signed in and out (and who was refused), what changed in the
 * settings and the accounts, what the console refused and why. The person, name and time filters above apply.
 */
export function AuditEvents() {
  const rows = useConsole((s) => s.auditEvents);
  const total = useConsole((s) => s.auditEventTotal);
  const error = useConsole((s) => s.auditEventsError);
  const kind = useConsole((s) => s.auditEventKind);
  const filter = useConsole((s) => s.auditFilter);
  const load = useConsole((s) => s.loadAuditEvents);
  const setKind = useConsole((s) => s.setAuditEventKind);
  const exportCsv = useConsole((s) => s.exportAuditEvents);
  const { exporting, failure, exported, start } = useAuditExport(actionKey.auditEventsExport, exportCsv);

  useEffect(() => {
    void load();
  }, [load, filter]);

  return (
    <section className="audit-events" aria-labelledby="audit-events-title">
      <div className="panel-header">
        <h3 id="audit-events-title">Sign-ins, settings, accounts and refusals</h3>
        <ChoiceField
          className="field audit-events-kind"
          selectClassName="input"
          label="Which"
          anyLabel="All of them"
          value={kind ?? ''}
          onChange={(k) => void setKind(k === '' ? undefined : (k as AuditEventKind))}
          choices={AuditEventKindSchema.options.map((k) => ({ value: k, label: KIND_LOOK[k].word }))}
        />
        <ExportButton exporting={exporting} onExport={() => void start()} label="Export these as CSV" />
      </div>
      <ExportOutcome failure={failure} exported={exported} noun={{ one: 'event', many: 'events' }} />
      {error && (
        <p className="error-text" role="alert">
          Could not read them: {error}
        </p>
      )}
      <p className="muted" aria-live="polite">
        {total === 0 ? 'Nothing recorded that matches.' : total > rows.length ? `The newest ${AUDIT_EVENTS_SHOWN} of ${total}.` : `${total} recorded.`}
      </p>
      {rows.length > 0 && (
        <AuditTable columns={['When', 'Who', 'What', 'Details']}>
          {rows.map((e) => (
            <tr key={e.id} data-audit-event={e.kind}>
              <td>{formatDateTime(e.at)}</td>
              <td>
                {e.actor}
                <div className="muted">{whereWho(e)}</div>
                {e.signedIn && <div className="muted">at the station of {e.signedIn}</div>}
              </td>
              <td>
                <span className={`badge badge-${KIND_LOOK[e.kind].tone}`}>
                  <span aria-hidden="true">{KIND_LOOK[e.kind].icon}</span> {KIND_LOOK[e.kind].word}
                </span>
              </td>
              <td className="audit-outcome">{detailOf(e)}</td>
            </tr>
          ))}
        </AuditTable>
      )}
    </section>
  );
}
