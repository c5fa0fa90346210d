import type { Session, WebContents } from 'electron';
import { HOST, isOwnPage, SCHEME } from './renderer-protocol';

/** Network schemes the page must never reach: the console's UI talks to the core over IPC only. */
const REMOTE_URLS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*', 'file:///*'];

/** The one permission the page may have: OS notifications for alerts. */
const ALLOWED_PERMISSION = 'notifications';

/** Navigation away from the console's own page, new windows and webviews are all refused. */
export function hardenContents(contents: WebContents, log: (line: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (isOwnPage(url)) return;
    event.preventDefault();
    log(`navigation to ${url} refused`);
  });
  contents.on('will-redirect', (event, url) => {
    if (isOwnPage(url)) return;
    event.preventDefault();
    log(`redirect to ${url} refused`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`window.open(${url}) refused`);
    return { action: 'deny' };
  });
}

/**
 * Permissions denied except notifications; no remote request ever leaves the page; no downloads but the files the
 * console's own page makes (the audit's CSV export), which Electron then asks where to save.
 */
export function hardenSession(session: Session, log: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === ALLOWED_PERMISSION));
  session.setPermissionCheckHandler((_contents, permission) => permission === ALLOWED_PERMISSION);
  session.webRequest.onBeforeRequest({ urls: REMOTE_URLS }, (details, callback) => {
    log(`request to ${details.url} refused`);
    callback({ cancel: true });
  });
  session.on('will-download', (event, item) => {
    if (item.getURL().startsWith(`blob:${SCHEME}://${HOST}/`)) return;
    event.preventDefault();
    log(`download of ${item.getURL()} refused`);
  });
}
