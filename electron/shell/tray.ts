import { nativeImage, Tray, type NativeImage } from 'electron';
import type { Language } from '../../shared/i18n/languages';
import { translator } from '../../shared/i18n/translate';
import { trayMenu, type MenuActions } from './menu';
import { drawTrayIcon } from './tray-icon';
import type { TrayState } from './tray-state';

/** Drawn at 32 px for a 16 px tray slot, so it stays sharp at 200 % display scaling. */
function iconFor(state: TrayState): NativeImage {
  return nativeImage.createFromBitmap(drawTrayIcon(state, 32), { width: 32, height: 32, scaleFactor: 2 });
}

/** The console in the tray: it lives on while the window is hidden, shows the worst state, and reopens the window. */
export class ConsoleTray {
  private readonly tray: Tray;
  private shown: { state: TrayState; tooltip: string; language: Language } | undefined;

  constructor(private readonly actions: MenuActions) {
    this.tray = new Tray(iconFor('stopped'));
    this.tray.on('click', () => actions.showWindow());
  }

  /** The status line is in the station's language, and so is the menu under it. */
  show(status: { state: TrayState; tooltip: string }, language: Language): void {
    if (this.shown?.state !== status.state) this.tray.setImage(iconFor(status.state));
    if (this.shown?.tooltip !== status.tooltip || this.shown.language !== language) {
      this.tray.setToolTip(status.tooltip);
      this.tray.setContextMenu(trayMenu(this.actions, status.tooltip, translator(language)));
    }
    this.shown = { ...status, language };
  }

  destroy(): void {
    this.tray.destroy();
  }
}
