import { useId, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CommandKindSchema, CommandStateSchema, type CommandKind, type CommandState } from '../../../../shared/api/views';
import type { AuditFilter } from '../../store/audit-slice';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { selectMachines } from '../../store/selectors';
import { ChoiceField } from '../../ui/ChoiceField';
import { translateCommand } from '../../ui/command-words';
import { stateWord } from './audit-texts';

/** A datetime-local value is local time to the minute; the trail stores UTC ISO times. */
function toIso(local: string, endOfMinute: boolean): string | undefined {
  if (local === '') return undefined;
  const t = new Date(local).getTime();
  return Number.isNaN(t) ? undefined : new Date(t + (endOfMinute ? 59_999 : 0)).toISOString();
}

/** Back from the stored ISO time to what a datetime-local input shows, so the form matches the list on return. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Draft {
  machineId: string;
  kind: string;
  state: string;
  actor: string;
  /** One person's account, picked by name (issue 13); "Who" still matches older rows and names no longer listed. */
  accountId: string;
  since: string;
  until: string;
}

const EMPTY: Draft = { machineId: '', kind: '', state: '', actor: '', accountId: '', since: '', until: '' };

function toDraft(f: AuditFilter): Draft {
  return {
    machineId: f.machineId ?? '',
    kind: f.kind ?? '',
    state: f.state ?? '',
    actor: f.actor ?? '',
    accountId: f.accountId === undefined ? '' : String(f.accountId),
    since: toLocalInput(f.since),
    until: toLocalInput(f.until),
  };
}

function toFilter(d: Draft): AuditFilter {
  const since = toIso(d.since, false);
  const until = toIso(d.until, true);
  return {
    ...(d.machineId ? { machineId: d.machineId } : {}),
    ...(d.kind ? { kind: d.kind as CommandKind } : {}),
    ...(d.state ? { state: d.state as CommandState } : {}),
    ...(d.actor.trim() ? { actor: d.actor.trim() } : {}),
    ...(d.accountId ? { accountId: Number(d.accountId) } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
  };
}

/** Narrows the trail by machine, kind, state, who, and a time range; applied on "Show", cleared in one press. */
export function AuditFilters() {
  const t = useT();
  const machines = useConsole(selectMachines);
  const people = useConsole(useShallow((s) => s.auth?.signInNames ?? []));
  const applied = useConsole((s) => s.auditFilter);
  const apply = useConsole((s) => s.setAuditFilter);
  // The filter lives in the store and outlasts the view: the form starts from it, not blank over a filtered list.
  const [draft, setDraft] = useState<Draft>(() => toDraft(applied));
  const id = useId();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit(e: FormEvent) {
    e.preventDefault();
    void apply(toFilter(draft));
  }

  return (
    <form className="audit-filters" onSubmit={submit} aria-label={t('audit:filter.label')}>
      <ChoiceField
        className="field"
        selectClassName="input"
        label={t('audit:filter.machine')}
        anyLabel={t('audit:filter.allMachines')}
        value={draft.machineId}
        onChange={(machineId) => set({ machineId })}
        choices={machines.map((m) => ({ value: m.id, label: m.label }))}
      />
      <ChoiceField
        className="field"
        selectClassName="input"
        label={t('audit:filter.what')}
        anyLabel={t('audit:filter.everything')}
        value={draft.kind}
        onChange={(kind) => set({ kind })}
        choices={CommandKindSchema.options.map((k) => ({ value: k, label: translateCommand(t, k) }))}
      />
      <ChoiceField
        className="field"
        selectClassName="input"
        label={t('audit:filter.state')}
        anyLabel={t('audit:filter.anyState')}
        value={draft.state}
        onChange={(state) => set({ state })}
        choices={CommandStateSchema.options.map((st) => ({ value: st, label: stateWord(t, st) }))}
      />
      {people.length > 0 && (
        <ChoiceField
          className="field"
          selectClassName="input"
          label={t('audit:filter.person')}
          anyLabel={t('audit:filter.everyone')}
          value={draft.accountId}
          onChange={(accountId) => set({ accountId })}
          choices={people.map((p) => ({ value: String(p.accountId), label: p.name }))}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-actor`}>{t('audit:filter.who')}</label>
        <input id={`${id}-actor`} className="input" type="text" maxLength={100} value={draft.actor} onChange={(e) => set({ actor: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-since`}>{t('audit:filter.from')}</label>
        <input id={`${id}-since`} className="input" type="datetime-local" value={draft.since} onChange={(e) => set({ since: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-until`}>{t('audit:filter.until')}</label>
        <input id={`${id}-until`} className="input" type="datetime-local" value={draft.until} onChange={(e) => set({ until: e.target.value })} />
      </div>
      <div className="audit-filter-buttons">
        <button type="submit" className="btn btn-slim">
          <span aria-hidden="true">⌕</span> {t('audit:filter.show')}
        </button>
        <button
          type="button"
          className="btn btn-slim"
          onClick={() => {
            setDraft(EMPTY);
            void apply({});
          }}
        >
          {t('audit:filter.clear')}
        </button>
      </div>
    </form>
  );
}
