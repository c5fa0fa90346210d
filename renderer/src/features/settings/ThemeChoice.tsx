import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';
import { THEMES } from '../../store/display-slice';

/** This screen's look: one press each, for anyone (it changes nothing but this panel). */
export function ThemeChoice() {
  const t = useT();
  const theme = useConsole((s) => s.theme);
  const setTheme = useConsole((s) => s.setTheme);
  return (
    <section className="settings-section" aria-labelledby="theme-title">
      <h3 id="theme-title">{t('band:theme.title')}</h3>
      <div className="setting-choices" role="group" aria-labelledby="theme-title">
        {THEMES.map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={theme === choice}
            className={`btn btn-compact${theme === choice ? ' btn-chosen' : ''}`}
            onClick={() => setTheme(choice)}
          >
            {theme === choice && <span aria-hidden="true">✔ </span>}
            {t(`band:theme.${choice}`)}
          </button>
        ))}
      </div>
      <p className="muted">{t('band:theme.note')}</p>
    </section>
  );
}
