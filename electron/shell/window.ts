import { BrowserWindow } from 'electron';
import type { ConsoleConfig } from '../core/config/schema';
import { RENDERER_URL } from './renderer-protocol';
import { hardenContents } from './window-guards';

export type DisplayMode = ConsoleConfig['desktop']['display'];

/** The console's one window: sandboxed, isolated, no Node, web security on, only the preload's ConsoleApi. */
export function createMainWindow(options: { preload: string; display: DisplayMode; log: (line: string) => void }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    title: 'Issuance Console',
    backgroundColor: '#0d1117',
    show: false,
    kiosk: options.display === 'kiosk',
    fullscreen: options.display === 'full-screen',
    autoHideMenuBar: options.display === 'kiosk',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  });
  hardenContents(win.webContents, options.log);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(RENDERER_URL);
  return win;
}

/** Applies the display setting to a window that is already open (the settings screen changed it). */
export function applyDisplay(win: BrowserWindow, display: DisplayMode): void {
  win.setKiosk(display === 'kiosk');
  win.setFullScreen(display !== 'window');
  win.setAutoHideMenuBar(display === 'kiosk');
}
