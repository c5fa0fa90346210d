import { describe, expect, it } from 'vitest';
import { schedulerErrorView, suspensionNote } from '../../../electron/core/domain/machine-report';
import { REASON_UNKNOWN } from '../../../electron/core/domain/reconciliation';
import { say } from '../../../shared/i18n/say';
import { translator } from '../../../shared/i18n/translate';

const SINCE = '2025-03-01T10:00:00.000Z';
const AFTER = '2025-03-01T10:00:20.000Z';
const report = (facts: { hasOpenInterlocks?: boolean; allFeedersEmpty?: boolean }, at = AFTER) => ({ at, ...facts });

/** The note as a viewer reads it, in one language. */
const read = (lang: 'en' | 'de', code: string, facts: Parameters<typeof report>[0], at?: string) => {
  const note = suspensionNote(code, SINCE, report(facts, at));
  return note && say(translator(lang), note);
};

describe("what the machine's own status says about a suspension", () => {
  it('is a code each viewer reads in their language', () => {
    expect(read('en', 'OpenInterlock', { hasOpenInterlocks: false })).toBe('The machine reports every cover and door closed now: press Resume.');
    expect(read('de', 'OpenInterlock', { hasOpenInterlocks: false })).toBe('Die Maschine meldet jetzt alle Abdeckungen und Türen geschlossen: Fortsetzen drücken.');
    expect(read('de', 'FeederEmpty', { allFeedersEmpty: false })).toBe('Die Maschine meldet jetzt Karten in der Zufuhr: Fortsetzen drücken.');
    expect(read('en', 'FeederEmpty', { allFeedersEmpty: true })).toBe('The machine still reports every feeder empty.');
    expect(read('en', 'CardJam', { hasOpenInterlocks: true })).toBe('The machine reports a cover or door open: close it before pressing Resume.');
  });

  it('says what it found for a suspension no message explained, both facts in one sentence', () => {
    expect(read('en', REASON_UNKNOWN, { hasOpenInterlocks: true, allFeedersEmpty: true })).toBe('The machine reports a cover or door open and every feeder empty.');
    expect(read('de', REASON_UNKNOWN, { allFeedersEmpty: true })).toBe('Die Maschine meldet alle Kartenzufuhren leer.');
    expect(read('en', REASON_UNKNOWN, { hasOpenInterlocks: false, allFeedersEmpty: false })).toBeUndefined();
  });

  it('says nothing from a reading older than the suspension, or about what it does not report', () => {
    expect(read('en', 'OpenInterlock', { hasOpenInterlocks: false }, '2025-03-01T09:59:00.000Z')).toBeUndefined();
    expect(read('en', 'OpenInterlock', { allFeedersEmpty: true })).toBeUndefined();
    expect(read('en', 'CardJam', { hasOpenInterlocks: false })).toBeUndefined();
    expect(suspensionNote('FeederEmpty', SINCE, undefined)).toBeUndefined();
  });
});

describe('a scheduler in error', () => {
  it('carries its codes, known or not, for the page to say, and the details as sent', () => {
    expect(schedulerErrorView({ errors: ['JobTemplateDoesNotExists', 'LaserOverheat'], details: 'Template "X" not found', since: SINCE })).toEqual({
      errors: [{ code: 'JobTemplateDoesNotExists' }, { code: 'LaserOverheat' }],
      details: 'Template "X" not found',
      since: SINCE,
    });
  });
});
