import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Translate } from '../../shared/i18n/translate';

export interface MenuActions {
  showWindow(): void;
  openLogFolder(): void;
  openConfigFolder(): void;
  /** Picks a backup file, confirms, and restarts the console to restore it. */
  restoreBackup(): void;
  about(): void;
  quit(): void;
}

/**
 * The window's menu: where IT finds the log and config folders; no developer tools in the installed app. In the
 * station's language (`t`): built again when the `language` setting changes.
 */
export function appMenu(actions: MenuActions, developer: boolean, t: Translate): Menu {
  const developerItems: MenuItemConstructorOptions[] = [
    { type: 'separator' },
    { role: 'reload', label: t('shell:menu.reload') },
    { role: 'toggleDevTools', label: t('shell:menu.devTools') },
  ];
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('shell:menu.console'),
      submenu: [
        { label: t('shell:menu.openLogFolder'), click: actions.openLogFolder },
        { label: t('shell:menu.openConfigFolder'), click: actions.openConfigFolder },
        { label: t('shell:menu.restoreBackup'), click: actions.restoreBackup },
        { type: 'separator' },
        { label: t('shell:menu.hideToTray'), accelerator: 'CmdOrCtrl+W', role: 'close' },
        { label: t('shell:menu.quit'), accelerator: 'CmdOrCtrl+Q', click: actions.quit },
      ],
    },
    {
      label: t('shell:menu.view'),
      submenu: [
        { role: 'zoomIn', label: t('shell:menu.zoomIn'), accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', label: t('shell:menu.zoomOut') },
        { role: 'resetZoom', label: t('shell:menu.resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('shell:menu.fullScreen') },
        ...(developer ? developerItems : []),
      ],
    },
    { label: t('shell:menu.help'), submenu: [{ label: t('shell:menu.about'), click: actions.about }] },
  ];
  return Menu.buildFromTemplate(template);
}

/** The tray's menu, headed by the state line the tooltip also shows. */
export function trayMenu(actions: MenuActions, status: string, t: Translate): Menu {
  return Menu.buildFromTemplate([
    { label: status, enabled: false },
    { type: 'separator' },
    { label: t('shell:tray.open'), click: actions.showWindow },
    { label: t('shell:tray.openLogFolder'), click: actions.openLogFolder },
    { type: 'separator' },
    { label: t('shell:tray.quit'), click: actions.quit },
  ]);
}
