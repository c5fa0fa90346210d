import { describe, expect, it } from 'vitest';
import { AidaMessageSchema, parseAidaMessage, type AidaMessage } from '../../../shared/aida/message';
import {
  CASINGS,
  COMMON_PROPERTIES_CAMEL,
  SEED_MESSAGE_NAMES,
  SEED_SEQUENCE_NAMES,
  seedMessage,
  seedSequence,
  type Body,
  type SeedMessageName,
  type SeedSequenceName,
} from '../../fixtures/aida/seed';

const NS = 'IXLA.Box.Services.Workflow.Messaging.Signals.';

/** What every fixture's common properties must come out as: the same value under the camelCase name, nulls absent. */
function commonOf(camel: Body): Partial<AidaMessage> {
  const keys = COMMON_PROPERTIES_CAMEL;
  return Object.fromEntries(keys.filter((k) => camel[k] !== null).map((k) => [k, camel[k]]));
}

/** The type-specific part of each fixture, written out by hand. */
const SPECIFIC: Partial<Record<SeedMessageName, Partial<AidaMessage>>> = {
  encoderLoaded: {
    encoderId: 'encoder_cl_1',
    encoderIndex: 0,
    callbackUrl: 'http://10.0.0.5:5000/aida/v1/workflow-scheduler/workflows/signal/external-process-completed',
  },
  ocrExecuted: {
    results: [
      { inspectionName: 'MRZ', text: 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', meanConfidence: 0.93 },
      { inspectionName: 'DocumentNumber', text: 'L898902C3', meanConfidence: 0.61 },
    ],
  },
  workflowSchedulerStopping: { stopReason: 'ManualStop' },
  workflowSchedulerStopped: { stopReason: 'BatchCompleted' },
  magneticStripeReadBack: {
    track1Base64: 'JUI0MTExMTExMTExMTExMTExXkVSSUtTU09OL0FOTkFeMjUxMjEwMT8=',
    track2Base64: 'OzQxMTExMTExMTExMTExMTE9MjUxMjEwMT8=',
    track3Base64: 'OzAxMTIzNDU2Nzg5MDEyMzQ0NT03MjQ3MjQxMDAwMDAwMDAwMDAwMzAzMDA/Pw==',
  },
  ocrReadBack: { text: 'L898902C3', meanConfidence: 0.87 },
  chipReadBack: {
    encoderId: 'encoder_cl_2',
    encoderIndex: 1,
    callbackUrl: 'http://10.0.0.5:5000/aida/v1/workflow-scheduler/workflows/signal/external-process-completed',
  },
};

describe('parseAidaMessage on the seed examples', () => {
  it.each(SEED_MESSAGE_NAMES)('reads %s alike in camelCase and PascalCase, every property included', (name) => {
    const camel = seedMessage(name, 'camel');
    const expected = { ...commonOf(camel), ...SPECIFIC[name], notes: [] };
    for (const casing of CASINGS) expect(parseAidaMessage(seedMessage(name, casing))).toEqual(expected);
  });

  it('reads the seed\'s EncoderLoaded example as the console needs it to encode the chip', () => {
    for (const casing of CASINGS) {
      expect(parseAidaMessage(seedMessage('encoderLoaded', casing))).toMatchObject({
        messageType: 'EncoderLoaded',
        workflowInstanceId: '19e37ccafbec489e843996aca2493eb9',
        encoderIndex: 0,
        encoderId: 'encoder_cl_1',
        correlationId: '00001',
        jobId: '40',
      });
    }
  });

  it('keeps the feeder-empty example as the seed labels it: Stopped, FeederEmpty, no stop reason', () => {
    for (const casing of CASINGS) {
      const message = parseAidaMessage(seedMessage('feederEmptyExample', casing));
      // Its Discriminator names the suspended class; a MessageType that is present wins over it.
      expect(message).toMatchObject({ messageType: 'WorkflowSchedulerStopped', errorCode: 'FeederEmpty' });
      expect(message).not.toHaveProperty('stopReason');
    }
  });

  const SEQUENCE_TYPES: Record<SeedSequenceName, string[]> = {
    issuanceStartup: ['WorkflowSchedulerStarted', 'WorkflowStarted', 'WorkflowStarted', 'WorkflowCompleted', 'WorkflowCompleted'],
    chipEncoding: ['WorkflowStarted', 'EncoderLoaded', 'WorkflowCompleted'],
    feederEmptyResume: [
      'WorkflowSchedulerStarted',
      'WorkflowStarted',
      'WorkflowCompleted',
      'WorkflowSchedulerStopped',
      'WorkflowStarted',
      'WorkflowCompleted',
      'WorkflowSchedulerStopped',
    ],
    feederEmptyStopWithFeederEmptyReason: [
      'WorkflowSchedulerStarted',
      'WorkflowStarted',
      'WorkflowCompleted',
      'WorkflowStarted',
      'WorkflowSchedulerStopped',
      'WorkflowSchedulerStopping',
      'WorkflowCompleted',
      'WorkflowSchedulerStopped',
    ],
    feederEmptyStopWithManualStopReason: [
      'WorkflowSchedulerStarted',
      'WorkflowStarted',
      'WorkflowCompleted',
      'WorkflowStarted',
      'WorkflowSchedulerStopped',
      'WorkflowSchedulerStopping',
      'WorkflowCompleted',
      'WorkflowSchedulerStopped',
    ],
    cardJamCancelsOtherJobs: [
      'WorkflowSchedulerStarted',
      'WorkflowStarted',
      'WorkflowStarted',
      'WorkflowFaulted',
      'WorkflowCancelled',
      'WorkflowSchedulerStopped',
    ],
  };

  it.each(SEED_SEQUENCE_NAMES)('reads the %s sequence in order, alike in both casings, with nothing to note', (name) => {
    const camel = seedSequence(name, 'camel').map(parseAidaMessage);
    expect(camel.map((m) => m.messageType)).toEqual(SEQUENCE_TYPES[name]);
    expect(camel.flatMap((m) => m.notes)).toEqual([]);
    expect(seedSequence(name, 'pascal').map(parseAidaMessage)).toEqual(camel);
  });

  it('reads the card jam\'s cancelled job with the job that caused it', () => {
    const cancelled = seedSequence('cardJamCancelsOtherJobs', 'pascal').map(parseAidaMessage)[4];
    expect(cancelled).toMatchObject({ messageType: 'WorkflowCancelled', jobId: '402', errorCode: 'CardJam', sourceJobInstanceId: '401' });
  });

  it('reads both graceful stops after a feeder-empty as stops with their reason', () => {
    const last = (name: SeedSequenceName) => parseAidaMessage(seedSequence(name, 'camel').at(-1));
    expect(last('feederEmptyStopWithFeederEmptyReason')).toMatchObject({ stopReason: 'FeederEmpty', errorCode: 'FeederEmpty' });
    expect(last('feederEmptyStopWithManualStopReason')).toMatchObject({ stopReason: 'ManualStop' });
  });
});

describe('parseAidaMessage: keys', () => {
  it('reads keys in any case', () => {
    const message = parseAidaMessage({
      mEsSaGeTyPe: 'EncoderLoaded',
      WORKFLOWINSTANCEID: 'wf-1',
      encoderINDEX: 2,
      Jobid: '7',
      machineserial: 'SN-9',
    });
    expect(message).toEqual({
      messageType: 'EncoderLoaded',
      workflowInstanceId: 'wf-1',
      encoderIndex: 2,
      jobId: '7',
      machineSerial: 'SN-9',
      notes: [],
    });
  });

  it('reads the seed\'s encoderName as the encoder\'s id, and prefers encoderId when both come', () => {
    expect(parseAidaMessage({ messageType: 'EncoderLoaded', encoderName: 'encoder_cl_1' }).encoderId).toBe('encoder_cl_1');
    expect(parseAidaMessage({ messageType: 'EncoderLoaded', EncoderName: 'old', EncoderId: 'new' }).encoderId).toBe('new');
    expect(parseAidaMessage({ messageType: 'EncoderLoaded', EncoderId: ' ', EncoderName: 'encoder_cl_2' }).encoderId).toBe('encoder_cl_2');
  });

  it('trims identifiers and treats blank or null ones as absent', () => {
    const message = parseAidaMessage({ MessageType: 'WorkflowStarted', JobId: ' 40 ', BatchId: '  ', CorrelationId: null });
    expect(message).toEqual({ messageType: 'WorkflowStarted', jobId: '40', notes: [] });
  });

  it('keeps a numeric identifier as text', () => {
    expect(parseAidaMessage({ MessageType: 'WorkflowStarted', JobId: 40 }).jobId).toBe('40');
  });
});

describe('parseAidaMessage: enumerations', () => {
  it.each(['WorkflowSchedulerSuspended', 'workflowschedulersuspended', 'WORKFLOWSCHEDULERSUSPENDED', ' workflowSchedulerSuspended '])(
    'reads the message type %j by name in any case',
    (raw) => {
      expect(parseAidaMessage({ MessageType: raw })).toEqual({ messageType: 'WorkflowSchedulerSuspended', notes: [] });
    },
  );

  it('reads statuses, error codes and stop reasons by name in any case, also with the seed\'s CARD_JAM spelling', () => {
    const message = parseAidaMessage({ MessageType: 'workflowfaulted', JobStatus: 'FAULTED', ErrorCode: 'CARD_JAM', StopReason: 'batchcompleted' });
    expect(message).toMatchObject({ jobStatus: 'Faulted', errorCode: 'CardJam', stopReason: 'BatchCompleted', notes: [] });
  });

  it('reads numbers as declaration-order indexes and notes each guess', () => {
    const message = parseAidaMessage({ MessageType: 3, JobStatus: '7', ErrorCode: 18, StopReason: 1 });
    expect(message).toMatchObject({
      messageType: 'WorkflowStarted',
      jobStatus: 'Suspended',
      errorCode: 'FeederEmpty',
      stopReason: 'FeederEmpty',
    });
    expect(message.notes).toEqual([
      'MessageType arrived as the number 3; read as WorkflowStarted by declaration order',
      'JobStatus arrived as the number 7; read as Suspended by declaration order',
      'ErrorCode arrived as the number 18; read as FeederEmpty by declaration order',
      'StopReason arrived as the number 1; read as FeederEmpty by declaration order',
    ]);
  });

  it('keeps a number that is no known index as it came, and says so', () => {
    const message = parseAidaMessage({ MessageType: 'WorkflowFaulted', ErrorCode: 99, JobStatus: 2.5 });
    expect(message).toMatchObject({ errorCode: '99', jobStatus: '2.5' });
    expect(message.notes).toEqual([
      'JobStatus arrived as the number 2.5, which is no known value; kept as it came',
      'ErrorCode arrived as the number 99, which is no known value; kept as it came',
    ]);
  });

  it('keeps unknown message types, statuses, error codes and stop reasons verbatim', () => {
    const message = parseAidaMessage({
      MessageType: 'LaserCalibrated',
      JobStatus: 'Paused',
      ErrorCode: 'LaserOverheat',
      StopReason: 'PowerSaving',
    });
    expect(message).toEqual({
      messageType: 'LaserCalibrated',
      jobStatus: 'Paused',
      errorCode: 'LaserOverheat',
      stopReason: 'PowerSaving',
      notes: [],
    });
  });
});

describe('parseAidaMessage: which message it is', () => {
  it.each([
    [`${NS}EncoderLoadedMessage`, 'EncoderLoaded'],
    [`${NS}WorkflowSchedulerProcessSuspendedMessage`, 'WorkflowSchedulerSuspended'],
    [`${NS}WebhookReceiverHealthCheckMessage`, 'HealthCheck'],
    [`${NS}WorkflowSchedulerStoppingMessage`, 'WorkflowSchedulerStopping'],
    ['Outer+OcrExecutedMessage', 'OcrExecuted'],
    [`${NS}ChipReadBackMessage, IXLA.Box.Services, Version=1.0.721.0, Culture=neutral, PublicKeyToken=null`, 'ChipReadBack'],
  ])('takes the type from Discriminator %j when MessageType is missing', (discriminator, type) => {
    const message = parseAidaMessage({ Discriminator: discriminator, JobId: '1' });
    expect(message.messageType).toBe(type);
    expect(message.notes).toEqual(['No MessageType; taken from Discriminator']);
  });

  it('asks Discriminator when MessageType holds the default Unknown, which a receiver should never get', () => {
    const message = parseAidaMessage({ MessageType: 'Unknown', Discriminator: `${NS}WorkflowCompletedMessage` });
    expect(message.messageType).toBe('WorkflowCompleted');
    expect(message.notes).toEqual(['MessageType is Unknown; taken from Discriminator']);
  });

  it('reads the seed\'s other spelling, Type, when MessageType is missing or Unknown', () => {
    expect(parseAidaMessage({ Type: 'EncoderLoaded' })).toMatchObject({ messageType: 'EncoderLoaded', notes: ['No MessageType; taken from Type'] });
    expect(parseAidaMessage({ MessageType: 0, Type: 'OcrExecuted' })).toMatchObject({
      messageType: 'OcrExecuted',
      notes: ['MessageType arrived as the number 0; read as Unknown by declaration order', 'MessageType is Unknown; taken from Type'],
    });
  });

  it('keeps a MessageType that is present over a Discriminator that disagrees', () => {
    const message = parseAidaMessage({ MessageType: 'WorkflowStarted', Discriminator: `${NS}WorkflowFaultedMessage` });
    expect(message.messageType).toBe('WorkflowStarted');
  });

  it.each(['constructor', '__proto__', 'toString', 'Foo.3', 'IXLA.Signals.UnknownMessage', 'IXLA.Signals.PrintJobMessage'])(
    'says Unknown for a Discriminator naming no message class (%j)',
    (discriminator) => {
      const message = parseAidaMessage({ Discriminator: discriminator });
      expect(message).toEqual({ messageType: 'Unknown', discriminator, notes: ['No MessageType'] });
    },
  );

  it('says Unknown, with a note, when nothing names the type', () => {
    expect(parseAidaMessage({ JobId: '1' })).toEqual({ messageType: 'Unknown', jobId: '1', notes: ['No MessageType'] });
  });

  it.each([null, [], 'WorkflowStarted', 42, true])('reads a body that is JSON but not an object (%j) as Unknown', (body) => {
    expect(parseAidaMessage(body)).toEqual({ messageType: 'Unknown', notes: ['The body is JSON but not an object'] });
  });
});

describe('parseAidaMessage: values', () => {
  it('reads OCR results with their MeanConfidence in either casing, nested or flat, numbers as strings included', () => {
    const message = parseAidaMessage({
      MessageType: 'OcrExecuted',
      Results: [
        { InspectionName: 'MRZ', OcrResult: { Text: 'P<UTO', MeanConfidence: 0.91 } },
        { inspectionName: 'Name', ocrResult: { text: ' ANNA ', meanConfidence: '0.42' } },
        { InspectionName: 'Flat', Text: 'X1', MeanConfidence: 1 },
      ],
    });
    expect(message.results).toEqual([
      { inspectionName: 'MRZ', text: 'P<UTO', meanConfidence: 0.91 },
      { inspectionName: 'Name', text: ' ANNA ', meanConfidence: 0.42 },
      { inspectionName: 'Flat', text: 'X1', meanConfidence: 1 },
    ]);
    expect(message.notes).toEqual([]);
  });

  it('keeps an OcrReadBack text exactly as sent, as OcrExecuted does: spaces, and an empty or all-space read', () => {
    for (const text of ['  P<UTO  ', '', '   ']) {
      expect(parseAidaMessage({ MessageType: 'OcrReadBack', Text: text, MeanConfidence: 0.5 }).text).toBe(text);
    }
  });

  it('notes OCR results it cannot read and keeps the others in place', () => {
    const message = parseAidaMessage({
      MessageType: 'OcrExecuted',
      Results: ['MRZ', { InspectionName: 'Name', OcrResult: { Text: 'ANNA', MeanConfidence: 'high' } }],
    });
    expect(message.results).toEqual([{}, { inspectionName: 'Name', text: 'ANNA' }]);
    expect(message.notes).toEqual(['Results[0] is not an object', 'Results[1].MeanConfidence is not a number: "high"']);
    expect(parseAidaMessage({ MessageType: 'OcrExecuted', Results: { MRZ: 'x' } }).notes).toEqual(['Results is not a list']);
  });

  it.each([
    ['true', true],
    ['False', false],
    [' TRUE ', true],
    [1, true],
    [0, false],
  ])('reads the boolean %j as %j', (raw, value) => {
    const message = parseAidaMessage({ MessageType: 'WorkflowCompleted', DocumentProduced: raw, DestructiveOperationExecuted: raw });
    expect(message).toMatchObject({ documentProduced: value, destructiveOperationExecuted: value, notes: [] });
  });

  it('leaves a flag it cannot read unset and notes it, rather than guess whether a card exists', () => {
    const message = parseAidaMessage({ MessageType: 'WorkflowFaulted', DocumentProduced: 'yes' });
    expect(message).not.toHaveProperty('documentProduced');
    expect(message.notes).toEqual(['DocumentProduced is not true or false: "yes"']);
  });

  it('reads an encoder index sent as text, and notes one that is no number', () => {
    expect(parseAidaMessage({ MessageType: 'EncoderLoaded', EncoderIndex: '1' })).toMatchObject({ encoderIndex: 1, notes: [] });
    const message = parseAidaMessage({ MessageType: 'EncoderLoaded', EncoderIndex: 'left' });
    expect(message).not.toHaveProperty('encoderIndex');
    expect(message.notes).toEqual(['EncoderIndex is not a number: "left"']);
  });

  it('keeps AdditionalMetadata as sent, and notes one that is not an object', () => {
    const metadata = { Operator: 'm.rossi', copies: 2, nested: { a: [1, null] } };
    expect(parseAidaMessage({ MessageType: 'WorkflowStarted', AdditionalMetadata: metadata }).additionalMetadata).toEqual(metadata);
    const message = parseAidaMessage({ MessageType: 'WorkflowStarted', AdditionalMetadata: 'PO-1' });
    expect(message).not.toHaveProperty('additionalMetadata');
    expect(message.notes).toEqual(['AdditionalMetadata is not an object']);
  });

  it('shortens a huge unreadable value in its note', () => {
    const message = parseAidaMessage({ MessageType: 'EncoderLoaded', EncoderIndex: 'x'.repeat(10_000) });
    expect(message.notes[0]?.length).toBeLessThan(100);
  });
});

describe('parseAidaMessage never throws', () => {
  const odd: unknown[] = [
    undefined,
    {},
    { MessageType: {} },
    { MessageType: [] },
    { MessageType: null, Type: null, Discriminator: null },
    { MessageType: true },
    { MessageType: -1 },
    { MessageType: 1e300 },
    { Discriminator: {} },
    { Discriminator: '' },
    { Discriminator: '...' },
    { Results: [null, [], 1, { OcrResult: null }, { OcrResult: [] }] },
    { EncoderIndex: {}, MeanConfidence: [], DocumentProduced: {}, JobId: { nested: true } },
    JSON.parse('{"__proto__": {"MessageType": "WorkflowStarted"}, "constructor": 1}'),
  ];

  it.each(odd.map((body) => [JSON.stringify(body), body]))('returns a valid message for %s', (_label, body) => {
    let message: AidaMessage | undefined;
    expect(() => (message = parseAidaMessage(body))).not.toThrow();
    expect(AidaMessageSchema.strict().safeParse(message).success).toBe(true);
  });
});

describe('numbers that JSON cannot keep apart', () => {
  it('reads a negative zero as zero, so the stored message reads back the same', () => {
    const message = parseAidaMessage({ MessageType: 'OcrReadBack', MeanConfidence: '-0', EncoderIndex: -0 });
    expect(Object.is(message.meanConfidence, 0)).toBe(true);
    expect(Object.is(message.encoderIndex, 0)).toBe(true);
  });
});
