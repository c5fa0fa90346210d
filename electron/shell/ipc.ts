import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { METHOD_NAMES, type ConsoleEvent } from '../../shared/api/contract';
import { dispatch, type ConsoleHandlers } from '../../shared/api/dispatch';
import { fail } from '../../shared/api/result';
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
 * One IPC channel per ConsoleApi method. Each call is checked for its sender, then goes through the contract's
 * dispatch, which refuses arguments that fail the method's schema: a malformed call is answered with an error and
 * never reaches the core.
 */
export function registerIpc(handlers: ConsoleHandlers, window: () => BrowserWindow | undefined, log: (line: string) => void): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(channelOf(name), async (event, params: unknown) => {
      if (!isOwnSender(event, window())) {
        log(`IPC ${name} refused: not from the console window (${event.senderFrame?.url ?? 'no frame'})`);
        return fail('not-allowed', 'this call did not come from the console window');
      }
      const result = await dispatch(handlers, name, params);
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
