import { useState, type FormEvent } from 'react';
import type { SettingEntry } from '../../../../shared/api/settings';
import { errorText, useOwnedFailure } from '../../app/ActionFailures';
import { actionKey, selectBusy } from '../../store/actions';
import { useConsole } from '../../store/context';
import { selectOffer } from '../../store/people-slice';
import { LANGUAGE_NAMES, LanguageSchema } from '../../../../shared/i18n/languages';
import { sayOr } from '../../../../shared/i18n/say';
import type { Translate } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/use-t';

/** An option as a person reads it: a language by its own name ("Deutsch"), anything else as the file spells it. */
const optionWord = (option: string): string => {
  const lang = LanguageSchema.safeParse(option);
  return lang.success ? LANGUAGE_NAMES[lang.data] : option;
};

function shownValue(t: Translate, entry: SettingEntry): string {
  if (entry.value === null) return t('settings:value.notSet');
  // Whatever the core sent, a secret is only ever shown as set: nothing of its value reaches the screen.
  if (entry.secret) return t('settings:value.set');
  if (typeof entry.value === 'boolean') return t(entry.value ? 'settings:value.on' : 'settings:value.off');
  return entry.kind === 'enum' ? optionWord(String(entry.value)) : String(entry.value);
}

/** A value typed in a field (text, number, or a secret that is never shown back). */
function FieldEditor({ entry, onDone }: { entry: SettingEntry; onDone: () => void }) {
  const t = useT();
  const save = useConsole((s) => s.saveSetting);
  const [text, setText] = useState(entry.secret || entry.value === null ? '' : String(entry.value));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = entry.kind === 'number' ? Number(text) : text;
    if (await save(entry.key, value)) onDone();
  };
  return (
    <form className="setting-edit" onSubmit={(e) => void submit(e)}>
      <label>
        <span className="visually-hidden">{t('settings:newValue', { key: entry.key })}</span>
        <input
          className="setting-input"
          type={entry.secret ? 'password' : entry.kind === 'number' ? 'number' : 'text'}
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
      </label>
      <button type="submit" className="btn btn-compact btn-go">
        {t('settings:save')}
      </button>
      <button type="button" className="btn btn-compact" onClick={onDone}>
        {t('settings:cancel')}
      </button>
    </form>
  );
}

/** One button per choice (On/Off, or each option): one press, nothing to type with gloves on. */
function ChoiceEditor({ entry, choices }: { entry: SettingEntry; choices: [string, string | boolean][] }) {
  const save = useConsole((s) => s.saveSetting);
  return (
    <div className="setting-choices" role="group" aria-label={entry.key}>
      {choices.map(([label, value]) => {
        const current = entry.value === value;
        return (
          <button
            key={label}
            type="button"
            aria-pressed={current}
            className={`btn btn-compact${current ? ' btn-chosen' : ''}`}
            onClick={() => !current && void save(entry.key, value)}
          >
            {current && <span aria-hidden="true">✔ </span>}
            {label}
          </button>
        );
      })}
    </div>
  );
}

export function SettingRow({ entry }: { entry: SettingEntry }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const key = actionKey.setting(entry.key);
  const saving = useConsole(selectBusy(key));
  // A refused change is said beside the setting it was about.
  const failure = useOwnedFailure(key);
  const error = failure && errorText(t, failure.error);
  const reset = useConsole((s) => s.resetSetting);
  const overridden = entry.userSet && entry.source !== 'user';
  // Only the roles the core lets change settings (IT) see the editors; the core refuses anyone else anyway.
  const mayChange = useConsole(selectOffer('resetSetting', { key: entry.key })) === 'allowed';
  const editable = entry.editable && mayChange;

  let editor = null;
  if (editable && entry.kind === 'boolean') editor = <ChoiceEditor entry={entry} choices={[[t('settings:value.on'), true], [t('settings:value.off'), false]]} />;
  else if (editable && entry.kind === 'enum' && !entry.secret) {
    editor = <ChoiceEditor entry={entry} choices={(entry.options ?? []).map((o) => [optionWord(o), o])} />;
  } else if (editable && editing) editor = <FieldEditor entry={entry} onDone={() => setEditing(false)} />;
  else if (editable) {
    editor = (
      <button type="button" className="btn btn-compact" onClick={() => setEditing(true)}>
        {t(entry.secret ? (entry.value === null ? 'settings:setSecret' : 'settings:replace') : 'settings:change')}
      </button>
    );
  }

  return (
    <li className="setting-row" aria-busy={saving}>
      <div className="setting-head">
        <span className="setting-key mono">{entry.key}</span>
        <span className={`setting-value${entry.value === null ? ' muted' : ''}${entry.kind === 'list' ? ' mono' : ''}`}>
          {shownValue(t, entry)}
        </span>
      </div>
      {entry.note && (
        <p className="setting-note">
          <span aria-hidden="true">ℹ </span>
          {sayOr(t, entry.noteText, entry.note)}
        </p>
      )}
      <div className="setting-meta">
        <span className="badge badge-muted">{t(`settings:source.${entry.source}`)}</span>
        {entry.locked && (
          <span className="badge badge-info">
            <span aria-hidden="true">🔒</span> {t('settings:locked')}
          </span>
        )}
        {entry.restartNeeded && (
          <span className="badge badge-warn">
            <span aria-hidden="true">↻</span> {t('settings:restart')}
          </span>
        )}
        {overridden && !entry.locked && <span className="muted">{t('settings:overridden', { source: t(`settings:source.${entry.source}`) })}</span>}
        {!entry.editable && !entry.locked && <span className="muted">{t('settings:inFile')}</span>}
      </div>
      {(editor || entry.userSet) && (
        <div className="setting-actions">
          {editor}
          {entry.userSet && !entry.locked && mayChange && (
            <button type="button" className="btn btn-compact" onClick={() => void reset(entry.key)}>
              {t('settings:removeMine')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="error-text" role="alert">
          <span aria-hidden="true">✖</span> {error}
        </p>
      )}
    </li>
  );
}
