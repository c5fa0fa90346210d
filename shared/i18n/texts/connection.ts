import { namespace } from '../namespace';

/** The page's link to the console, and whether the screen is kept awake. */
export const connection = namespace(
  {
    lost: 'Connection lost — alerts may be missing.',
    reconnecting: 'Reconnecting…',
    notConnected: 'Not connected to the console.',
    consoleError: 'The console reported an error: {{message}}',
    wakeLock: {
      title: 'Screen sleep',
      held: 'This screen is kept awake while a machine is issuing or an alert is open.',
      unavailable:
        'This browser cannot keep the screen awake here: it allows that only for a console opened on this computer or over HTTPS. Set the display never to sleep in the system’s power settings.',
    },
  },
  {
    lost: 'Verbindung verloren – Alarme fehlen möglicherweise.',
    reconnecting: 'Verbindung wird wiederhergestellt …',
    notConnected: 'Keine Verbindung zur Konsole.',
    consoleError: 'Die Konsole meldet einen Fehler: {{message}}',
    wakeLock: {
      title: 'Bildschirm-Ruhezustand',
      held: 'Dieser Bildschirm bleibt an, solange eine Maschine produziert oder ein Alarm offen ist.',
      unavailable:
        'Dieser Browser kann den Bildschirm hier nicht anlassen: Das geht nur, wenn die Konsole auf diesem Rechner oder über HTTPS geöffnet ist. Stellen Sie in den Energieoptionen des Systems ein, dass der Bildschirm nie ausgeht.',
    },
  },
);
