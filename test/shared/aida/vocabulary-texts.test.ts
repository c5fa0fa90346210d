import { describe as group, expect, it } from 'vitest';
import {
  ERROR_CODES,
  JOB_STATUSES,
  MESSAGE_TYPES,
  RECOVERABLE_CODES,
  SCHEDULER_ERROR_CODES,
  SCHEDULER_STATUSES,
  STOP_REASONS,
  SYSTEM_ERROR_CODES,
  type Term,
} from '../../../shared/aida/vocabulary';
import { describe, describeSuspension, errorWords, type VocabularyList } from '../../../shared/aida/vocabulary-texts';
import { LANGUAGES } from '../../../shared/i18n/languages';
import { translator } from '../../../shared/i18n/translate';

const LISTS: [VocabularyList, readonly Term[]][] = [
  ['messageTypes', MESSAGE_TYPES],
  ['jobStatuses', JOB_STATUSES],
  ['errorCodes', ERROR_CODES],
  ['stopReasons', STOP_REASONS],
  ['schedulerStatuses', SCHEDULER_STATUSES],
  ['schedulerErrors', SCHEDULER_ERROR_CODES],
  ['systemErrors', SYSTEM_ERROR_CODES],
];

/** A sentence an operator can read: capitalised, ended, and saying more than the value's own name. */
function isSentence(text: string, name: string): boolean {
  const bare = (s: string) => s.replace(/[\s.]/g, '').toLowerCase();
  return /^\p{Lu}.*[.]$/u.test(text) && bare(text) !== bare(name);
}

const en = translator('en');
const de = translator('de');

group('the AIDA vocabulary in words', () => {
  it.each(LISTS)('says every %s value in a sentence in every language, and every action is one too', (list, terms) => {
    for (const lang of LANGUAGES) {
      for (const { name } of terms) {
        const said = describe(translator(lang), list, name);
        expect(isSentence(said.text, name), `${lang} ${list}.${name}: "${said.text}"`).toBe(true);
        if (said.action !== undefined) expect(isSentence(said.action, name), `${lang} ${list}.${name}: "${said.action}"`).toBe(true);
      }
    }
  });

  it('tells the operator what to do for every code that suspends issuance', () => {
    for (const code of RECOVERABLE_CODES) expect(describe(en, 'errorCodes', code).action, code).toMatch(/\w/);
  });

  it('gives the text and, where there is one, the action, in the language asked for', () => {
    expect(describe(en, 'errorCodes', 'FeederEmpty')).toEqual({ text: 'The input feeder is empty.', action: 'Load cards into the input feeder.' });
    expect(describe(de, 'errorCodes', 'FeederEmpty')).toEqual({ text: 'Die Kartenzufuhr ist leer.', action: 'Karten in die Zufuhr einlegen.' });
    expect(describe(en, 'stopReasons', 'BatchCompleted')).toEqual({ text: 'The batch is complete.' });
    expect(describe(de, 'stopReasons', 'BatchCompleted')).toEqual({ text: 'Der Stapel ist fertig.' });
  });

  it('quotes a value it does not know as sent, the words around it translated', () => {
    expect(describe(en, 'errorCodes', 'LaserOverheat')).toEqual({ text: 'Unknown value "LaserOverheat".' });
    expect(describe(de, 'errorCodes', 'LaserOverheat')).toEqual({ text: 'Unbekannter Wert „LaserOverheat“.' });
    // Object.prototype's names are not the catalog's, nor are keys i18next would read as paths.
    expect(describe(de, 'stopReasons', 'constructor').text).toBe('Unbekannter Wert „constructor“.');
    expect(describe(en, 'stopReasons', 'CardJam.text').text).toBe('Unknown value "CardJam.text".');
  });

  it('is empty for no value', () => {
    expect(describe(en, 'errorCodes', undefined)).toEqual({ text: '' });
  });

  it('says a suspension no message explained, and a job error a source worded itself as it came', () => {
    expect(describeSuspension(de, 'ReasonUnknown').text).toMatch(/^Die Maschine meldet Arbeit/);
    expect(describeSuspension(de, 'OpenInterlock').text).toBe('Eine Sicherheitsverriegelung (Abdeckung oder Tür) ist offen.');
    expect(errorWords(de, { errorCode: 'CardJam' })).toBe('Eine Karte hat sich beim Transport verklemmt.');
    expect(errorWords(de, { errorCode: 'PrintJob.Failed', errorText: 'The card did not print.' })).toBe('The card did not print.');
    expect(errorWords(de, {})).toBe('');
  });
});
