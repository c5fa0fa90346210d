import { useId, useState, type FormEvent } from 'react';
import { START_ISSUANCE_LIMITS as LIMITS, takesWorkflowTypeName, type ParamsOf } from '../../../../shared/api/contract';
import type { MachineView } from '../../../../shared/api/views';
import type { Translate } from '../../../../shared/i18n/translate';
import { errorText, useOwnedFailure } from '../../app/ActionFailures';
import { useT } from '../../i18n/use-t';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer } from '../../store/people-slice';
import { selectLatestCommand, selectMachines } from '../../store/selectors';
import { CommandOutcome } from '../commands/CommandOutcome';

interface MetadataRow {
  id: number;
  key: string;
  value: string;
}

const { min: MIN_STOP_AFTER, max: MAX_STOP_AFTER } = LIMITS.stopAfter;
const { min: MIN_THRESHOLD, max: MAX_THRESHOLD } = LIMITS.rejectedCardsThreshold;

interface StartFields {
  template: string;
  stopAfter: string;
  dryRun: boolean;
  /** AIDA's rejectedCardsThreshold, as typed: sent only when filled. */
  threshold: string;
  /** Deprecated in AIDA 1.6: sent only when filled, and only to machines not known to run 1.6 or later. */
  workflowType: string;
  metadata: readonly MetadataRow[];
}

/**
 * The form's fields as the start command's parameters, or what is wrong with them in words. The limits are the
 * contract's (START_ISSUANCE_LIMITS); the core checks them again and its refusal is shown like any other.
 */
export function startParams(machineId: string, form: StartFields, t: Translate): ParamsOf<'startIssuance'> | { error: string } {
  const params: ParamsOf<'startIssuance'> = { machineId };
  if (form.template.trim() !== '') params.jobTemplateName = form.template.trim();
  if (form.workflowType.trim() !== '') params.workflowTypeName = form.workflowType.trim();
  if (form.stopAfter.trim() !== '') {
    const n = Number(form.stopAfter);
    if (!Number.isInteger(n) || n < MIN_STOP_AFTER || n > MAX_STOP_AFTER) {
      return { error: t('issuance:invalid.stopAfter', { min: MIN_STOP_AFTER, max: MAX_STOP_AFTER }) };
    }
    params.stopAfter = n;
  }
  if (form.dryRun) params.dryRun = true;
  if (form.threshold.trim() !== '') {
    const n = Number(form.threshold);
    if (!Number.isFinite(n) || n < MIN_THRESHOLD || n > MAX_THRESHOLD) {
      return { error: t('issuance:invalid.threshold', { min: MIN_THRESHOLD, max: MAX_THRESHOLD }) };
    }
    params.rejectedCardsThreshold = n;
  }
  const fields: Record<string, string> = {};
  for (const row of form.metadata) {
    const key = row.key.trim();
    if (key === '' && row.value.trim() === '') continue;
    if (key === '') return { error: t('issuance:invalid.noName', { value: row.value }) };
    if (Object.hasOwn(fields, key)) return { error: t('issuance:invalid.twice', { key }) };
    fields[key] = row.value;
  }
  if (Object.keys(fields).length > 0) params.metadataFields = fields;
  return params;
}

/** What is wrong with the fields, or why the core refused the start: one line in the form, announced at once. */
function StartError({ invalid, failureKey }: { invalid: string | undefined; failureKey: string }) {
  // While the form is open, a refusal is said here (and dismissed when it folds); one that comes back while the form
  // is folded goes to the failure panel.
  const t = useT();
  const refused = useOwnedFailure(failureKey);
  const text = invalid ?? (refused ? t('issuance:refused', { reason: errorText(t, refused.error) }) : undefined);
  if (!text) return null;
  return (
    <p className="error-text" role="alert">
      {text}
    </p>
  );
}

