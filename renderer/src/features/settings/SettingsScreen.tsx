import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { BackupBlock } from './BackupBlock';
import { selectOffer } from '../../store/people-slice';
import { ScreenSleepNote } from '../screen-awake/ScreenSleepNote';
import { ConfigProblemList } from './ConfigProblems';
import { groupBySection } from './labels';
import { SettingRow } from './SettingRow';
import { StorageBlock } from './StorageFigures';
import { ThemeChoice } from './ThemeChoice';

/** A placeholder's stand-in in a translated sentence, where a file's path goes in its own code font. */
const MARK = (name: string) => `\u0000${name}\u0000`;

/** A translated sentence with each marked path set in its own element, in the order the language puts them. */
function withPaths(sentence: string, paths: Record<string, string | undefined>): ReactNode[] {
  return sentence.split('\u0000').map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="mono">
        {paths[part] ?? ''}
      </span>
    ) : (
      part
    ),
  );
}

/**
 * Every setting's value in effect and where it came from. Changes go to this user's own config file; keys IT
 * locked in the machine-wide file are shown, not editable. Secrets are never shown back, only replaced.
 */
export function SettingsScreen() {
  const t = useT();
  const { settings, error, close } = useConsole(
    useShallow((s) => ({ settings: s.settings, error: s.settingsError, close: s.closeSettings })),
  );
  const readOnly = useConsole(selectOffer('resetSetting', { key: 'any' })) !== 'allowed';

  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <div className="settings-top">
        <h2 id="settings-title">{t('settings:title')}</h2>
        <button type="button" className="btn" onClick={close}>
          <span aria-hidden="true">✕</span> {t('settings:close')}
        </button>
      </div>
      <ThemeChoice />
      {!settings ? (
        <p className={error ? 'error-text' : 'muted'} role={error ? 'alert' : undefined}>
          {error ? t('settings:loadFailed', { error }) : t('settings:loading')}
        </p>
      ) : (
        <>
          {readOnly && (
            <p className="warn-text">
              <span aria-hidden="true">ℹ</span> {t('settings:onlyIt')}
            </p>
          )}
          <p className="settings-files">
            {withPaths(
              t(settings.files.config ? 'settings:filesWithConfig' : 'settings:files', { user: MARK('user'), machine: MARK('machine'), config: MARK('config') }),
              settings.files,
            )}
          </p>
          <p className={settings.secrets === 'keychain' ? 'muted' : 'warn-text'}>
            {settings.secrets === 'keychain' ? (
              t('settings:keychain')
            ) : (
              <>
                <span aria-hidden="true">⚠</span> {t('settings:plain')}
              </>
            )}
          </p>
          <ScreenSleepNote />
          {settings.problems.length > 0 && (
            <div className="settings-problems" role="alert">
              <h3>
                <span aria-hidden="true">⚠</span> {t('settings:problems')}
              </h3>
              <p>{t('settings:problemsLead')}</p>
              <ConfigProblemList problems={settings.problems} />
            </div>
          )}
          {error && (
            <p className="error-text" role="alert">
              {t('settings:reloadFailed', { error })}
            </p>
          )}
          <BackupBlock />
          <StorageBlock />
          {groupBySection(settings.entries).map(([section, entries]) => (
            <section key={section} className="settings-section" aria-label={section}>
              <h3 className="mono">{section}</h3>
              <ul className="setting-list">
                {entries.map((e) => (
                  <SettingRow key={e.key} entry={e} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </section>
  );
}
