import { namespace } from '../namespace';

/**
 * The training scenarios (electron/core/simulator/scenarios), by id: their title, what happens (`summary`) and what the
 * trainee is expected to do (`trainee`). `{{card}}` and the like: the card an incident happens to, from the scenario.
 */
export const scenarios = namespace(
  {
    'normal-batch': {
      title: 'Normal batch',
      summary: 'A batch runs from start to finish and every card is produced.',
      trainee: 'Start issuance and follow the jobs until the machine reports the batch complete.',
    },
    'feeder-empty': {
      title: 'Feeder runs empty',
      summary: 'The input feeder holds only a few cards. When it runs empty the machine suspends issuance (FeederEmpty); the cards already inside finish.',
      trainee: 'Load cards into the feeder, then press Resume in the alert. Resuming with the feeder still empty suspends again. Or Stop.',
    },
    'open-interlock': {
      title: 'Cover opened before engraving',
      summary: 'Just before card {{card}} is engraved someone opens a cover. The laser must not fire: the machine suspends issuance (OpenInterlock) and the card waits.',
      trainee: 'Close the cover, then press Resume. Resuming with the cover still open suspends again.',
    },
    'card-jam-box': {
      title: 'Card jam (box system)',
      summary: 'Card {{card}} jams in the transport before it is engraved. A box system can recover: issuance is suspended (CardJam).',
      trainee: 'Clear the jam, then press Resume. Resuming before the jam is cleared suspends again.',
    },
    'card-jam-desktop': {
      title: 'Card jam (desktop system)',
      summary:
        'On a desktop system card {{card}} jams on its way to the output after it was engraved. A desktop machine cannot recover: the job faults (CardJam, document produced), the card behind it is cancelled, and issuance stops.',
      trainee: 'There is no Resume: clear the jam, then start issuance again. Starting before the jam is cleared fails.',
    },
    'ocr-review': {
      title: 'OCR reads to review',
      summary:
        "After engraving, the machine reads each card's passport MRZ by OCR and waits for a supervisor. Confidence varies: some reads are clean, one is doubtful, one card is smudged.",
      trainee: 'Approve the good reads; reject the poor ones with a reason. Each card waits until decided.',
    },
    'chip-encoding': {
      title: 'Chip encoding',
      summary: 'Each card stops in a chip encoder (EncoderLoaded, alternating between two encoders) and waits until encoding is reported done or failed.',
      trainee: 'Report each card encoded, or failed (the card is then rejected).',
    },
    readbacks: {
      title: 'Readbacks',
      summary:
        'What was written is read back for validation: magnetic stripe, OCR, chip and barcode, one kind per card in turn. Each card waits for a decision (the chip card is encoded first).',
      trainee: 'Check what was read back; approve it or reject the card.',
    },
    'barcode-decoded': {
      title: 'Barcodes decoded (AIDA 1.6)',
      summary:
        'After engraving, the machine decodes the barcode on each card (BarcodeDecoded). On odd cards it only reports the read; on even cards the job is Suspended and waits for the read to be validated.',
      trainee: 'Only the cards that wait appear in Reviews: approve a good read, reject a doubtful one with a reason.',
    },
    'slow-console': {
      title: 'Console answers too slowly',
      summary:
        "The console answers the first message of card {{card}} only after the machine's ack timeout. The machine rejects that card (WebhookAckTimeout) and carries on with the batch.",
      trainee: 'Find the rejected card and its reason. A slow console destroys cards.',
    },
    'console-unreachable': {
      title: 'Console unreachable',
      summary:
        'The network to the console goes down as card {{card}} is fed. The machine cannot deliver its messages: it faults the job (WebhooksServerUnreachable) and stops issuance. The console hears none of it; the network is back once the machine has stopped.',
      trainee: 'Notice that the machine fell silent, and find out from the machine what happened.',
    },
    'scheduler-error': {
      title: 'Issuance in error',
      summary:
        'Start is accepted, but the machine cannot find the job template: its scheduler reports Error (JobTemplateDoesNotExists) with details, and it sends no message about it. Only its API says so.',
      trainee: "Find the error and the machine's own words on the machine panel and in the alert, then Stop.",
    },
    'production-shift': {
      title: 'A production shift',
      summary:
        'A long batch with the feeder holding only part of it: it runs empty and waits to be refilled. Card {{jamCard}} jams in the transport (the machine suspends, CardJam). The laser faults on card {{faultCard}} (MarkLayoutFailed): that card is lost, and the job is run again on a fresh card.',
      trainee: 'Refill the feeder and Resume, clear the jam and Resume, and find the lost card and its reprint in the shift report.',
    },
    'lost-message': {
      title: 'A message is lost',
      summary:
        "A batch runs to the end, but the network loses one card's completion message: the machine counted the card, the console never heard of it.",
      trainee: "Start issuance; when the batch is complete, open the machine's sessions and find the difference between its count and the console's.",
    },
  },
  {
    'normal-batch': {
      title: 'Normaler Stapel',
      summary: 'Ein Stapel läuft von Anfang bis Ende durch, jede Karte wird hergestellt.',
      trainee: 'Die Ausgabe starten und die Aufträge verfolgen, bis die Maschine den Stapel als fertig meldet.',
    },
    'feeder-empty': {
      title: 'Kartenzufuhr läuft leer',
      summary: 'In der Kartenzufuhr liegen nur wenige Karten. Ist sie leer, unterbricht die Maschine die Ausgabe (FeederEmpty); die Karten, die schon drin sind, werden fertig.',
      trainee: 'Karten in die Zufuhr einlegen, dann in der Meldung Fortsetzen drücken. Fortsetzen bei noch leerer Zufuhr unterbricht erneut. Oder Stopp.',
    },
    'open-interlock': {
      title: 'Abdeckung vor dem Gravieren geöffnet',
      summary: 'Kurz bevor Karte {{card}} graviert wird, öffnet jemand eine Abdeckung. Der Laser darf nicht feuern: Die Maschine unterbricht die Ausgabe (OpenInterlock), die Karte wartet.',
      trainee: 'Die Abdeckung schließen, dann Fortsetzen drücken. Fortsetzen bei noch offener Abdeckung unterbricht erneut.',
    },
    'card-jam-box': {
      title: 'Kartenstau (Box-System)',
      summary: 'Karte {{card}} verklemmt sich vor dem Gravieren im Transport. Ein Box-System kann weitermachen: Die Ausgabe wird unterbrochen (CardJam).',
      trainee: 'Den Stau beheben, dann Fortsetzen drücken. Fortsetzen vor dem Beheben des Staus unterbricht erneut.',
    },
    'card-jam-desktop': {
      title: 'Kartenstau (Desktop-System)',
      summary:
        'Auf einem Desktop-System verklemmt sich Karte {{card}} nach dem Gravieren auf dem Weg zur Ablage. Eine Desktop-Maschine kann nicht weitermachen: Der Auftrag schlägt fehl (CardJam, Karte hergestellt), die Karte dahinter wird abgebrochen, die Ausgabe hält an.',
      trainee: 'Es gibt kein Fortsetzen: den Stau beheben, dann die Ausgabe neu starten. Ein Start vor dem Beheben des Staus schlägt fehl.',
    },
    'ocr-review': {
      title: 'OCR-Lesungen prüfen',
      summary:
        'Nach dem Gravieren liest die Maschine die MRZ jeder Karte per OCR und wartet auf einen Vorgesetzten. Die Sicherheit schwankt: Manche Lesungen sind sauber, eine ist zweifelhaft, eine Karte ist verschmiert.',
      trainee: 'Gute Lesungen freigeben, schlechte mit Begründung ablehnen. Jede Karte wartet, bis entschieden ist.',
    },
    'chip-encoding': {
      title: 'Chip-Codierung',
      summary: 'Jede Karte hält in einem Chip-Encoder (EncoderLoaded, abwechselnd in zwei Encodern) und wartet, bis die Codierung als fertig oder fehlgeschlagen gemeldet ist.',
      trainee: 'Jede Karte als codiert oder fehlgeschlagen melden (die Karte wird dann aussortiert).',
    },
    readbacks: {
      title: 'Zurücklesen',
      summary:
        'Was geschrieben wurde, wird zur Prüfung zurückgelesen: Magnetstreifen, OCR, Chip und Barcode, reihum eine Art pro Karte. Jede Karte wartet auf eine Entscheidung (die Chipkarte wird vorher codiert).',
      trainee: 'Das Zurückgelesene prüfen; freigeben oder die Karte ablehnen.',
    },
    'barcode-decoded': {
      title: 'Barcodes gelesen (AIDA 1.6)',
      summary:
        'Nach dem Gravieren liest die Maschine den Barcode jeder Karte (BarcodeDecoded). Bei ungeraden Karten meldet sie nur den Lesewert; bei geraden ist der Auftrag unterbrochen (Suspended) und wartet auf die Prüfung.',
      trainee: 'Nur die wartenden Karten erscheinen unter Prüfungen: einen guten Lesewert freigeben, einen zweifelhaften mit Begründung ablehnen.',
    },
    'slow-console': {
      title: 'Konsole antwortet zu langsam',
      summary:
        'Die Konsole beantwortet die erste Meldung von Karte {{card}} erst nach der Wartezeit der Maschine. Die Maschine sortiert diese Karte aus (WebhookAckTimeout) und macht mit dem Stapel weiter.',
      trainee: 'Die aussortierte Karte und ihren Grund finden. Eine langsame Konsole vernichtet Karten.',
    },
    'console-unreachable': {
      title: 'Konsole nicht erreichbar',
      summary:
        'Das Netzwerk zur Konsole fällt aus, während Karte {{card}} eingezogen wird. Die Maschine kann ihre Meldungen nicht zustellen: Der Auftrag schlägt fehl (WebhooksServerUnreachable), die Ausgabe hält an. Die Konsole hört nichts davon; das Netzwerk ist wieder da, sobald die Maschine angehalten hat.',
      trainee: 'Bemerken, dass die Maschine verstummt ist, und an der Maschine herausfinden, was passiert ist.',
    },
    'scheduler-error': {
      title: 'Ausgabe im Fehlerzustand',
      summary:
        'Der Start wird angenommen, aber die Maschine findet die Auftragsvorlage nicht: Ihr Scheduler meldet Error (JobTemplateDoesNotExists) mit Details und schickt dazu keine Meldung. Nur ihre API sagt es.',
      trainee: 'Den Fehler und die Worte der Maschine im Maschinenfeld und in der Meldung finden, dann Stopp.',
    },
    'production-shift': {
      title: 'Eine Produktionsschicht',
      summary:
        'Ein langer Stapel, von dem nur ein Teil in der Zufuhr liegt: Sie läuft leer und wartet aufs Nachfüllen. Karte {{jamCard}} verklemmt sich im Transport (die Maschine unterbricht, CardJam). Der Laser versagt bei Karte {{faultCard}} (MarkLayoutFailed): Diese Karte ist verloren, der Auftrag läuft auf einer neuen Karte noch einmal.',
      trainee: 'Die Zufuhr nachfüllen und fortsetzen, den Stau beheben und fortsetzen, und im Schichtbericht die verlorene Karte und ihren Nachdruck finden.',
    },
    'lost-message': {
      title: 'Eine Meldung geht verloren',
      summary:
        'Ein Stapel läuft bis zum Ende, aber das Netzwerk verliert die Fertigmeldung einer Karte: Die Maschine hat die Karte gezählt, die Konsole hat nie von ihr gehört.',
      trainee: 'Die Ausgabe starten; ist der Stapel fertig, die Sitzungen der Maschine öffnen und den Unterschied zwischen ihrer Zählung und der der Konsole finden.',
    },
  },
);
