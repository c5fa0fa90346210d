import type { ConfigProblem } from '../../../../shared/api/settings';
import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';

/** Every problem, exactly as found: which file or flag, which key, what is wrong, and what the console did instead. */
export function ConfigProblemList({ problems }: { problems: readonly ConfigProblem[] }) {
  return (
    <ul className="config-problems">
      {problems.map((p, i) => (
        <li key={i}>
          <span className="mono">{p.where}</span>
          {p.key && (
            <>
              {' '}
              · <strong className="mono">{p.key}</strong>
            </>
          )}
          : {p.message}
        </li>
      ))}
    </ul>
  );
}

/** On every screen while the configuration has problems: the console runs, on safe defaults for those keys. */
export function ConfigProblemsBanner() {
  const t = useT();
  const count = useConsole((s) => s.settings?.problems.length ?? 0);
  const open = useConsole((s) => s.settingsOpen);
  const openSettings = useConsole((s) => s.openSettings);
  if (count === 0 || open) return null;
  return (
    <div className="config-banner band-line" role="alert">
      <span className="band-icon" aria-hidden="true">
        ⚠
      </span>
      <p>{t('band:config.problems', { count })}</p>
      <button type="button" className="btn btn-row" onClick={openSettings}>
        {t('band:config.show')}
      </button>
    </div>
  );
}
