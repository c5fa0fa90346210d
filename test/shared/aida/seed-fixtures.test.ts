import { describe, expect, it } from 'vitest';
import {
  COMMON_PROPERTIES,
  recase,
  SEED_MESSAGE_NAMES,
  SEED_SEQUENCE_NAMES,
  SEED_SIGNAL_NAMES,
  seedMessage,
  seedSequence,
  seedSignal,
  type Body,
  type Casing,
} from '../../fixtures/aida/seed';

/** Property names at every level, except inside AdditionalMetadata, whose keys are the operator's own data. */
function propertyNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(propertyNames);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [k, ...(k.toLowerCase() === 'additionalmetadata' ? [] : propertyNames(v))]);
}

const allMessages = (casing: Casing): Body[] => [
  ...SEED_MESSAGE_NAMES.map((n) => seedMessage(n, casing)),
  ...SEED_SEQUENCE_NAMES.flatMap((n) => seedSequence(n, casing)),
];

// The fixtures are the specification's examples: these checks keep them what they claim to be.
describe('the seed fixtures', () => {
  it.each([
    ['camel', /^[a-z]/],
    ['pascal', /^[A-Z]/],
  ] as const)('write every property in %sCase', (casing, pattern) => {
    const bodies = [...allMessages(casing), ...SEED_SIGNAL_NAMES.map((n) => seedSignal(n, casing))];
    expect(propertyNames(bodies).filter((k) => !pattern.test(k))).toEqual([]);
  });

  it('hold the same values in both casings', () => {
    const lower = (value: unknown): unknown =>
      JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
        typeof v === 'object' && v !== null && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.toLowerCase(), x]))
          : v,
      );
    // AdditionalMetadata keys are lowered too here, which is harmless: they are equal in both files.
    expect(lower(allMessages('pascal'))).toEqual(lower(allMessages('camel')));
  });

  it.each(['camel', 'pascal'] as const)('give every %s message every common property and a unique MessageId', (casing) => {
    const messages = allMessages(casing);
    for (const message of messages) {
      expect(Object.keys(message)).toEqual(expect.arrayContaining(COMMON_PROPERTIES.map((p) => recase(p, casing))));
    }
    const ids = messages.map((m) => m[recase('MessageId', casing)]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
