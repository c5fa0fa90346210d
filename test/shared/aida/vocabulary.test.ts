import { describe as group, expect, it } from 'vitest';
import {
  ERROR_CODES,
  JOB_STATUSES,
  MESSAGE_TYPES,
  RECOVERABLE_CODES,
  SCHEDULER_STATUSES,
  STOP_REASONS,
  canonical,
  describe,
  type Term,
} from '../../../shared/aida/vocabulary';
import { OPENAPI_ENUMS } from '../../fixtures/aida/seed';

const LISTS: [string, readonly Term[], readonly string[]][] = [
  ['MessageType', MESSAGE_TYPES, OPENAPI_ENUMS.MessageType],
  ['JobStatus', JOB_STATUSES, OPENAPI_ENUMS.JobStatus],
  ['JobErrorCodes', ERROR_CODES, OPENAPI_ENUMS.JobErrorCodes],
  ['WorkflowSchedulerStopReason', STOP_REASONS, OPENAPI_ENUMS.WorkflowSchedulerStopReason],
  ['WorkflowSchedulerStatus', SCHEDULER_STATUSES, OPENAPI_ENUMS.WorkflowSchedulerStatus],
];

/** A sentence an operator can read: capitalised, ended, and saying more than the value's own name. */
function isSentence(text: string, name: string): boolean {
  const bare = (s: string) => s.replace(/[\s.]/g, '').toLowerCase();
  return /^[A-Z].*[.]$/.test(text) && bare(text) !== bare(name);
}

group('the AIDA vocabulary', () => {
  it.each(LISTS)('lists %s exactly as the vendor\'s OpenAPI declares it, in order', (_name, terms, vendor) => {
    // Order is the numeric index a machine might send, so it must be the vendor's.
    expect(terms.map((t) => t.name)).toEqual(vendor);
  });

  it.each(LISTS)('gives every %s value a sentence, and every action is one too', (_name, terms) => {
    for (const term of terms) {
      expect(isSentence(term.text, term.name), `${term.name}: "${term.text}"`).toBe(true);
      if (term.action !== undefined) expect(isSentence(term.action, term.name), `${term.name}: "${term.action}"`).toBe(true);
    }
  });

  it('tells the operator what to do for every code that suspends issuance', () => {
    for (const code of RECOVERABLE_CODES) {
      expect(describe(ERROR_CODES, code).action, code).toMatch(/\w/);
    }
  });
});

group('canonical', () => {
  it('returns the vendor\'s spelling of a name in any case, trimmed, with or without separators', () => {
    expect(canonical(ERROR_CODES, 'feederempty')).toBe('FeederEmpty');
    expect(canonical(ERROR_CODES, ' OPENINTERLOCK ')).toBe('OpenInterlock');
    expect(canonical(ERROR_CODES, 'CARD_JAM')).toBe('CardJam');
    expect(canonical(STOP_REASONS, 'batch-completed')).toBe('BatchCompleted');
  });

  it('reads integers, and strings of digits, as declaration-order indexes', () => {
    expect(canonical(MESSAGE_TYPES, 1)).toBe('EncoderLoaded');
    expect(canonical(MESSAGE_TYPES, '16')).toBe('WorkflowSchedulerStopping');
    expect(canonical(JOB_STATUSES, 0)).toBe('None');
    expect(canonical(ERROR_CODES, ' 3 ')).toBe('CardJam');
  });

  it('returns anything it does not know verbatim, as text', () => {
    expect(canonical(ERROR_CODES, ' LaserOverheat ')).toBe('LaserOverheat');
    expect(canonical(ERROR_CODES, 25)).toBe('25');
    expect(canonical(ERROR_CODES, -1)).toBe('-1');
    expect(canonical(ERROR_CODES, 2.5)).toBe('2.5');
    expect(canonical(ERROR_CODES, true)).toBe('true');
    expect(canonical(ERROR_CODES, { code: 3 })).toBe('{"code":3}');
  });

  it('returns undefined for no value', () => {
    for (const raw of [undefined, null, '', '   ']) expect(canonical(ERROR_CODES, raw)).toBeUndefined();
  });
});

group('describe', () => {
  it('gives the text and, where there is one, the action', () => {
    expect(describe(ERROR_CODES, 'FeederEmpty')).toEqual({
      text: 'The input feeder is empty.',
      action: 'Load cards into the input feeder.',
    });
    expect(describe(STOP_REASONS, 'BatchCompleted')).toEqual({ text: 'The batch is complete.' });
  });

  it('quotes a value it does not know, so the operator still sees it', () => {
    expect(describe(ERROR_CODES, 'LaserOverheat')).toEqual({ text: 'Unknown value "LaserOverheat".' });
  });

  it('is empty for no value', () => {
    expect(describe(ERROR_CODES, undefined)).toEqual({ text: '' });
  });
});
