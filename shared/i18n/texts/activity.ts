import { namespace } from '../namespace';

/**
 * The RapIDadmin / EliteID feed (renderer/src/features/activity). What the feed itself sent (names, events, fields,
 * the core's headlines) is shown as it came. `backticked` parts are names to type exactly and stay as they are.
 */
export const activity = namespace(
  {
    title: 'People, cards and prints',
    noEvent: 'No event yet',
    newestFirst: 'Newest first',
    loadFailed: 'Could not load the activity: {{error}}',
    notFull: 'EliteID API operations and bulk imports send no webhooks: this feed is not a full record.',
    listLabel: 'Activity',
    events: 'events',
    item: {
      personNotSeen: 'Person not seen yet',
      id: 'ID {{id}}',
      printJob: 'print job {{key}}',
      was: 'was',
      whatChanged: 'What changed:',
      onlyModified: 'nothing but the modification time',
      sequence: 'Documented sequence:',
      repeated: 'Repeated ×{{count}}',
      repeatedWhy:
        'the same event and body arrived at {{time}}, less than 5 minutes before. A replay of a recorded delivery looks like this, and so does a real event that happened again. No new alert.',
      broken: 'Sequence broken: {{flag}}',
      raw: 'Body as received (not readable as JSON):',
      allFields: 'All fields as received ({{count}})',
    },
    alert: {
      identityVerification: 'Identity verification',
      acknowledge: 'Acknowledge',
    },
    endpoint: {
      title: 'RapIDadmin / EliteID webhooks',
      url: 'Notification URL:',
      signed: 'Signed: every delivery must carry an x-signature made with the Signing Secret. Others are refused.',
      refusedHead: 'Deliveries are refused.',
      refused:
        'No signing secret is configured (`rapidadmin.signingSecret`), so nothing tells RapIDadmin from a forger: every delivery gets 401 and is not shown. Enter the Signing Secret RapIDadmin generated, or set `rapidadmin.allowUnsigned: true` to accept unsigned deliveries.',
      trainingHead: 'Training mode.',
      training: 'No signing secret is configured: unsigned deliveries are accepted from this computer only, and refused from anywhere else.',
      openHead: 'Unauthenticated endpoint.',
      open: 'No signing secret is configured (`rapidadmin.signingSecret`) and `rapidadmin.allowUnsigned` is on: anyone who reaches this port can post people and print jobs. Enter the Signing Secret RapIDadmin generated.',
      printJobKey: 'Print jobs are identified by `{{key}}`, else by PersonId + CardTemplateId.',
    },
  },
  {
    title: 'Personen, Karten und Drucke',
    noEvent: 'Noch kein Ereignis',
    newestFirst: 'Neueste zuerst',
    loadFailed: 'Die Aktivität konnte nicht geladen werden: {{error}}',
    notFull: 'EliteID-API-Vorgänge und Massenimporte senden keine Webhooks: Diese Liste ist nicht vollständig.',
    listLabel: 'Aktivität',
    events: 'Ereignisse',
    item: {
      personNotSeen: 'Person noch nicht bekannt',
      id: 'Ausweis-Nr. {{id}}',
      printJob: 'Druckauftrag {{key}}',
      was: 'vorher',
      whatChanged: 'Was sich geändert hat:',
      onlyModified: 'nur der Änderungszeitpunkt',
      sequence: 'Dokumentierte Abfolge:',
      repeated: '×{{count}} wiederholt',
      repeatedWhy:
        'Dasselbe Ereignis mit demselben Inhalt kam schon um {{time}}, weniger als 5 Minuten vorher. So sieht eine erneut abgespielte Zustellung aus, aber auch ein echtes Ereignis, das noch einmal geschah. Keine neue Meldung.',
      broken: 'Abfolge unterbrochen: {{flag}}',
      raw: 'Inhalt wie empfangen (nicht als JSON lesbar):',
      allFields: 'Alle Felder wie empfangen ({{count}})',
    },
    alert: {
      identityVerification: 'Identitätsprüfung',
      acknowledge: 'Quittieren',
    },
    endpoint: {
      title: 'RapIDadmin-/EliteID-Webhooks',
      url: 'Benachrichtigungs-URL:',
      signed: 'Signiert: Jede Zustellung muss eine mit dem Signing Secret erstellte x-signature tragen. Andere werden abgelehnt.',
      refusedHead: 'Zustellungen werden abgelehnt.',
      refused:
        'Kein Signing Secret eingerichtet (`rapidadmin.signingSecret`), daher ist RapIDadmin nicht von einem Fälscher zu unterscheiden: Jede Zustellung erhält 401 und wird nicht angezeigt. Tragen Sie das von RapIDadmin erzeugte Signing Secret ein, oder setzen Sie `rapidadmin.allowUnsigned: true`, um unsignierte Zustellungen anzunehmen.',
      trainingHead: 'Schulungsmodus.',
      training: 'Kein Signing Secret eingerichtet: Unsignierte Zustellungen werden nur von diesem Computer angenommen und von überall sonst abgelehnt.',
      openHead: 'Endpunkt ohne Authentifizierung.',
      open: 'Kein Signing Secret eingerichtet (`rapidadmin.signingSecret`) und `rapidadmin.allowUnsigned` ist an: Jeder, der diesen Port erreicht, kann Personen und Druckaufträge senden. Tragen Sie das von RapIDadmin erzeugte Signing Secret ein.',
      printJobKey: 'Druckaufträge werden an `{{key}}` erkannt, sonst an PersonId + CardTemplateId.',
    },
  },
);
