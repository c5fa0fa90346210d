import { useShallow } from 'zustand/react/shallow';
import { useConsole } from '../../store/context';
import { BackupBlock } from './BackupBlock';
import { selectOffer } from '../../store/people-slice';
import { ScreenSleepNote } from '../screen-awake/ScreenSleepNote';
import { ConfigProblemList } from './ConfigProblems';
import { groupBySection } from './labels';
import { SettingRow } from './SettingRow';
import { StorageBlock } from './StorageFigures';
import { ThemeChoice } from './ThemeChoice';

/**
 * Every setting's value in effect and where it came from. Changes go to this user's own config file; keys IT
 * locked in the machine-wide file are shown, not editable. Secrets are never shown back, only replaced.
 */
export function SettingsScreen() {
  const { settings, error, close } = useConsole(
    useShallow((s) => ({ settings: s.settings, error: s.settingsError, close: s.closeSettings })),
  );
  const readOnly = useConsole(selectOffer('resetSetting', { key: 'any' })) !== 'allowed';

  return (
    <section className="panel settings" aria-labelledby="settings-title">
      <div className="settings-top">
        <h2 id="settings-title">Settings</h2>
        <button type="button" className="btn" onClick={close}>
          <span aria-hidden="true">✕</span> Close settings
        </button>
      </div>
      <ThemeChoice />
      {!settings ? (
        <p className={error ? 'error-text' : 'muted'} role={error ? 'alert' : undefined}>
          {error ? `Could not load the settings: ${error}` : 'Loading settings…'}
        </p>
      ) : (
        <>
          {readOnly && (
            <p className="warn-text">
              <span aria-hidden="true">ℹ</span> Only IT changes settings: they are shown here, not editable.
            </p>
          )}
          <p className="settings-files">
            Your changes are saved in <span className="mono">{settings.files.user}</span>. IT&apos;s machine-wide file is{' '}
            <span className="mono">{settings.files.machine}</span>
            {settings.files.config && (
              <>
                ; this start also reads <span className="mono">{settings.files.config}</span>
              </>
            )}
            .
          </p>
          <p className={settings.secrets === 'keychain' ? 'muted' : 'warn-text'}>
            {settings.secrets === 'keychain' ? (
              'Passwords, tokens and secrets you enter are encrypted by the operating system’s keychain.'
            ) : (
              <>
                <span aria-hidden="true">⚠</span> No operating-system keychain here: passwords, tokens and secrets you enter are
                stored unencrypted in your settings file (readable by your user account only).
              </>
            )}
          </p>
          <ScreenSleepNote />
          {settings.problems.length > 0 && (
            <div className="settings-problems" role="alert">
              <h3>
                <span aria-hidden="true">⚠</span> What is wrong in the configuration
              </h3>
              <p>The console started anyway: each of these was ignored, and the value below it (or the default) is used.</p>
              <ConfigProblemList problems={settings.problems} />
            </div>
          )}
          {error && (
            <p className="error-text" role="alert">
              Could not load the settings again: {error}
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
