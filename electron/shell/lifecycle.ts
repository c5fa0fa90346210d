import { app, dialog, Notification, powerMonitor, type BrowserWindow } from 'electron';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';
import type { Logger } from './logging';

export interface LifecycleDeps {
  window(): BrowserWindow | undefined;
  showWindow(): void;
  /** A kiosk station's window is never hidden: the operator would have no way back to it. */
  kiosk(): boolean;
  /** Labels of live machines that are issuing now: quitting would leave them posting to nobody. */
  busyMachines(): string[];
  /** Stops the core (webhooks, then in-flight writes, then the database) and the tray. */
  stop(): Promise<void>;
  /** The station's language: quitting and hiding to the tray are nobody's in particular. */
  language(): Language;
  log: Logger;
}

/**
 * When the console stops, and when it only looks like stopping. Closing the window hides it to the tray: a closed
 * console makes the machine report WebhooksServerUnreachable and stop the line. Quitting while a live machine is
 * issuing asks first. The process ends only after the core has shut down in order.
 */
export class Lifecycle {
  private confirmed = false;
  private stopping: Promise<void> | undefined;
  private toldAboutTray = false;

  constructor(private readonly deps: LifecycleDeps) {}

  install(): void {
    // With the window hidden, no window is open: without this listener Electron would quit.
    app.on('window-all-closed', () => {});
    app.on('second-instance', () => {
      this.deps.log.info('second launch: showing this console instead');
      this.deps.showWindow();
    });
    app.on('before-quit', (event) => {
      event.preventDefault();
      if (this.stopping) return;
      const busy = this.deps.busyMachines();
      if (busy.length > 0 && !this.confirmed) void this.confirmQuit(busy);
      else void this.shutdown('quit');
    });
    powerMonitor.on('shutdown', () => void this.shutdown('operating system shutting down'));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void this.shutdown(signal));
  }

  /** The window's close button hides it; while quitting it really closes. */
  guard(win: BrowserWindow): void {
    win.on('close', (event) => {
      if (this.stopping) return;
      event.preventDefault();
      if (this.deps.kiosk()) return;
      win.hide();
      this.tellAboutTray();
    });
    // Windows ends the session by closing windows: that is a shutdown, not a hide.
    win.on('session-end', () => void this.shutdown('session ending'));
  }

  /** Stops the console in order, once, then ends the process. Every way out goes through here. */
  shutdown(reason: string): Promise<void> {
    this.stopping ??= (async () => {
      this.deps.log.info(`stopping (${reason})`);
      let code = 0;
      try {
        await this.deps.stop();
        this.deps.log.info('stopped');
      } catch (err) {
        code = 1;
        this.deps.log.error('stopping failed', err);
      }
      app.exit(code);
    })();
    return this.stopping;
  }

  private async confirmQuit(busy: string[]): Promise<void> {
    const t = translator(this.deps.language());
    const options = {
      type: 'warning' as const,
      buttons: [t('shell:quit.keepRunning'), t('shell:quit.quitAnyway')],
      defaultId: 0,
      cancelId: 0,
      title: t('shell:quit.title'),
      message: t('shell:quit.busy', { count: busy.length, machines: busy.join(', ') }),
      detail: t('shell:quit.detail'),
    };
    const win = this.deps.window();
    const { response } = win && !win.isDestroyed() ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    if (response !== 1) {
      this.deps.log.info(`quit cancelled: ${busy.join(', ')} issuing`);
      return;
    }
    this.deps.log.info(`quit confirmed while ${busy.join(', ')} issuing`);
    this.confirmed = true;
    app.quit();
  }

  private tellAboutTray(): void {
    if (this.toldAboutTray || !Notification.isSupported()) return;
    this.toldAboutTray = true;
    const t = translator(this.deps.language());
    new Notification({ title: t('shell:stillRunning.title'), body: t('shell:stillRunning.body') }).show();
  }
}
