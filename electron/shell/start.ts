import { app, dialog, Menu, session, shell, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';
import { languageSetting, settingValue } from '../core/config/setting-value';
import { loadLayeredConfig, type LoadOptions } from '../core/config/layered';
import type { ConfigLocations } from '../core/config/locations';
import { Settings } from '../core/config/settings';
import { startConsole, type RunningConsole } from '../core/console';
import type { Caller } from '../core/people/caller';
import { saveExport } from './audit-export';
import { displayAwake } from './display-awake';
import { forwardEvents, registerIpc } from './ipc';
import { osKeychain } from './keychain';
import { Lifecycle } from './lifecycle';
import { logUncaught, openLog, type Logger } from './logging';
import { applyStartAtLogin } from './login-item';
import { appMenu, type MenuActions } from './menu';
import { serveRenderer } from './renderer-protocol';
import { saveReportPdf } from './report-pdf';
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
  // The station's language (the `language` setting): the menu, the tray and the dialogs nobody in particular opened.
  let language: Language = loaded.config.language;
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
    const t = translator(language);
    dialog.showErrorBox(t('shell:couldNotStart.title'), t('shell:couldNotStart.detail', { reason: (err as Error).message, dir: log.dir }));
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
    restoreBackup: () => void restoreFromMenu(loaded.config.backup.dir, window, () => language, log)(),
    about: () => {
      const t = translator(language);
      void dialog.showMessageBox({
        title: t('shell:about.title'),
        message: `Issuance Console ${app.getVersion()}`,
        detail: [
          t('shell:about.logs', { path: log.dir }),
          t('shell:about.machineConfig', { path: loaded.locations.machine }),
          t('shell:about.userConfig', { path: loaded.locations.user }),
          t('shell:about.database', { path: loaded.config.dataDir }),
          t('shell:about.webhookUrl', { url: core.webhookUrl }),
        ].join('\n'),
      });
    },
    quit: () => app.quit(),
  };
  const tray = new ConsoleTray(actions);
  const status = watchStatus(core, () => language, (current, lang) => tray.show(current, lang), displayAwake((line) => log.info(line)));

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
    language: () => language,
    log,
  });
  lifecycle.install();

  const languageOf = (caller: Caller) => core.people.languageOf(caller);
  registerIpc(
    {
      handlers: {
        ...core.handlers,
        // The dialog, and the CSV's headers and coded texts, in the language of whoever exports it.
        exportAudit: saveExport(core.auditExport, 'commands', window, languageOf),
        exportAuditEvents: saveExport(core.auditExport, 'events', window, languageOf),
        saveShiftReportPdf: saveReportPdf(core.handlers.shiftReport, window, languageOf),
      },
      people: core.people,
    },
    window,
    (line) => log.warn(line),
  );
  forwardEvents(core.onEvent, window);
  Menu.setApplicationMenu(appMenu(actions, !app.isPackaged, translator(language)));
  openWindow();

  applyStartAtLogin(loaded.config.desktop.startAtLogin, (line) => log.info(line));
  core.onEvent((event) => {
    if (event.type !== 'settings') return;
    const nextDisplay = settingValue(event.settings, 'desktop.display');
    if ((nextDisplay === 'window' || nextDisplay === 'full-screen' || nextDisplay === 'kiosk') && nextDisplay !== display) {
      display = nextDisplay;
      const current = window();
      if (current) applyDisplay(current, display);
    }
    applyStartAtLogin(settingValue(event.settings, 'desktop.startAtLogin') === true, (line) => log.info(line));
    // As the core's pages do: a language the settings no longer name falls back to the configuration's.
    const nextLanguage = languageSetting(event.settings) ?? loaded.config.language;
    if (nextLanguage !== language) {
      language = nextLanguage;
      Menu.setApplicationMenu(appMenu(actions, !app.isPackaged, translator(language)));
      status.refresh();
    }
  });

  return { core, window, tray, lifecycle, log };
}
