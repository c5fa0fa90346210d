import { useEffect } from 'react';
import { alertIdsOf } from '../../../../shared/audit/alert-subject';
import { AuditEventKindSchema, type AuditEventKind, type AuditEventView } from '../../../../shared/api/audit';
import { sayOr } from '../../../../shared/i18n/say';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';
import { actionKey } from '../../store/actions';
import { AUDIT_EVENTS_SHOWN } from '../../store/audit-events-slice';
import { useConsole } from '../../store/context';
import { ChoiceField } from '../../ui/ChoiceField';
import { useFormat } from '../format';
import { roleWord } from '../people/role-words';
import { AuditTable } from './AuditTable';
import { ExportButton, ExportOutcome } from './ExportOutcome';
import { useAuditExport } from './use-audit-export';

/** What happened, in words (`audit:events.kind.<word>`); the icon repeats it, never alone. */
const KIND_LOOK: Record<AuditEventKind, { icon: string; word: string; tone: 'ok' | 'info' | 'warn' | 'bad' | 'muted' }> = {
  // Sign-in, sign-out, a refused PIN, a change to an account: the details say which.
  account: { icon: '●', word: 'account', tone: 'info' },
  setting: { icon: '⚙', word: 'setting', tone: 'info' },
  refused: { icon: '✕', word: 'refused', tone: 'bad' },
  'alert-acknowledged': { icon: '✓', word: 'alertAcknowledged', tone: 'ok' },
  'alert-shelved': { icon: '⏸', word: 'alertShelved', tone: 'warn' },
  'alert-unshelved': { icon: '▶', word: 'alertUnshelved', tone: 'info' },
  'alarm-tested': { icon: '♪', word: 'alarmTested', tone: 'ok' },
  'sound-silenced': { icon: '♪', word: 'soundSilenced', tone: 'muted' },
};

const kindWord = (t: Translate, kind: AuditEventKind) => t(`audit:events.kind.${KIND_LOOK[kind].word}`);

/** The person's role (or that nobody was signed in) and the station. */
function whereWho(t: Translate, e: AuditEventView): string {
  const role = e.role ? roleWord(t, e.role) : e.accountId === undefined ? t('audit:events.nobody') : undefined;
  return [role, e.station].filter((part) => part !== undefined).join(' · ');
}

/**
 * The values are the core's records (a setting's, a duration), shown as stored; the alerts a subject names and the
 * detail in the reader's language where they were stored with a code, else as written.
 */
function detailOf(t: Translate, e: AuditEventView): string {
  const none = t('audit:events.none');
  const change = e.oldValue !== undefined || e.newValue !== undefined ? `${e.oldValue ?? none} → ${e.newValue ?? none}` : undefined;
  return [subjectWords(t, e.subject), change, e.method ? `(${e.method})` : undefined, detailWords(t, e)]
    .filter((part) => part !== undefined && part !== '')
    .join(' · ');
}

function subjectWords(t: Translate, subject: string | undefined): string | undefined {
  const alerts = subject === undefined ? undefined : alertIdsOf(subject);
  return alerts ? alerts.map((id) => t('audit:events.alert', { id })).join(', ') : subject;
}

const detailWords = (t: Translate, e: AuditEventView): string | undefined => (e.detail === undefined ? undefined : sayOr(t, e.detailText, e.detail));

/**
 * The rest of the trail, beside the commands: who signed in and out (and who was refused), what changed in the
 * settings and the accounts, what the console refused and why. The person, name and time filters above apply.
 */
export function AuditEvents() {
  const t = useT();
  const format = useFormat();
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
        <h3 id="audit-events-title">{t('audit:events.title')}</h3>
        <ChoiceField
          className="field audit-events-kind"
          selectClassName="input"
          label={t('audit:events.which')}
          anyLabel={t('audit:events.all')}
          value={kind ?? ''}
          onChange={(k) => void setKind(k === '' ? undefined : (k as AuditEventKind))}
          choices={AuditEventKindSchema.options.map((k) => ({ value: k, label: kindWord(t, k) }))}
        />
        <ExportButton exporting={exporting} onExport={() => void start()} label={t('audit:events.export')} />
      </div>
      <ExportOutcome failure={failure} exported={exported} savedKey="audit:export.savedEvents" />
      {error && (
        <p className="error-text" role="alert">
          {t('audit:events.readFailed', { error })}
        </p>
      )}
      <p className="muted" aria-live="polite">
        {total === 0
          ? t('audit:events.nothing')
          : total > rows.length
            ? t('audit:events.newest', { shown: AUDIT_EVENTS_SHOWN, total })
            : t('audit:events.recorded', { total })}
      </p>
      {rows.length > 0 && (
        <AuditTable columns={['when', 'who', 'what', 'details']}>
          {rows.map((e) => (
            <tr key={e.id} data-audit-event={e.kind}>
              <td>{format.dateTime(e.at)}</td>
              <td>
                {e.actor}
                <div className="muted">{whereWho(t, e)}</div>
                {e.signedIn && <div className="muted">{t('audit:events.atStation', { name: e.signedIn })}</div>}
              </td>
              <td>
                <span className={`badge badge-${KIND_LOOK[e.kind].tone}`}>
                  <span aria-hidden="true">{KIND_LOOK[e.kind].icon}</span> {kindWord(t, e.kind)}
                </span>
              </td>
              <td className="audit-outcome">{detailOf(t, e)}</td>
            </tr>
          ))}
        </AuditTable>
      )}
    </section>
  );
}
