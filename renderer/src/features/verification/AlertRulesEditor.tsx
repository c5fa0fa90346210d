import { useState } from 'react';
import type { FeedSettings } from '../../../../shared/api/feeds';
import type { AlertRules } from '../../../../shared/idv/alert-rules';
import { actionKey, selectBusy } from '../../store/actions';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { useFormat } from '../format';

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

/** The vendor's names and their descriptions come from the core's list, as the vendor words them. */
function RulesForm({ idv }: { idv: IdvSettings }) {
  const t = useT();
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
    draft[list].filter((n) => !known.some((k) => k.name === n)).map((name) => ({ name, text: t('verification:rules.notInList') }));

  return (
    <form
      className="rules-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <fieldset>
        <legend>{t('verification:rules.results')}</legend>
        {[...idv.knownResults, ...extra('results', idv.knownResults)].map((r) => (
          <Choice key={r.name} name={r.name} text={r.text} checked={draft.results.includes(r.name)} onChange={(on) => toggle('results', r.name, on)} />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('verification:rules.events')}</legend>
        {[...idv.knownEvents, ...extra('events', idv.knownEvents)].map((ev) => (
          <Choice key={ev.name} name={ev.name} text={ev.text} checked={draft.events.includes(ev.name)} onChange={(on) => toggle('events', ev.name, on)} />
        ))}
      </fieldset>
      <div className="rules-other">
        <label>
          {t('verification:rules.another')}
          <input className="rules-input mono" value={other} onChange={(e) => setOther(e.target.value)} maxLength={100} />
        </label>
        <button type="button" className="btn btn-feed-small" disabled={other.trim() === ''} onClick={() => add('results')}>
          {t('verification:rules.addResult')}
        </button>
        <button type="button" className="btn btn-feed-small" disabled={other.trim() === ''} onClick={() => add('events')}>
          {t('verification:rules.addEvent')}
        </button>
      </div>
      <div className="rules-actions">
        <button type="submit" className="btn btn-go" disabled={busy || same(draft, idv.alertRules)}>
          {t('verification:rules.save')}
        </button>
        {idv.rulesChangedAt && (
          <button type="button" className="btn" disabled={busy} onClick={() => void save(null)}>
            {t('verification:rules.revert')}
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
  const t = useT();
  const format = useFormat();
  const idv = useConsole((s) => s.feeds?.settings.idv);
  if (!idv) return null;
  return (
    <section className="panel rules" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('verification:rules.title')}</h2>
      <p className="muted">
        {idv.rulesChangedAt
          ? t('verification:rules.changed', {
              who: idv.rulesChangedBy ?? '?',
              time: format.time(idv.rulesChangedAt),
              configured: [...idv.configuredRules.results, ...idv.configuredRules.events].join(', ') || t('verification:rules.nothing'),
            })
          : t('verification:rules.asConfigured')}{' '}
        {t('verification:rules.fromNow')}
      </p>
      <RulesForm key={JSON.stringify(idv.alertRules)} idv={idv} />
    </section>
  );
}
