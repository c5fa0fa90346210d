import type { ErrorCodeName, SchedulerErrorCodeName, SystemErrorCodeName } from '../../aida/vocabulary';
import { namespace } from '../namespace';

/** What a code means, in words an operator reads, and what to do about it where there is something to do. */
type Sentence = { text: string; action?: string };

/**
 * The sentences of AIDA's error codes: a job's (JobErrorCodes), a scheduler's that cannot run
 * (WorkflowSchedulerErrorCodes), the machine's own (AIDA 1.6 SystemErrorCodes). The names, in the vendor's order, are in
 * shared/aida/vocabulary.ts; the other enumerations' sentences in `aida`.
 */
export const aidaErrors = namespace(
  {
    errorCodes: {
      NoErrors: { text: 'No error so far.' },
      ManualStop: { text: 'Issuance was stopped from the API.' },
      GenericError: { text: 'A generic error occurred.', action: "Check the machine's log." },
      CardJam: { text: 'A card jammed while being moved.', action: 'Open the machine, clear the jammed card, close the cover.' },
      MarkLayoutFailed: { text: 'The laser software returned an error while marking.', action: 'Check the layout and the laser.' },
      OpenInterlock: { text: 'An interlock (cover or door) is open.', action: 'Close every cover and door of the machine.' },
      MarkErrorLayoutOutOfBounds: { text: 'The layout lies outside the area the laser head can reach.', action: "Fix the job template's layout." },
      MarkErrorEntitySelectionEmpty: { text: 'There was nothing to mark: the entity list is empty.', action: 'Check the job data.' },
      MarkErrorMarkAlreadyExecuting: { text: 'Another mark was already running.' },
      ChipPersonalizationFailed: { text: 'Chip encoding reported failure (external process outcome Faulted).' },
      MagStripeReadFailed: { text: 'The magnetic stripe encoder refused a read.' },
      MagStripeWriteFailed: { text: 'The magnetic stripe encoder refused a write.' },
      OcrUnexpectedResult: { text: 'External validation reported failure (outcome Faulted).' },
      OcrFailedToAcquireImage: { text: 'The camera could not take the image for OCR.', action: 'Check the camera and the card position.' },
      OcrFailedToExecuteAlgorithm: {
        text: 'The OCR algorithm failed: its configuration or parameters may be invalid.',
        action: 'Check the OCR settings of the job template.',
      },
      AutoPosFailedToMatchPattern: {
        text: 'The positioning pattern was not found: the image is poor or the card is out of place.',
        action: 'Check the card stock and its orientation.',
      },
      WebhookAckTimeout: {
        text: "The console did not answer a webhook within the machine's timeout.",
        action: "Check this PC's load and network; raise the machine's webhook ackTimeout if needed.",
      },
      WebhooksServerUnreachable: { text: 'The machine could not reach the console.', action: 'Check that the console is running and the firewall allows the webhook port.' },
      FeederEmpty: { text: 'The input feeder is empty.', action: 'Load cards into the input feeder.' },
      CancelledOnStartup: { text: 'The machine cancelled this job at start-up: it was left unfinished when the machine shut down.' },
      OcrExternalValidationKo: { text: 'The OCR read was rejected by external validation (outcome Faulted).' },
      FailedToLoadJobTemplate: { text: 'The job template file could not be loaded.', action: 'Check the job template on the machine.' },
      InvalidTransportStatus: {
        text: 'A card had to be moved while the transport was in error (often after a card jam).',
        action: 'Clear the transport error on the machine.',
      },
      ReadBackValidationFailed: { text: 'Read-back validation failed.' },
      InvalidCardOrientation: { text: 'The card is in the wrong orientation.', action: 'Turn the cards in the feeder the right way.' },
      InkjetPrintFailed: { text: 'Inkjet printing on the card failed.', action: 'Check the inkjet printer and its cartridges.' },
      BarcodeDecodingFailed: { text: 'The barcode on the card could not be decoded.', action: "Check the barcode's print quality." },
      BarcodeImageAcquisitionFailed: { text: 'The camera could not take the image of the barcode.', action: 'Check the camera and the card position.' },
      BarcodeExternalValidationKo: { text: 'The decoded barcode was rejected by external validation (outcome Faulted).' },
      MarkLayoutFailedToLoadData: { text: "The laser layout could not load the job's data.", action: "Check the job data and the job template's data bindings." },
    } satisfies Record<ErrorCodeName, Sentence>,
    schedulerErrors: {
      JobTemplateDoesNotExists: { text: 'The job template named at start does not exist on the machine.', action: 'Start again with a job template the machine has.' },
      InvalidDataSourceConfiguration: { text: 'The data source of the job template is invalid.', action: "Fix the job template's data source." },
      WebhooksServerUnreachable: { text: 'The machine could not reach the console.', action: 'Check that the console is running and the firewall allows the webhook port.' },
      TransportResetFailed: { text: 'The transport could not be reset.', action: 'Check the transport, then start again.' },
      FeederEmpty: { text: 'The input feeder is empty.', action: 'Load cards into the input feeder.' },
      InvalidWorkflowTypeName: {
        text: 'The workflow type named at start is not one the machine knows.',
        action: 'Start again without a workflow type, or with one the machine has.',
      },
    } satisfies Record<SchedulerErrorCodeName, Sentence>,
    systemErrors: {
      CardJam: { text: 'A card is jammed in the transport.', action: 'Open the machine, clear the jammed card, close the cover.' },
      FeederEmpty: { text: 'The input feeder is empty.', action: 'Load cards into the input feeder.' },
      OpenInterlock: { text: 'An interlock (cover or door) is open.', action: 'Close every cover and door of the machine.' },
      PrintHeadWarming: { text: 'The print head is warming up.' },
      PrintHeadOverTemperature: { text: 'The print head is too hot.', action: "Let it cool down; check the machine's ventilation." },
      LaserInterfaceError: { text: 'The machine cannot talk to its laser.', action: 'Check the laser and its connection.' },
      ApplicationError: { text: "The machine's software reports an error.", action: "Check the machine's log." },
      CartridgeEmpty: { text: 'An ink cartridge is empty.', action: 'Replace the cartridge.' },
      CartridgeExpired: { text: 'An ink cartridge has expired.', action: 'Replace the cartridge.' },
      CartridgeLow: { text: 'An ink cartridge is running low.', action: 'Have a new cartridge ready.' },
      MissingCartridge: { text: 'An ink cartridge is missing.', action: 'Insert the cartridge.' },
      CartridgeError: { text: 'An ink cartridge reports an error.', action: 'Take the cartridge out and put it back, or replace it.' },
      CartridgeWarning: { text: 'An ink cartridge reports a warning.' },
      CartridgeExpiring: { text: 'An ink cartridge expires soon.', action: 'Have a new cartridge ready.' },
    } satisfies Record<SystemErrorCodeName, Sentence>,
  },
  {
    errorCodes: {
      NoErrors: { text: 'Bisher kein Fehler.' },
      ManualStop: { text: 'Die Ausgabe wurde über die API angehalten.' },
      GenericError: { text: 'Ein allgemeiner Fehler ist aufgetreten.', action: 'Das Protokoll der Maschine prüfen.' },
      CardJam: { text: 'Eine Karte hat sich beim Transport verklemmt.', action: 'Maschine öffnen, die verklemmte Karte entfernen, Abdeckung schließen.' },
      MarkLayoutFailed: { text: 'Die Lasersoftware meldete beim Beschriften einen Fehler.', action: 'Layout und Laser prüfen.' },
      OpenInterlock: { text: 'Eine Sicherheitsverriegelung (Abdeckung oder Tür) ist offen.', action: 'Alle Abdeckungen und Türen der Maschine schließen.' },
      MarkErrorLayoutOutOfBounds: { text: 'Das Layout liegt außerhalb des Bereichs, den der Laserkopf erreicht.', action: 'Das Layout der Auftragsvorlage korrigieren.' },
      MarkErrorEntitySelectionEmpty: { text: 'Es gab nichts zu beschriften: Die Liste der Elemente ist leer.', action: 'Die Auftragsdaten prüfen.' },
      MarkErrorMarkAlreadyExecuting: { text: 'Eine andere Beschriftung lief bereits.' },
      ChipPersonalizationFailed: { text: 'Die Chip-Codierung meldete einen Fehler (Ergebnis des externen Vorgangs: Faulted).' },
      MagStripeReadFailed: { text: 'Der Magnetstreifen-Encoder hat das Lesen verweigert.' },
      MagStripeWriteFailed: { text: 'Der Magnetstreifen-Encoder hat das Schreiben verweigert.' },
      OcrUnexpectedResult: { text: 'Die externe Prüfung meldete einen Fehler (Ergebnis Faulted).' },
      OcrFailedToAcquireImage: { text: 'Die Kamera konnte das Bild für die OCR nicht aufnehmen.', action: 'Kamera und Lage der Karte prüfen.' },
      OcrFailedToExecuteAlgorithm: {
        text: 'Der OCR-Algorithmus ist fehlgeschlagen: Einstellungen oder Parameter sind vielleicht ungültig.',
        action: 'Die OCR-Einstellungen der Auftragsvorlage prüfen.',
      },
      AutoPosFailedToMatchPattern: {
        text: 'Die Positionsmarke wurde nicht gefunden: Das Bild ist schlecht oder die Karte liegt falsch.',
        action: 'Kartenrohlinge und ihre Ausrichtung prüfen.',
      },
      WebhookAckTimeout: {
        text: 'Die Konsole hat einen Webhook nicht innerhalb der Wartezeit der Maschine beantwortet.',
        action: 'Auslastung und Netzwerk dieses PCs prüfen; bei Bedarf das Webhook-ackTimeout der Maschine erhöhen.',
      },
      WebhooksServerUnreachable: { text: 'Die Maschine konnte die Konsole nicht erreichen.', action: 'Prüfen, ob die Konsole läuft und die Firewall den Webhook-Port zulässt.' },
      FeederEmpty: { text: 'Die Kartenzufuhr ist leer.', action: 'Karten in die Zufuhr einlegen.' },
      CancelledOnStartup: { text: 'Die Maschine hat diesen Auftrag beim Hochfahren abgebrochen: Er war beim Herunterfahren nicht fertig.' },
      OcrExternalValidationKo: { text: 'Die externe Prüfung hat den OCR-Lesewert abgelehnt (Ergebnis Faulted).' },
      FailedToLoadJobTemplate: { text: 'Die Auftragsvorlage konnte nicht geladen werden.', action: 'Die Auftragsvorlage auf der Maschine prüfen.' },
      InvalidTransportStatus: {
        text: 'Eine Karte musste bewegt werden, während der Transport im Fehlerzustand war (oft nach einem Kartenstau).',
        action: 'Den Transportfehler an der Maschine beheben.',
      },
      ReadBackValidationFailed: { text: 'Die Prüfung des Zurücklesens ist fehlgeschlagen.' },
      InvalidCardOrientation: { text: 'Die Karte liegt falsch herum.', action: 'Die Karten in der Zufuhr richtig herum einlegen.' },
      InkjetPrintFailed: { text: 'Der Tintenstrahldruck auf die Karte ist fehlgeschlagen.', action: 'Tintenstrahldrucker und Patronen prüfen.' },
      BarcodeDecodingFailed: { text: 'Der Barcode auf der Karte konnte nicht gelesen werden.', action: 'Die Druckqualität des Barcodes prüfen.' },
      BarcodeImageAcquisitionFailed: { text: 'Die Kamera konnte das Bild des Barcodes nicht aufnehmen.', action: 'Kamera und Lage der Karte prüfen.' },
      BarcodeExternalValidationKo: { text: 'Die externe Prüfung hat den gelesenen Barcode abgelehnt (Ergebnis Faulted).' },
      MarkLayoutFailedToLoadData: {
        text: 'Das Laser-Layout konnte die Daten des Auftrags nicht laden.',
        action: 'Die Auftragsdaten und die Datenverknüpfungen der Auftragsvorlage prüfen.',
      },
    },
    schedulerErrors: {
      JobTemplateDoesNotExists: {
        text: 'Die beim Start genannte Auftragsvorlage gibt es auf der Maschine nicht.',
        action: 'Mit einer Auftragsvorlage neu starten, die die Maschine hat.',
      },
      InvalidDataSourceConfiguration: { text: 'Die Datenquelle der Auftragsvorlage ist ungültig.', action: 'Die Datenquelle der Auftragsvorlage korrigieren.' },
      WebhooksServerUnreachable: { text: 'Die Maschine konnte die Konsole nicht erreichen.', action: 'Prüfen, ob die Konsole läuft und die Firewall den Webhook-Port zulässt.' },
      TransportResetFailed: { text: 'Der Transport ließ sich nicht zurücksetzen.', action: 'Den Transport prüfen, dann neu starten.' },
      FeederEmpty: { text: 'Die Kartenzufuhr ist leer.', action: 'Karten in die Zufuhr einlegen.' },
      InvalidWorkflowTypeName: {
        text: 'Den beim Start genannten Ablauftyp kennt die Maschine nicht.',
        action: 'Ohne Ablauftyp neu starten oder mit einem, den die Maschine hat.',
      },
    },
    systemErrors: {
      CardJam: { text: 'Eine Karte klemmt im Transport.', action: 'Maschine öffnen, die verklemmte Karte entfernen, Abdeckung schließen.' },
      FeederEmpty: { text: 'Die Kartenzufuhr ist leer.', action: 'Karten in die Zufuhr einlegen.' },
      OpenInterlock: { text: 'Eine Sicherheitsverriegelung (Abdeckung oder Tür) ist offen.', action: 'Alle Abdeckungen und Türen der Maschine schließen.' },
      PrintHeadWarming: { text: 'Der Druckkopf wärmt sich auf.' },
      PrintHeadOverTemperature: { text: 'Der Druckkopf ist zu heiß.', action: 'Abkühlen lassen; die Lüftung der Maschine prüfen.' },
      LaserInterfaceError: { text: 'Die Maschine erreicht ihren Laser nicht.', action: 'Den Laser und seine Verbindung prüfen.' },
      ApplicationError: { text: 'Die Software der Maschine meldet einen Fehler.', action: 'Das Protokoll der Maschine prüfen.' },
      CartridgeEmpty: { text: 'Eine Tintenpatrone ist leer.', action: 'Die Patrone ersetzen.' },
      CartridgeExpired: { text: 'Eine Tintenpatrone ist abgelaufen.', action: 'Die Patrone ersetzen.' },
      CartridgeLow: { text: 'Eine Tintenpatrone ist fast leer.', action: 'Eine neue Patrone bereitlegen.' },
      MissingCartridge: { text: 'Eine Tintenpatrone fehlt.', action: 'Die Patrone einsetzen.' },
      CartridgeError: { text: 'Eine Tintenpatrone meldet einen Fehler.', action: 'Die Patrone herausnehmen und wieder einsetzen oder ersetzen.' },
      CartridgeWarning: { text: 'Eine Tintenpatrone meldet eine Warnung.' },
      CartridgeExpiring: { text: 'Eine Tintenpatrone läuft bald ab.', action: 'Eine neue Patrone bereitlegen.' },
    },
  },
);
