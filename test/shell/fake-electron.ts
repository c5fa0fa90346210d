/**
 * A stand-in for the `electron` module, for `vi.mock('electron', …)`: just enough of each API the shell uses, with
 * what it was asked recorded, so tests can play the operator (close the window, launch twice, quit) and the OS.
 */
import { EventEmitter } from 'node:events';
import { FakePowerSaveBlocker } from './fake-power-save';

export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export interface FakeFrame {
  url: string;
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame = { url: '' };
  sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  reload(): void {}
  /** The options of each printToPDF asked for; each answers a few bytes that start as a PDF does. */
  printedToPdf: Record<string, unknown>[] = [];
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.printedToPdf.push(options);
    return Buffer.from('%PDF-1.7\n% the fake Electron\'s page\n%%EOF\n');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  kiosk: boolean;
  fullScreen: boolean;
  loadedUrl: string | undefined;

  constructor(readonly options: Record<string, unknown> & { webPreferences: Record<string, unknown> }) {
    super();
    this.kiosk = options['kiosk'] === true;
    this.fullScreen = options['fullscreen'] === true;
    FakeBrowserWindow.all.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    this.emit('ready-to-show');
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  minimize(): void {
    this.minimized = true;
    this.focused = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setKiosk(on: boolean): void {
    this.kiosk = on;
  }
  setFullScreen(on: boolean): void {
    this.fullScreen = on;
  }
  setAutoHideMenuBar(): void {}
  /** What the window's close button does. */
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  lockGranted = true;
  userData = '';
  exitCodes: number[] = [];
  quitCalls = 0;
  /** The arguments of each app.relaunch() asked for. */
  relaunches: string[][] = [];
  loginItems: unknown[] = [];
  requestSingleInstanceLock(): boolean {
    return this.lockGranted;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(): string {
    return this.userData;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  enableSandbox(): void {}
  /** Like Electron: `before-quit` first, whose listeners may prevent it. */
  quit(): void {
    this.quitCalls++;
    this.emit('before-quit', new FakeEvent());
  }
  relaunch(options: { args?: string[] } = {}): void {
    this.relaunches.push(options.args ?? []);
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  setLoginItemSettings(settings: unknown): void {
    this.loginItems.push(settings);
  }
}

type IpcHandler = (event: unknown, params: unknown) => unknown;

export class FakeTray extends EventEmitter {
  static all: FakeTray[] = [];
  tooltip = '';
  image: unknown;
  menu: { template: { label?: string }[] } | undefined;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.all.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setContextMenu(menu: { template: { label?: string }[] }): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

export class FakeNotification {
  static shown: { title: string; body: string }[] = [];
  static isSupported(): boolean {
    return true;
  }
  constructor(private readonly options: { title: string; body: string }) {}
  show(): void {
    FakeNotification.shown.push(this.options);
  }
}

type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheck: ((contents: unknown, permission: string) => boolean) | undefined;
  beforeRequest: { filter: { urls: string[] }; listener: BeforeRequest } | undefined;
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly webRequest = {
    onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequest) => {
      this.beforeRequest = { filter, listener };
    },
  };
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionRequest']>): void {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['permissionCheck']>): void {
    this.permissionCheck = handler;
  }
}

export interface Dialogs {
  /** Answers the next message boxes get, in order (button index); 0 when none is queued. */
  answers: number[];
  messageBoxes: { message: string; buttons?: string[] }[];
  errorBoxes: [string, string][];
  /** The files the next open dialogs pick, in order; cancelled when none is queued. */
  openFiles?: string[];
  /** Where the next save dialogs save, in order; cancelled when none is queued. What each was asked with. */
  saveFiles?: string[];
  saveDialogs?: { title?: string; defaultPath?: string }[];
}

const state = {
  app: new FakeApp(),
  handlers: new Map<string, IpcHandler>(),
  session: new FakeSession(),
  privilegedSchemes: [] as unknown[],
  applicationMenu: undefined as unknown,
  openedPaths: [] as string[],
  dialogs: { answers: [], messageBoxes: [], errorBoxes: [] } as Dialogs,
  safeStorage: { available: false, backend: 'basic_text' },
  powerMonitor: new EventEmitter(),
  powerSaveBlocker: new FakePowerSaveBlocker(),
};

/** A fresh Electron for each test. */
export function resetFakeElectron(userData: string): typeof state {
  state.app = new FakeApp();
  state.app.userData = userData;
  state.handlers = new Map();
  state.session = new FakeSession();
  state.privilegedSchemes = [];
  state.applicationMenu = undefined;
  state.openedPaths = [];
  state.dialogs = { answers: [], messageBoxes: [], errorBoxes: [] };
  state.safeStorage = { available: false, backend: 'basic_text' };
  state.powerMonitor = new EventEmitter();
  state.powerSaveBlocker = new FakePowerSaveBlocker();
  FakeBrowserWindow.all = [];
  FakeTray.all = [];
  FakeNotification.shown = [];
  return state;
}

export const fake = state;

/** Calls an IPC handler as the renderer would, from a given sender and frame. */
export function invokeIpc(channel: string, sender: FakeWebContents, params: unknown, frame: FakeFrame | null = sender.mainFrame) {
  const handler = state.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender, senderFrame: frame }, params);
}

/** The module object `vi.mock('electron')` returns: getters, so each test's fresh state is what the shell sees. */
export const electronModule = {
  get app() {
    return state.app;
  },
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  get powerMonitor() {
    return state.powerMonitor;
  },
  get powerSaveBlocker() {
    return state.powerSaveBlocker;
  },
  ipcMain: {
    handle: (channel: string, handler: IpcHandler) => state.handlers.set(channel, handler),
  },
  get session() {
    return { defaultSession: state.session };
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => state.privilegedSchemes.push(...schemes),
  },
  Menu: {
    buildFromTemplate: (template: unknown[]) => ({ template }),
    setApplicationMenu: (menu: unknown) => (state.applicationMenu = menu),
  },
  nativeImage: {
    createFromBitmap: (buffer: Buffer, options: { width: number; height: number }) => ({ buffer, options }),
  },
  dialog: {
    showMessageBox: async (...args: unknown[]) => {
      const options = args[args.length - 1] as { message: string; buttons?: string[] };
      state.dialogs.messageBoxes.push(options);
      return { response: state.dialogs.answers.shift() ?? 0 };
    },
    showErrorBox: (title: string, content: string) => state.dialogs.errorBoxes.push([title, content]),
    showSaveDialog: async (...args: unknown[]) => {
      (state.dialogs.saveDialogs ??= []).push(args[args.length - 1] as { title?: string; defaultPath?: string });
      const file = state.dialogs.saveFiles?.shift();
      return { canceled: file === undefined, ...(file === undefined ? {} : { filePath: file }) };
    },
    showOpenDialog: async () => {
      const file = state.dialogs.openFiles?.shift();
      return { canceled: file === undefined, filePaths: file === undefined ? [] : [file] };
    },
  },
  shell: {
    openPath: async (path: string) => {
      state.openedPaths.push(path);
      return '';
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => state.safeStorage.available,
    getSelectedStorageBackend: () => state.safeStorage.backend,
    encryptString: (plain: string) => Buffer.from(`sealed:${plain}`),
    decryptString: (sealed: Buffer) => sealed.toString().replace(/^sealed:/, ''),
  },
};
