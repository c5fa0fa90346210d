import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type ConsoleEvent } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import { fail } from '../../shared/api/result';
import type { CoreHandlers } from '../core/people/caller';
import type { StationSessions } from '../core/people/people';
import { isOwnPage } from './renderer-protocol';

export const EVENT_CHANNEL = 'console:event';
export const channelOf = (method: string) => `console:${method}`;

/**
 * A call is the console's own when it comes from the main frame of the console's window showing the console's
 * page: not from another window, a subframe, or a page the window was somehow navigated to.
 */
export function isOwnSender(event: IpcMainInvokeEvent, win: BrowserWindow | undefined): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && isOwnPage(frame.url);
}

/**
 * One session per window, kept here in the main process: who is signed in at the window is the core's to know and
 * never an argument the page could write. A window closed (not hidden in the tray) ends its session.
 */
function windowSessions(people: StationSessions) {
  const byContents = new WeakMap<object, string>();
  return (win: BrowserWindow): string => {
    const known = byContents.get(win.webContents);
    if (known !== undefined && people.has(known)) return known;
    const id = people.open('app');
    byContents.set(win.webContents, id);
    // Its own session's changes go to this window only.
    const stop = people.listen(id, (event) => {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
    });
    win.once('closed', () => {
      stop();
      people.close(id);
    });
    return id;
  };
}

/**
 * One IPC channel per ConsoleApi method. Each call is checked for its sender, attributed to the window's session,
 * then goes through the contract's dispatch, which refuses arguments that fail the method's schema: a malformed
 * call is answered with an error and never reaches the core.
 */
export function registerIpc(
  core: { handlers: CoreHandlers; people: StationSessions },
  window: () => BrowserWindow | undefined,
  log: (line: string) => void,
): void {
  const sessionOf = windowSessions(core.people);
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event, params: unknown) => {
      const win = window();
      if (!win || !isOwnSender(event, win)) {
        log(`IPC ${name} refused: not from the console window (${event.senderFrame?.url ?? 'no frame'})`);
        return fail('not-allowed', 'this call did not come from the console window');
      }
      const caller = core.people.callerFor(sessionOf(win), name);
      if (!caller) return fail('unavailable', "this window's session has ended: reload the window");
      const result = await dispatch(core.handlers, name, params, caller);
      if (!result.ok && result.error.code === 'invalid-request') log(`IPC ${name} refused: ${result.error.message}`);
      return result;
    });
  }
}

/** Pushes the core's events to the window, while it exists (hidden in the tray counts). */
export function forwardEvents(onEvent: (listener: (event: ConsoleEvent) => void) => () => void, window: () => BrowserWindow | undefined): () => void {
  return onEvent((event) => {
    const win = window();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event);
  });
}
