import type { BrowserWindow, Session, WebContents } from 'electron';

/** Only the console's own bundled page, loaded from disk, may talk to the core. */
export function isTrustedUrl(url: string | undefined, rendererIndexUrl: string): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    const own = new URL(rendererIndexUrl);
    return u.protocol === own.protocol && u.pathname === own.pathname;
  } catch {
    return false;
  }
}

/** Navigation, new windows, webviews and permission requests are denied; notifications are the one exception. */
export function hardenContents(contents: WebContents, rendererIndexUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));
  session.setPermissionCheckHandler((_contents, permission) => permission === 'notifications');
}

export type { BrowserWindow };
