/**
 * The Electron shell: one hardened window over the same core `npm run serve` runs headless. No business logic here.
 */
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { METHOD_NAMES, type ConsoleEvent } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import { fail } from '../shared/api/result';
import { startConsole, type RunningConsole } from './core/console';
import { announceStart, configFromArgvOrExit } from './core/launch';
import { hardenContents, hardenSession, isTrustedUrl } from './shell/window-guards';

const rendererIndex = join(__dirname, '../renderer/index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).toString();
let core: RunningConsole | undefined;
let mainWindow: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Issuance Console',
    backgroundColor: '#101418',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  hardenContents(win.webContents, rendererIndexUrl);
  void win.loadFile(rendererIndex);
  return win;
}

function registerIpc(running: RunningConsole): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(`console:${name}`, (event, params: unknown) => {
      if (!isTrustedUrl(event.senderFrame?.url, rendererIndexUrl)) {
        return fail('not-allowed', 'this call did not come from the console window');
      }
      return dispatch(running.handlers, name, params);
    });
  }
  running.onEvent((event: ConsoleEvent) => mainWindow?.webContents.send('console:event', event));
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const argv = process.argv.slice(app.isPackaged ? 1 : 2);
  const config = configFromArgvOrExit(argv, join(app.getPath('userData'), 'data'));
  const nativeBinding = process.env['ISSUANCE_CONSOLE_NATIVE_BINDING'];
  core = await startConsole(config, {
    log: (line) => console.error(`[console] ${line}`),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  announceStart(core.mode, core.webhookUrl);
  hardenSession(session.defaultSession);
  registerIpc(core);
  mainWindow = createWindow();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!core) return;
    event.preventDefault();
    const stopping = core;
    core = undefined;
    void stopping.stop().finally(() => app.exit(0));
  });
}

process.on('uncaughtException', (err) => console.error('[console] uncaught exception:', err));
main().catch((err: unknown) => {
  console.error(`issuance-console: could not start: ${(err as Error).message}`);
  app.exit(1);
});
