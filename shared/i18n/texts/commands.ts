import { namespace } from '../namespace';

/** A command's outcome line, the supervisor PIN, and the mark of what came back from a backup (features/commands). */
export const commands = namespace(
  {
    state: {
      queued: 'Queued',
      sent: 'Sent — awaiting answer',
      acknowledged: 'Accepted by the machine',
      failed: 'Failed',
    },
    when: 'at {{time}} by {{actor}}',
    details: 'Details: {{outcome}}',
    supervisorPin: 'Supervisor PIN',
    restored: 'Restored from a backup ({{at}}): check at the machine.',
    restoredReview:
      "Nothing can be decided here until the machine's list of waiting jobs shows this one still waiting, or a newer message from it arrives.",
    restoredCommand: "Not sent until the machine's list of waiting jobs, or a newer message from it, settles it.",
  },
  {
    state: {
      queued: 'Eingereiht',
      sent: 'Gesendet — wartet auf Antwort',
      acknowledged: 'Von der Maschine angenommen',
      failed: 'Fehlgeschlagen',
    },
    when: 'um {{time}} von {{actor}}',
    details: 'Einzelheiten: {{outcome}}',
    supervisorPin: 'Supervisor-PIN',
    restored: 'Aus einer Sicherung wiederhergestellt ({{at}}): an der Maschine prüfen.',
    restoredReview:
      'Hier kann nichts entschieden werden, bis die Liste wartender Aufträge der Maschine diesen noch als wartend zeigt oder eine neuere Nachricht von ihr eintrifft.',
    restoredCommand: 'Wird nicht gesendet, bis die Liste wartender Aufträge der Maschine oder eine neuere Nachricht von ihr es klärt.',
  },
);
