import { useState } from 'react';
import type { FeedSettings } from '../../../../shared/api/feeds';
import type { AlertRules } from '../../../../shared/idv/alert-rules';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { formatTime } from '../format';

type IdvSettings = FeedSettings['idv'];

const same = (a: AlertRules, b: AlertRules) =>
  JSON.stringify([[...a.results].sort(), [...a.events].sort()]) === JSON.stringify([[...b.results].sort(), [...b.events].sort()]);

function Choice({ name, text, checked, onChange }: { name: string; text: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="rule-choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>
        {text} <span className="mono muted">{name}</span>
      </span>
    </label>
  );
}

function RulesForm({ idv }: { idv: IdvSettings }) {
  const save = useConsole((s) => s.setVerificationAlertRules);
  const busy = useConsole(selectBusy(actionKey.verificationRules));
  const [draft, setDraft] = useState<AlertRules>(idv.alertRules);
  const [other, setOther] = useState('');
  const toggle = (list: 'results' | 'events', name: string, on: boolean) =>
    setDraft((d) => ({ ...d, [list]: on ? [...d[list], name] : d[list].filter((n) => n !== name) }));
  const add = (list: 'results' | 'events') => {
    const name = other.trim();
    if (name && !draft[list].includes(name)) toggle(list, name, true);
    setOther('');
  };
  // Names the rules carry that this console does not know (the vendor's sets evolve) stay visible and removable.
  const extra = (list: 'results' | 'events', known: readonly { name: string }[]) =>
    draft[list].filter((n) => !known.some((k) => k.name === n)).map((name) => ({ name, text: 'Not in the vendor list' }));

  return (
    <form
      className="rules-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <fieldset>
        <legend>Results that raise an alert</legend>
        {[...idv.knownResults, ...extra('results', idv.knownResults)].map((r) => (
          <Choice key={r.name} name={r.name} text={r.text} checked={draft.results.includes(r.name)} onChange={(on) => toggle('results', r.name, on)} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Last events that raise an alert</legend>
        {[...idv.knownEvents, ...extra('events', idv.knownEvents)].map((ev) => (
          <Choice key={ev.name} name={ev.name} text={ev.text} checked={draft.events.includes(ev.name)} onChange={(on) => toggle('events', ev.name, on)} />
        ))}
      </fieldset>
      <div className="rules-other">
        <label>
          Another name
          <input className="rules-input mono" value={other} onChange={(e) => setOther(e.target.value)} maxLength={100} />
        </label>
        <button type="button" className="btn btn-feed-small" disabled={other.trim() === ''} onClick={() => add('results')}>
          Add as result
        </button>
        <button type="button" className="btn btn-feed-small" disabled={other.trim() === ''} onClick={() => add('events')}>
          Add as event
        </button>
      </div>
      <div className="rules-actions">
        <button type="submit" className="btn btn-go" disabled={busy || same(draft, idv.alertRules)}>
          Save alert rules
        </button>
        {idv.rulesChangedAt && (
          <button type="button" className="btn" disabled={busy} onClick={() => void save(null)}>
            Return to the config file&apos;s rules
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * Which verification results and events raise an alert. The vendor asks for exactly this to be configuration: it is
 * changed here, at once, without a new build, and applies to deliveries from now on.
 */
export function AlertRulesEditor() {
  const idv = useConsole((s) => s.feeds?.settings.idv);
  if (!idv) return null;
  return (
    <section className="panel rules" aria-labelledby="rules-title">
      <h2 id="rules-title">Verification alerts</h2>
      <p className="muted">
        {idv.rulesChangedAt
          ? `Changed in this console by ${idv.rulesChangedBy ?? '?'} at ${formatTime(idv.rulesChangedAt)}; the config file says: ${
              [...idv.configuredRules.results, ...idv.configuredRules.events].join(', ') || 'nothing'
            }.`
          : 'As in the config file (idv.alertOn).'}{' '}
        Applies to deliveries from now on.
      </p>
      <RulesForm key={JSON.stringify(idv.alertRules)} idv={idv} />
    </section>
  );
}
