import { Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  showWindow(): void;
  openLogFolder(): void;
  openConfigFolder(): void;
  /** Picks a backup file, confirms, and restarts the console to restore it. */
  restoreBackup(): void;
  about(): void;
  quit(): void;
}

/** The window's menu: where IT finds the log and config folders; no developer tools in the installed app. */
export function appMenu(actions: MenuActions, developer: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '&Console',
      submenu: [
        { label: 'Open &log folder', click: actions.openLogFolder },
        { label: 'Open &config folder', click: actions.openConfigFolder },
        { label: '&Restore from a backup…', click: actions.restoreBackup },
        { type: 'separator' },
        { label: '&Hide to tray (keeps receiving webhooks)', accelerator: 'CmdOrCtrl+W', role: 'close' },
        { label: '&Quit', accelerator: 'CmdOrCtrl+Q', click: actions.quit },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(developer ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    { label: '&Help', submenu: [{ label: '&About Issuance Console', click: actions.about }] },
  ];
  return Menu.buildFromTemplate(template);
}

/** The tray's menu, headed by the state line the tooltip also shows. */
export function trayMenu(actions: MenuActions, status: string): Menu {
  return Menu.buildFromTemplate([
    { label: status, enabled: false },
    { type: 'separator' },
    { label: 'Open the console', click: actions.showWindow },
    { label: 'Open log folder', click: actions.openLogFolder },
    { type: 'separator' },
    { label: 'Quit', click: actions.quit },
  ]);
}
