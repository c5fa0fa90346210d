import { app, dialog, Menu, session, shell, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadLayeredConfig, type LoadOptions } from '../core/config/layered';
import type { ConfigLocations } from '../core/config/locations';
import { Settings } from '../core/config/settings';
import { startConsole, type RunningConsole } from '../core/console';
import { saveExport } from './audit-export';
import { displayAwake } from './display-awake';
import { forwardEvents, registerIpc } from './ipc';
import { osKeychain } from './keychain';
import { Lifecycle } from './lifecycle';
import { logUncaught, openLog, type Logger } from './logging';
import { applyStartAtLogin } from './login-item';
import { appMenu, type MenuActions } from './menu';
import { serveRenderer } from './renderer-protocol';
import { restoreAtStart, restoreFromMenu } from './restore';
import { watchStatus } from './status';
import { ConsoleTray } from './tray';
import { hardenSession } from './window-guards';
import { applyDisplay, createMainWindow, type DisplayMode } from './window';

export interface ShellOptions {
  argv: readonly string[];
  /** The built preload (CommonJS) and renderer folder. */
  preload: string;
  rendererDir: string;
  /** Where the machine-wide and per-user config files are; the platform's places by default. */
  locations?: ConfigLocations;
}

export interface Shell {
  core: RunningConsole;
  window(): BrowserWindow | undefined;
  tray: ConsoleTray;
  lifecycle: Lifecycle;
  log: Logger;
}

function folderOpener(path: string, what: string, log: Logger): () => void {
  return () => {
    mkdirSync(path, { recursive: true });
    void shell.openPath(path).then((error) => error && log.warn(`cannot open the ${what} folder ${path}: ${error}`));
  };
}

/**
 * Starts the Electron shell around the core: one instance per user, the log, the configuration with its problems,
 * the core, then the window, IPC, tray and menu. Returns undefined when this launch only handed over to a running
 * console, or could not start (after saying why).
 */
export async function startShell(options: ShellOptions): Promise<Shell | undefined> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  const userData = app.getPath('userData');
  const log = openLog({ dir: join(userData, 'logs') });
  logUncaught(log);
  await app.whenReady();
  log.info(`Issuance Console ${app.getVersion()} starting`);

  const keychain = osKeychain();
  const loadOptions: LoadOptions = {
    fallbackDataDir: join(userData, 'data'),
    ...(keychain ? { keychain } : {}),
    ...(options.locations ? { locations: options.locations } : {}),
  };
  const loaded = loadLayeredConfig(options.argv, loadOptions);
  for (const p of loaded.problems) log.warn(`config problem: ${p.where}: ${p.key ? `${p.key} ` : ''}${p.message}`);
  const settings = new Settings(loaded, () => loadLayeredConfig(options.argv, loadOptions), keychain);
  // `npm start` hands a development build its Electron-ABI SQLite this way. A packaged console loads only the native
  // modules inside its own package: an environment variable must never make it load a library from elsewhere.
  const requested = process.env['ISSUANCE_CONSOLE_NATIVE_BINDING'];
  const nativeBinding = app.isPackaged ? undefined : requested;
  if (app.isPackaged && requested) log.warn('ISSUANCE_CONSOLE_NATIVE_BINDING ignored: a packaged console loads only its own native modules');

  let core: RunningConsole;
  try {
    await restoreAtStart(options.argv, loaded.config, nativeBinding, log);
    core = await startConsole(loaded.config, { log: (line) => log.info(line), settings, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (err) {
    log.error('could not start', err);
    dialog.showErrorBox('Issuance Console could not start', `${(err as Error).message}\n\nThe log is in ${log.dir}.`);
    app.exit(1);
    return undefined;
  }
  log.info(`${core.mode} mode, data in ${loaded.config.dataDir}, webhook URL ${core.webhookUrl}`);

  hardenSession(session.defaultSession, (line) => log.warn(line));
  serveRenderer(session.defaultSession, options.rendererDir);

  let win: BrowserWindow | undefined;
  let display: DisplayMode = loaded.config.desktop.display;
  const window = () => (win && !win.isDestroyed() ? win : undefined);
  const openWindow = (): BrowserWindow => {
    const opened = createMainWindow({ preload: options.preload, display, log: (line) => log.warn(line) });
    lifecycle.guard(opened);
    opened.webContents.on('render-process-gone', (_event, details) => {
      log.error(`the window's page stopped (${details.reason}); reloading it`);
      if (!opened.isDestroyed()) opened.webContents.reload();
    });
    win = opened;
    return opened;
  };
  const showWindow = () => {
    const shown = window() ?? openWindow();
    if (shown.isMinimized()) shown.restore();
    shown.show();
    shown.focus();
  };

  const actions: MenuActions = {
    showWindow,
    openLogFolder: folderOpener(log.dir, 'log', log),
    openConfigFolder: folderOpener(dirname(loaded.locations.user), 'config', log),
    restoreBackup: () => void restoreFromMenu(loaded.config.backup.dir, window, log)(),
    about: () =>
      void dialog.showMessageBox({
        title: 'About Issuance Console',
        message: `Issuance Console ${app.getVersion()}`,
        detail: [
          `Logs: ${log.dir}`,
          `Machine-wide config: ${loaded.locations.machine}`,
          `Per-user config: ${loaded.locations.user}`,
          `Database: ${loaded.config.dataDir}`,
          `Webhook URL: ${core.webhookUrl}`,
        ].join('\n'),
      }),
    quit: () => app.quit(),
  };
  const tray = new ConsoleTray(actions);
  const status = watchStatus(core, (current) => tray.show(current), displayAwake((line) => log.info(line)));

  const running = core;
  const lifecycle = new Lifecycle({
    window,
    showWindow,
    kiosk: () => display === 'kiosk',
    busyMachines: () => (running.mode === 'live' ? status.busyMachines() : []),
    stop: async () => {
      await running.stop();
      tray.destroy();
    },
    log,
  });
  lifecycle.install();

  registerIpc(
    {
      handlers: {
        ...core.handlers,
        // The CSV's headers and coded texts in the language of whoever exports it.
        exportAudit: saveExport(core.auditExport, 'commands', window, (caller) => core.people.languageOf(caller)),
        exportAuditEvents: saveExport(core.auditExport, 'events', window, (caller) => core.people.languageOf(caller)),
      },
      people: core.people,
    },
    window,
    (line) => log.warn(line),
  );
  forwardEvents(core.onEvent, window);
  Menu.setApplicationMenu(appMenu(actions, !app.isPackaged));
  openWindow();

  applyStartAtLogin(loaded.config.desktop.startAtLogin, (line) => log.info(line));
  core.onEvent((event) => {
    if (event.type !== 'settings') return;
    const value = (key: string) => event.settings.entries.find((e) => e.key === key)?.value;
    const nextDisplay = value('desktop.display');
    if ((nextDisplay === 'window' || nextDisplay === 'full-screen' || nextDisplay === 'kiosk') && nextDisplay !== display) {
      display = nextDisplay;
      const current = window();
      if (current) applyDisplay(current, display);
    }
    applyStartAtLogin(value('desktop.startAtLogin') === true, (line) => log.info(line));
  });

  return { core, window, tray, lifecycle, log };
}