function MachineStartForm({ machine }: { machine: MachineView }) {
  const t = useT();
  const key = actionKey.machine(machine.id, 'start');
  const busy = useConsole(selectBusy(key));
  const last = useConsole(selectLatestCommand(machine.id, ['start']));
  const start = useConsole((s) => s.startIssuanceWith);
  const [template, setTemplate] = useState('');
  const [stopAfter, setStopAfter] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [threshold, setThreshold] = useState('');
  const [workflowType, setWorkflowType] = useState('');
  const [olderOpen, setOlderOpen] = useState(false);
  const [metadata, setMetadata] = useState<MetadataRow[]>([]);
  const [nextRow, setNextRow] = useState(1);
  const [invalid, setInvalid] = useState<string | undefined>();
  // Folded until asked for: starting a batch is rare, and the job queue below must stay in view.
  const [open, setOpen] = useState(false);
  const id = useId();
  // What the machine reported of itself (GET system/info): on AIDA 1.6 or later the deprecated field is not offered.
  const version = machine.api?.version;
  const offerWorkflowType = takesWorkflowTypeName(version);

  function submit(e: FormEvent) {
    e.preventDefault();
    const params = startParams(machine.id, {
      template,
      stopAfter,
      dryRun,
      threshold,
      workflowType: offerWorkflowType ? workflowType : '',
      metadata,
    }, t);
    if ('error' in params) {
      setInvalid(params.error);
      return;
    }
    setInvalid(undefined);
    void start(params);
  }

  const setRow = (rowId: number, patch: Partial<MetadataRow>) => setMetadata((rows) => rows.map((r) => (r.id === rowId ? { ...r, ...patch } : r)));

  return (
    <section className="panel issuance" aria-labelledby={`${id}-title`} data-machine-id={machine.id}>
      <div className="issuance-head">
        <h2 id={`${id}-title`}>{t('issuance:title', { machine: machine.label })}</h2>
        <button
          type="button"
          className="btn btn-slim"
          aria-expanded={open}
          aria-controls={`${id}-form`}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? '▲' : '▼'}</span> {t(open ? 'issuance:hide' : 'issuance:show')}
        </button>
      </div>
      {open && (
        <form id={`${id}-form`} className="issuance-form" onSubmit={submit} noValidate>
          <div className="issuance-row">
            <div className="field">
              <label htmlFor={`${id}-template`}>{t('issuance:template')}</label>
              <input
                id={`${id}-template`}
                className="input"
                type="text"
                maxLength={LIMITS.jobTemplateNameLength}
                value={template}
                onChange={(e) => setTemplate(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-stop`}>{t('issuance:stopAfter')}</label>
              <input
                id={`${id}-stop`}
                className="input input-number"
                type="number"
                min={MIN_STOP_AFTER}
                max={MAX_STOP_AFTER}
                placeholder={t('issuance:noLimit')}
                value={stopAfter}
                onChange={(e) => setStopAfter(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-threshold`}>
                {t('issuance:threshold')} <span className="muted">{t('issuance:asAidaDefines')}</span>
              </label>
              <input
                id={`${id}-threshold`}
                className="input input-number"
                type="number"
                min={MIN_THRESHOLD}
                max={MAX_THRESHOLD}
                step="any"
                placeholder={t('issuance:notSent')}
                value={threshold}
                onChange={(e) => setThreshold(e.target.value)}
              />
            </div>
            <label className="check">
              <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
              {t('issuance:dryRun')}
            </label>
          </div>
          {offerWorkflowType ? (
            <div className="issuance-older">
              <button
                type="button"
                className="btn btn-slim"
                aria-expanded={olderOpen}
                aria-controls={`${id}-older`}
                onClick={() => setOlderOpen((o) => !o)}
              >
                <span aria-hidden="true">{olderOpen ? '▲' : '▼'}</span> {t('issuance:older')}
              </button>
              {olderOpen && (
                <div id={`${id}-older`} className="field">
                  <label htmlFor={`${id}-workflow-type`}>{t('issuance:workflowType')}</label>
                  <input
                    id={`${id}-workflow-type`}
                    className="input"
                    type="text"
                    maxLength={LIMITS.workflowTypeNameLength}
                    placeholder={t('issuance:notSent')}
                    value={workflowType}
                    onChange={(e) => setWorkflowType(e.target.value)}
                  />
                </div>
              )}
            </div>
          ) : null}
          <fieldset className="metadata">
            <legend>{t('issuance:metadata')}</legend>
            {metadata.map((row, index) => (
              <div key={row.id} className="metadata-row">
                <input
                  className="input"
                  type="text"
                  aria-label={t('issuance:metadataName', { n: index + 1 })}
                  placeholder={t('issuance:name')}
                  maxLength={LIMITS.metadataNameLength}
                  value={row.key}
                  onChange={(e) => setRow(row.id, { key: e.target.value })}
                />
                <input
                  className="input"
                  type="text"
                  aria-label={t('issuance:metadataValue', { n: index + 1 })}
                  placeholder={t('issuance:value')}
                  maxLength={LIMITS.metadataValueLength}
                  value={row.value}
                  onChange={(e) => setRow(row.id, { value: e.target.value })}
                />
                <button type="button" className="btn btn-slim" onClick={() => setMetadata((rows) => rows.filter((r) => r.id !== row.id))}>
                  <span aria-hidden="true">✕</span> {t('issuance:remove')}
                </button>
              </div>
            ))}
            <button
              type="button"
              className="btn btn-slim"
              onClick={() => {
                setMetadata((rows) => [...rows, { id: nextRow, key: '', value: '' }]);
                setNextRow((n) => n + 1);
              }}
            >
              <span aria-hidden="true">+</span> {t('issuance:addField')}
            </button>
          </fieldset>
          <StartError invalid={invalid} failureKey={key} />
          <button type="submit" className="btn btn-go" disabled={busy}>
            <span aria-hidden="true">▶</span> {t('issuance:start')}
          </button>
        </form>
      )}
      <CommandOutcome command={last} />
    </section>
  );
}

/** A start form for every machine the console can act on (not the "unknown machine" of unmatched messages). */
export function StartIssuance() {
  const machines = useConsole(selectMachines);
  // Starting is an act: not offered to a role the core refuses, nor while nobody is signed in where sign-in is required.
  const offer = useConsole(selectOffer('startIssuance', { machineId: machines[0]?.id ?? '' }));
  if (offer === 'refused' || offer === 'sign-in') return null;
  return (
    <>
      {machines
        .filter((m) => m.actionable)
        .map((m) => (
          <MachineStartForm key={m.id} machine={m} />
        ))}
    </>
  );
}
