import { useT } from '../../i18n/use-t';
import { useConsole } from '../../store/context';

export function SettingsButton() {
  const t = useT();
  const open = useConsole((s) => s.settingsOpen);
  const openSettings = useConsole((s) => s.openSettings);
  const closeSettings = useConsole((s) => s.closeSettings);
  return (
    <button type="button" className="btn btn-compact settings-button" aria-pressed={open} onClick={open ? closeSettings : openSettings}>
      <span aria-hidden="true">⚙</span> {t('settings:button')}
    </button>
  );
}
