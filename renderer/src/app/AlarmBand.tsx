import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
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
  const band = useRef<HTMLDivElement>(null);
  useBandHeight(band);
  return (
    <div ref={band} className="alarm-band" role="region" aria-label={t('band:label')}>
      {children}
    </div>
  );
}

/**
 * The band stays at the top while the page scrolls under it: whatever is scrolled into view (a field focused by Tab, a
 * section opened) must land below it, not under it. The page's scroll padding follows the band's height.
 */
function useBandHeight(band: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const element = band.current;
    if (!element) return undefined;
    const root = document.documentElement;
    const follow = () => root.style.setProperty('--band-height', `${element.getBoundingClientRect().height}px`);
    follow();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(follow);
    observer.observe(element);
    return () => observer.disconnect();
  }, [band]);
}

/** The panel's look (Settings), on the root element so that dialogs, drawn outside the app's tree, take it too. */
export function useThemeAttribute(): void {
  const theme = useConsole((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
}
