import { describe as group, expect, it } from 'vitest';
import {
  ERROR_CODES,
  JOB_STATUSES,
  MESSAGE_TYPES,
  SCHEDULER_ERROR_CODES,
  SCHEDULER_STATUSES,
  STOP_REASONS,
  SYSTEM_ERROR_CODES,
  canonical,
  type Term,
} from '../../../shared/aida/vocabulary';
import { OPENAPI_ENUMS } from '../../fixtures/aida/seed';
import { loadSpec, type SpecName } from '../../helpers/openapi';

const LISTS: [string, readonly Term[]][] = [
  ['MessageType', MESSAGE_TYPES],
  ['JobStatus', JOB_STATUSES],
  ['JobErrorCodes', ERROR_CODES],
  ['WorkflowSchedulerStopReason', STOP_REASONS],
  ['WorkflowSchedulerStatus', SCHEDULER_STATUSES],
  ['WorkflowSchedulerErrorCodes', SCHEDULER_ERROR_CODES],
  ['SystemErrorCodes', SYSTEM_ERROR_CODES],
];

/** An enum's names, in declaration order, as a spec declares it; undefined where the spec has no such enum. */
function vendorEnum(spec: SpecName, name: string): string[] | undefined {
  return (loadSpec(spec).doc.components.schemas[name] as { enum?: string[] } | undefined)?.enum;
}

group('the AIDA vocabulary', () => {
  it.each(LISTS)('lists %s exactly as AIDA 1.6 (full and mini) declares it, in order', (name, terms) => {
    // Order is the numeric index a machine might send, so it must be the vendor's.
    expect(terms.map((t) => t.name)).toEqual(vendorEnum('aida-1.6.3.25', name));
    expect(terms.map((t) => t.name)).toEqual(vendorEnum('aida-mini-1.6.3.26', name));
  });

  it.each(LISTS)('keeps %s of 1.0.721 as its first values: 1.6 only appended', (name, terms) => {
    const old = vendorEnum('aida-1.0.721', name);
    // SystemErrorCodes is not in the 1.0.721 excerpt.
    if (old === undefined) return expect(name).toBe('SystemErrorCodes');
    expect(terms.slice(0, old.length).map((t) => t.name)).toEqual(old);
    const legacy = (OPENAPI_ENUMS as Record<string, readonly string[] | undefined>)[name];
    if (legacy) expect(old).toEqual(legacy);
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
    expect(canonical(ERROR_CODES, ERROR_CODES.length)).toBe(String(ERROR_CODES.length));
    expect(canonical(ERROR_CODES, -1)).toBe('-1');
    expect(canonical(ERROR_CODES, 2.5)).toBe('2.5');
    expect(canonical(ERROR_CODES, true)).toBe('true');
    expect(canonical(ERROR_CODES, { code: 3 })).toBe('{"code":3}');
  });

  it('returns undefined for no value', () => {
    for (const raw of [undefined, null, '', '   ']) expect(canonical(ERROR_CODES, raw)).toBeUndefined();
  });
});
