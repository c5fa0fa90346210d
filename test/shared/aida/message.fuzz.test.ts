import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AidaMessageSchema, parseAidaMessage } from '../../../shared/aida/message';
import { ERROR_CODES, MESSAGE_TYPES, canonical } from '../../../shared/aida/vocabulary';

const NS = 'IXLA.Box.Services.Workflow.Messaging.Signals.';

/** Every property name a webhook may carry, the seed's variants included. */
const KEYS = [
  'MachineName', 'MachineSerial', 'HostName', 'JobId', 'BatchId', 'CorrelationId', 'MessageId', 'WorkflowInstanceId',
  'WorkflowInstanceName', 'MessageType', 'Type', 'JobStatus', 'ErrorCode', 'StopReason', 'AdditionalMetadata',
  'DocumentProduced', 'DestructiveOperationExecuted', 'SourceJobInstanceId', 'Discriminator', 'EncoderId', 'EncoderName',
  'EncoderIndex', 'CallbackUrl', 'Results', 'InspectionName', 'OcrResult', 'Text', 'MeanConfidence', 'Track1Base64',
  'Track2Base64', 'Track3Base64',
];

/** Names a lookup table may hold: the vocabulary's, and Object.prototype's, which a plain object literal also "has". */
const word = fc.oneof(
  fc.constantFrom(...MESSAGE_TYPES, ...ERROR_CODES).map((t) => t.name),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'),
);

/** CLR type names as Discriminator carries them: namespaced, nested or assembly-qualified. */
const className = fc
  .tuple(fc.constantFrom(NS, '', 'Outer+', 'x.'), fc.mixedCase(word), fc.constantFrom('Message', '', 'Message, Asm, Version=1'))
  .map((parts) => parts.join(''));

/** Values a parser can trip on: names in any case, indexes, flag spellings, class names. */
const trickyString = fc.oneof(
  fc.mixedCase(word),
  fc.nat({ max: 40 }).map(String),
  fc.constantFrom('true', 'FALSE', ' 1 ', '', '  ', 'NaN', 'Infinity', '-0', '1e999', '0x10'),
  className,
  fc.string(),
);

const leaf = fc.oneof(
  { arbitrary: trickyString, weight: 4 },
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

/** The message as the event log stores and replays it: it must survive JSON unchanged. */
const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/**
 * An object shaped like a webhook: AIDA's keys in random case holding values of random types, nested like Results.
 * Passed through JSON, as a body arrives.
 */
const aidaLike = fc
  .letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), fc.array(tie('value'), { maxLength: 4 })),
    object: fc.dictionary(fc.oneof({ arbitrary: fc.mixedCase(fc.constantFrom(...KEYS)), weight: 5 }, fc.string()), tie('value'), {
      maxKeys: 8,
    }),
  }))
  .object.map(roundTrip);

function expectValid(body: unknown): void {
  const message = parseAidaMessage(body);
  expect(AidaMessageSchema.strict().safeParse(message).error).toBeUndefined();
  expect(message.messageType).not.toBe('');
  expect(roundTrip(message)).toEqual(message);
}

describe('parseAidaMessage under arbitrary input', () => {
  it('returns a valid message, unchanged by JSON, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), expectValid), { numRuns: 300 });
  });

  it('returns a valid message for any webhook-shaped object, whatever its key case and value types', () => {
    fc.assert(fc.property(aidaLike, expectValid), { numRuns: 400 });
  });

  it('returns a valid message whatever class name Discriminator holds', () => {
    fc.assert(fc.property(className, (discriminator) => expectValid({ Discriminator: discriminator })), { numRuns: 300 });
  });

  it('reads every known message type and error code by name in any case', () => {
    const typeNames = fc.mixedCase(fc.constantFrom(...MESSAGE_TYPES.slice(1).map((t) => t.name)));
    const codeNames = fc.mixedCase(fc.constantFrom(...ERROR_CODES.map((t) => t.name)));
    fc.assert(
      fc.property(typeNames, codeNames, (type, code) => {
        const message = parseAidaMessage({ messageType: type, errorCode: code });
        expect(message.messageType.toLowerCase()).toBe(type.toLowerCase());
        expect(message.errorCode?.toLowerCase()).toBe(code.toLowerCase());
        expect(MESSAGE_TYPES.some((t) => t.name === message.messageType)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a message type it does not know verbatim', () => {
    const unknownName = fc
      .string({ minLength: 1 })
      .map((s) => s.trim())
      .filter((s) => s !== '' && !/^\d+$/.test(s) && !MESSAGE_TYPES.some((t) => t.name === canonical(MESSAGE_TYPES, s)));
    fc.assert(
      fc.property(unknownName, (name) => {
        expect(parseAidaMessage({ MessageType: name }).messageType).toBe(name);
      }),
      { numRuns: 200 },
    );
  });
});
