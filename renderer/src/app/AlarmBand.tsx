import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { useConsole } from '../store/context';

/**
 * The band at the top of every screen, holding everything the console must say whatever view is open: the connection,
 * training, the alarms, what keeps webhooks out, the feeds' alerts, the configuration, a rebuild, who acts here. It
 * never takes more than about a third of the screen (it scrolls inside itself when full), so the navigation and the
 * view's first rows stay in sight on a 1366×768 panel.
 */
export function AlarmBand({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="alarm-band" role="region" aria-label={t('band:label')}>
      {children}
    </div>
  );
}

/** The panel's look (Settings), on the root element so that dialogs, drawn outside the app's tree, take it too. */
export function useThemeAttribute(): void {
  const theme = useConsole((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
}
