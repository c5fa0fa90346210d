import { describe, expect, it } from 'vitest';
import { alertTexts, closedReasonText } from '../../../shared/alerts/alert-texts';
import { translator } from '../../../shared/i18n/translate';

const en = translator('en');
const de = translator('de');

describe("an alert's texts in the viewer's language", () => {
  it('composes a suspension, a silent machine and a low disk in English and German from the structured fields', () => {
    const feeder = { kind: 'suspension', code: 'FeederEmpty', machineId: 'm1', machineLabel: 'Line 1' } as const;
    expect(alertTexts(en, feeder)).toEqual({ title: 'Feeder empty', text: 'The input feeder is empty.', action: 'Load cards into the input feeder.' });
    expect(alertTexts(de, feeder)).toEqual({ title: 'Kartenzufuhr leer', text: 'Die Kartenzufuhr ist leer.', action: 'Karten in die Zufuhr einlegen.' });
    expect(alertTexts(de, { kind: 'silence', machineId: 'm1', machineLabel: 'Line 1' }).title).toBe('Keine Nachricht von Line 1');
    const disk = { kind: 'disk-low', machineId: '', machineLabel: 'This console', detail: String(1.5 * 1024 ** 3) } as const;
    expect(alertTexts(de, disk, 'de-DE').text).toContain('Nur 1,5 GB waren');
    expect(alertTexts(en, disk, 'en-GB').text).toContain('Only 1.5 GB was');
  });

  it('quotes a machine code it does not know as sent', () => {
    expect(alertTexts(de, { kind: 'stopped', code: 'NewFirmwareReason', machineId: 'm1', machineLabel: 'Line 1' })).toEqual({
      title: 'Ausgabe gestoppt: NewFirmwareReason',
      text: 'Unbekannter Wert „NewFirmwareReason“.',
    });
  });

  it('renders a closing reason stored as a code per language, and an older one as written', () => {
    const coded = { closedReasonCode: 'acknowledged', closedReasonParams: { actor: 'Ana' } } as const;
    expect(closedReasonText(en, coded)).toBe('acknowledged by Ana');
    expect(closedReasonText(de, coded)).toBe('bestätigt von Ana');
    expect(closedReasonText(de, { closedReason: 'the machine runs again' })).toBe('the machine runs again');
  });
});
