import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMessage } from '../../fixtures/aida/seed';
import { split } from '../../helpers/body-pieces';
import { startIngest, type Answer, type DeliveryRow, type IngestHarness } from './harness';

type Expect = 'accepted' | 'refused' | 'either';

interface Sample {
  bytes: Uint8Array;
  expect: Expect;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Any JSON, sometimes padded with whitespace or led by a UTF-8 byte-order mark, as some senders write it. */
const jsonBody: fc.Arbitrary<Sample> = fc
  .tuple(fc.jsonValue(), fc.constantFrom('', '\uFEFF', ' \n', '\r\n\t'))
  .map(([value, lead]) => ({ bytes: utf8(`${lead}${JSON.stringify(value)}\n`), expect: 'accepted' }));

/** Bodies no JSON parser can read: a cut-off object, or text that cannot start a JSON value, or nothing at all. */
const notJsonBody: fc.Arbitrary<Sample> = fc
  .oneof(
    fc.object().map((o) => JSON.stringify(o).slice(0, -1)),
    fc.tuple(fc.constantFrom('<', '#', ',', '}', ']', ':', 'x', "'", 'MessageType=', '\u0000'), fc.string()).map(([a, b]) => a + b),
    fc.constantFrom('', ' ', '\r\n'),
  )
  .map((text) => ({ bytes: utf8(text), expect: 'refused' }));

/** Bytes of any kind, large enough at times to arrive in many TCP reads. */
const anyBody: fc.Arbitrary<Sample> = fc
  .oneof(
    { arbitrary: fc.uint8Array({ maxLength: 3000 }), weight: 4 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 500 }).map(utf8), weight: 4 },
    {
      arbitrary: fc.tuple(fc.integer({ min: 64 * 1024, max: 300 * 1024 }), fc.integer()).map(([size, seed]) => {
        const bytes = new Uint8Array(size);
        let x = seed | 1;
        for (let i = 0; i < size; i++) bytes[i] = (x = (Math.imul(x, 1103515245) + 12345) | 0) >>> 24;
        return bytes;
      }),
      weight: 1,
    },
  )
  .map((bytes) => ({ bytes, expect: 'either' }));

const body = fc.oneof(jsonBody, notJsonBody, anyBody);

const contentType = fc.option(
  fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded'),
  { nil: undefined },
);

const delivery = fc.record({
  sample: body,
  contentType,
  cuts: fc.array(fc.nat(), { maxLength: 3 }),
  chunked: fc.boolean(),
});

/** What the sender was told agrees with what was stored, and the stored body is byte for byte what was sent. */
function expectKept(sample: Sample, answer: Answer, row: DeliveryRow | undefined): void {
  expect(row).toBeDefined();
  if (!row) return;
  expect(Buffer.compare(row.body, Buffer.from(sample.bytes))).toBe(0);
  expect(row.body_length).toBe(sample.bytes.length);
  expect(row.http_status).toBe(answer.status);
  if (answer.status === 400) {
    expect(row.outcome).toBe('rejected');
    expect(row.reason).toBeTruthy();
    expect(answer.json).toEqual({ error: expect.any(String) });
    const error = (answer.json as { error: string }).error;
    expect(row.reason).toBe(error);
  } else {
    expect(answer.status).toBe(200);
    expect(['accepted', 'duplicate']).toContain(row.outcome);
    expect(answer.json).toMatchObject({ received: true, deliveryId: row.id });
  }
  if (sample.expect === 'accepted') expect(answer.status).toBe(200);
  if (sample.expect === 'refused') expect(answer.status).toBe(400);
}

describe('the webhook listener and ingest queue under arbitrary bodies', () => {
  let harness: IngestHarness;

  beforeAll(async () => {
    harness = await startIngest();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('stores every body exactly as sent, answers 400 to what is not JSON and 200 to what is', async () => {
    await fc.assert(
      fc.asyncProperty(delivery, async ({ sample, contentType, cuts, chunked }) => {
        const before = harness.lastDeliveryId();
        const answer = await harness.post(split(sample.bytes, cuts), { chunked, ...(contentType ? { contentType } : {}) });
        const rows = harness.deliveriesAfter(before);
        expect(rows).toHaveLength(1);
        expectKept(sample, answer, rows[0]);
      }),
      { numRuns: 80 },
    );
  });

  it('loses nothing when deliveries arrive together and share one commit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(delivery, { minLength: 2, maxLength: 25 }), async (deliveries) => {
        const before = harness.lastDeliveryId();
        const answers = await Promise.all(
          deliveries.map(({ sample, contentType, cuts, chunked }) =>
            harness.post(split(sample.bytes, cuts), { chunked, ...(contentType ? { contentType } : {}) }),
          ),
        );
        const rows = harness.deliveriesAfter(before);
        const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
        expect(rows.map((r) => hex(r.body)).sort()).toEqual(deliveries.map((d) => hex(d.sample.bytes)).sort());
        deliveries.forEach((d, i) => {
          const answer = answers[i] as Answer;
          const id = (answer.json as { deliveryId?: number }).deliveryId;
          // A refusal carries no id; its row is matched by its bytes in the check above.
          if (id !== undefined) expectKept(d.sample, answer, rows.find((r) => r.id === id));
          else expect(answer.status).toBe(400);
        });
      }),
      { numRuns: 12 },
    );
  });

  it('keeps serving afterwards', async () => {
    expect((await harness.get('/health')).status).toBe(200);
    const answer = await harness.post([utf8(JSON.stringify(seedMessage('workflowStarted', 'camel')))]);
    expect(answer).toMatchObject({ status: 200, json: { received: true } });
  });
});

describe('a refusal quoting half a character', () => {
  it('stores the same well-formed reason it answers', async () => {
    const harness = await startIngest();
    try {
      const before = harness.lastDeliveryId();
      const answer = await harness.post([Buffer.from('\u{10000}')], { contentType: 'application/json' });
      expect(answer.status).toBe(400);
      const [row] = harness.deliveriesAfter(before);
      expect(row?.reason).toBe((answer.json as { error: string }).error);
    } finally {
      await harness.close();
    }
  });
});
