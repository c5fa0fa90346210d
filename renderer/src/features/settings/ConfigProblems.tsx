import type { ConfigProblem } from '../../../../shared/api/settings';
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
  const count = useConsole((s) => s.settings?.problems.length ?? 0);
  const open = useConsole((s) => s.settingsOpen);
  const openSettings = useConsole((s) => s.openSettings);
  if (count === 0 || open) return null;
  return (
    <div className="config-banner" role="alert">
      <span aria-hidden="true">⚠</span> The configuration has {count === 1 ? 'a problem' : `${count} problems`}: the console
      runs on safe defaults for {count === 1 ? 'that setting' : 'those settings'}.{' '}
      <button type="button" className="btn btn-compact" onClick={openSettings}>
        Show what is wrong
      </button>
    </div>
  );
}
