import { namespace } from '../namespace';

/**
 * What the core stores as a command's outcome (`commands.outcome_code`), in every language. `answer` is the machine's
 * own answer (HTTP status and body, or the network error), shown as sent.
 */
export const outcomes = namespace(
  {
    movedOn: 'the machine moved on',
    movedOnWith: 'the machine moved on ({{message}})',
    noLongerWaitsChecked: 'the machine no longer waits on this job (checked with its API)',
    unreadableState: 'an unreadable state',
    sentAgain: 'sent again on request of {{by}}',
    notSentBefore: 'not sent: {{reason}} before it could be sent',
    notSent: 'not sent: {{reason}}',
    takenAsApplied: 'taken as applied: {{reason}}',
    notConfigured: 'not sent: the machine is not configured',
    callbackRefused: "the machine's CallbackUrl answered {{answer}}; checking the machine before signalling its documented endpoint",
    gaveUp: '{{answer}}; gave up retrying',
    retrying: '{{answer}}; the machine never got it — retrying',
    mayHaveApplied: '{{answer}}; the machine may have applied it — checking before any retry',
    unknownUnconfigured: 'outcome unknown, and the machine is no longer configured',
    unknownNoCheck:
      'outcome unknown: the machine may have applied it and offers no way to check. Check the job at the machine; send again only if it still waits',
    unknownUnreadable: "outcome unknown: could not read the machine's suspended jobs ({{answer}})",
    noLongerWaits: 'taken as applied: the machine no longer waits on this job',
    stillWaits: 'the machine still waits on this job and sent nothing newer: sending again',
    appliedState: 'taken as applied: the machine reports {{status}}',
    unknownState: 'outcome unknown: the machine reports {{status}}; press again if still needed',
    restoredStillWaits:
      'restored from a backup: the machine still waits on this job, but this decision may have reached it before the restore. Check the job at the machine; send again only if it still waits for this decision',
    restoredNotSent: 'restored from a backup: not sent; the machine now reports {{status}}. Press again if still needed',
  },
  {
    movedOn: 'die Maschine hat weitergearbeitet',
    movedOnWith: 'die Maschine hat weitergearbeitet ({{message}})',
    noLongerWaitsChecked: 'die Maschine wartet nicht mehr auf diesen Auftrag (über ihre API geprüft)',
    unreadableState: 'einen unlesbaren Zustand',
    sentAgain: 'erneut gesendet auf Wunsch von {{by}}',
    notSentBefore: 'nicht gesendet: {{reason}}, bevor gesendet werden konnte',
    notSent: 'nicht gesendet: {{reason}}',
    takenAsApplied: 'als ausgeführt gewertet: {{reason}}',
    notConfigured: 'nicht gesendet: die Maschine ist nicht eingerichtet',
    callbackRefused: 'die CallbackUrl der Maschine antwortete {{answer}}; die Maschine wird geprüft, bevor ihr dokumentierter Endpunkt das Signal bekommt',
    gaveUp: '{{answer}}; keine weiteren Versuche',
    retrying: '{{answer}}; bei der Maschine nicht angekommen — neuer Versuch',
    mayHaveApplied: '{{answer}}; die Maschine hat es vielleicht ausgeführt — wird vor jedem neuen Versuch geprüft',
    unknownUnconfigured: 'Ergebnis unbekannt, und die Maschine ist nicht mehr eingerichtet',
    unknownNoCheck:
      'Ergebnis unbekannt: die Maschine hat es vielleicht ausgeführt und bietet keine Prüfung an. Prüfen Sie den Auftrag an der Maschine; senden Sie nur erneut, wenn er noch wartet',
    unknownUnreadable: 'Ergebnis unbekannt: die wartenden Aufträge der Maschine ließen sich nicht lesen ({{answer}})',
    noLongerWaits: 'als ausgeführt gewertet: die Maschine wartet nicht mehr auf diesen Auftrag',
    stillWaits: 'die Maschine wartet noch auf diesen Auftrag und hat nichts Neueres gemeldet: wird erneut gesendet',
    appliedState: 'als ausgeführt gewertet: die Maschine meldet {{status}}',
    unknownState: 'Ergebnis unbekannt: die Maschine meldet {{status}}; drücken Sie erneut, falls noch nötig',
    restoredStillWaits:
      'aus einer Sicherung wiederhergestellt: die Maschine wartet noch auf diesen Auftrag, aber diese Entscheidung kann sie vor der Wiederherstellung erreicht haben. Prüfen Sie den Auftrag an der Maschine; senden Sie nur erneut, wenn er noch auf diese Entscheidung wartet',
    restoredNotSent: 'aus einer Sicherung wiederhergestellt: nicht gesendet; die Maschine meldet jetzt {{status}}. Drücken Sie erneut, falls noch nötig',
  },
);
