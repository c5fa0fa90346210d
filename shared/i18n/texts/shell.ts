import { namespace } from '../namespace';

/**
 * The Electron shell's own texts (electron/shell): the application menu, the tray, and the dialogs and notifications
 * of the main process. `&` marks a menu item's access key (Alt+letter on Windows and Linux).
 */
export const shell = namespace(
  {
    menu: {
      console: '&Console',
      openLogFolder: 'Open &log folder',
      openConfigFolder: 'Open &config folder',
      restoreBackup: '&Restore from a backup…',
      hideToTray: '&Hide to tray (keeps receiving webhooks)',
      quit: '&Quit',
      view: '&View',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      resetZoom: 'Actual size',
      fullScreen: 'Full screen on or off',
      reload: 'Reload',
      devTools: 'Developer tools',
      help: '&Help',
      about: '&About Issuance Console',
    },
    tray: {
      open: 'Open the console',
      openLogFolder: 'Open log folder',
      quit: 'Quit',
      head: 'Issuance Console: {{state}}',
      headTraining: 'Issuance Console (training): {{state}}',
      state: { running: 'running', stopped: 'stopped', alert: 'ALERT' },
      noMachine: 'no machine',
    },
    save: {
      auditCommands: 'Export the audit trail',
      auditEvents: 'Export the sign-ins, settings, accounts and refusals',
      shiftReportPdf: 'Save the shift report as PDF',
    },
    quit: {
      title: 'Quit Issuance Console?',
      keepRunning: 'Keep the console running',
      quitAnyway: 'Quit anyway',
      busy_one: '{{machines}} is issuing cards.',
      busy_other: '{{machines}} are issuing cards.',
      detail:
        'If the console quits, the machine cannot deliver its webhooks: it reports WebhooksServerUnreachable and ' +
        'stops the line. Closing the window instead keeps the console running in the tray.',
    },
    stillRunning: {
      title: 'Issuance Console is still running',
      body: 'It keeps receiving the machines\u2019 webhooks. Open it from the tray icon; quit it from the tray menu.',
    },
    about: {
      title: 'About Issuance Console',
      logs: 'Logs: {{path}}',
      machineConfig: 'Machine-wide config: {{path}}',
      userConfig: 'Per-user config: {{path}}',
      database: 'Database: {{path}}',
      webhookUrl: 'Webhook URL: {{url}}',
    },
    restore: {
      title: 'Restore a backup',
      pick: 'Restore from a backup',
      filter: 'Console backups',
      ask: 'Restore the backup {{file}}?',
      askRestart: 'Restart the console and restore {{file}}?',
      restore: 'Restore',
      restartAndRestore: 'Restart and restore',
      cancel: 'Cancel',
      whileRestarting: 'Webhooks are not received while it restarts.',
      consequences:
        'The database in use now is kept aside (console.sqlite.before-restore-…), not deleted. Open reviews and unsettled ' +
        'commands from the backup are not sent by themselves: each is marked "restored: check at the machine" until the ' +
        "machine's list of suspended jobs, or a newer message from it, settles it.",
      failedTitle: 'The backup was not restored',
      failedDetail: '{{reason}}\n\nThe console starts on the database it had.',
    },
    couldNotStart: {
      title: 'Issuance Console could not start',
      detail: '{{reason}}\n\nThe log is in {{dir}}.',
    },
  },
  {
    menu: {
      console: '&Konsole',
      openLogFolder: '&Protokollordner öffnen',
      openConfigFolder: '&Konfigurationsordner öffnen',
      restoreBackup: 'Aus einer Sicherung &wiederherstellen…',
      hideToTray: 'In den Infobereich &ausblenden (empfängt weiter Webhooks)',
      quit: '&Beenden',
      view: '&Ansicht',
      zoomIn: 'Vergrößern',
      zoomOut: 'Verkleinern',
      resetZoom: 'Originalgröße',
      fullScreen: 'Vollbild ein oder aus',
      reload: 'Neu laden',
      devTools: 'Entwicklerwerkzeuge',
      help: '&Hilfe',
      about: '&Über Issuance Console',
    },
    tray: {
      open: 'Konsole öffnen',
      openLogFolder: 'Protokollordner öffnen',
      quit: 'Beenden',
      head: 'Issuance Console: {{state}}',
      headTraining: 'Issuance Console (Schulung): {{state}}',
      state: { running: 'läuft', stopped: 'gestoppt', alert: 'ALARM' },
      noMachine: 'keine Maschine',
    },
    save: {
      auditCommands: 'Prüfprotokoll exportieren',
      auditEvents: 'Anmeldungen, Einstellungen, Konten und Ablehnungen exportieren',
      shiftReportPdf: 'Schichtbericht als PDF speichern',
    },
    quit: {
      title: 'Issuance Console beenden?',
      keepRunning: 'Konsole weiterlaufen lassen',
      quitAnyway: 'Trotzdem beenden',
      busy_one: '{{machines}} gibt gerade Karten aus.',
      busy_other: '{{machines}} geben gerade Karten aus.',
      detail:
        'Wird die Konsole beendet, kann die Maschine ihre Webhooks nicht zustellen: Sie meldet ' +
        'WebhooksServerUnreachable und hält die Linie an. Schließen Sie stattdessen das Fenster, läuft die Konsole im ' +
        'Infobereich weiter.',
    },
    stillRunning: {
      title: 'Issuance Console läuft weiter',
      body: 'Sie empfängt weiter die Webhooks der Maschinen. Öffnen über das Symbol im Infobereich, beenden über dessen Menü.',
    },
    about: {
      title: 'Über Issuance Console',
      logs: 'Protokolle: {{path}}',
      machineConfig: 'Konfiguration für alle Benutzer: {{path}}',
      userConfig: 'Konfiguration dieses Benutzers: {{path}}',
      database: 'Datenbank: {{path}}',
      webhookUrl: 'Webhook-URL: {{url}}',
    },
    restore: {
      title: 'Sicherung wiederherstellen',
      pick: 'Aus einer Sicherung wiederherstellen',
      filter: 'Sicherungen der Konsole',
      ask: 'Die Sicherung {{file}} wiederherstellen?',
      askRestart: 'Die Konsole neu starten und {{file}} wiederherstellen?',
      restore: 'Wiederherstellen',
      restartAndRestore: 'Neu starten und wiederherstellen',
      cancel: 'Abbrechen',
      whileRestarting: 'Während des Neustarts werden keine Webhooks empfangen.',
      consequences:
        'Die jetzt benutzte Datenbank wird beiseitegelegt (console.sqlite.before-restore-…), nicht gelöscht. Offene ' +
        'Prüfungen und nicht abgeschlossene Befehle aus der Sicherung werden nicht von selbst gesendet: Jeder wird als ' +
        '„wiederhergestellt: an der Maschine prüfen“ markiert, bis die Liste angehaltener Aufträge der Maschine oder eine ' +
        'neuere Meldung von ihr ihn klärt.',
      failedTitle: 'Die Sicherung wurde nicht wiederhergestellt',
      failedDetail: '{{reason}}\n\nDie Konsole startet mit der Datenbank, die sie hatte.',
    },
    couldNotStart: {
      title: 'Issuance Console konnte nicht starten',
      detail: '{{reason}}\n\nDas Protokoll liegt in {{dir}}.',
    },
  },
);
