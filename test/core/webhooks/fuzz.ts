import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { MAX_JSON_DEPTH } from '../../../shared/json-depth';
import { MAX_BODY_BYTES } from '../../../electron/core/webhooks/body';
import { IDV_WEBHOOK_PATH } from '../../../electron/core/webhooks/idv-route';
import { AIDA_WEBHOOK_PATH } from '../../../electron/core/webhooks/listener';
import { RAPIDADMIN_WEBHOOK_PATH } from '../../../electron/core/webhooks/rapidadmin-route';
import { MACHINE, workflowStarted } from '../../fixtures/aida';
import { EVENT_TABLE, EXAMPLE_HEADERS } from '../../fixtures/rapidadmin';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { split } from '../../helpers/body-pieces';

/**
 * The webhook fuzz (`npm run fuzz`, and a short run in `npm test`): random and adversarial bodies, headers and
 * signatures, posted concurrently over real HTTP to every webhook route of a running console, for a bounded time.
 * Each round checks that every answer is one the README documents for that delivery (never a 5xx for a bad input),
 * that every delivery answered is recorded with the status it was answered (or counted as pruned), that a sender
 * hanging up mid-body leaves nothing recorded, and that the valid delivery sent among them is acknowledged and logged.
 */

const SECRET = 'fuzz-rapidadmin-signing-secret';
const IDV_KEY = 'fuzz-idv-key-0123456789';
const TOKEN = 'fuzz-listener-token-0123456789';
const FUZZ_ID = 'x-fuzz-id';

type Route = 'aida' | 'rapidadmin' | 'idv';
const PATHS: Record<Route, string> = { aida: AIDA_WEBHOOK_PATH, rapidadmin: RAPIDADMIN_WEBHOOK_PATH, idv: IDV_WEBHOOK_PATH };

/** What a body is, as far as the routes can tell: JSON any route reads, JSON nested too deep, or anything. */
type BodyKind = 'json' | 'too-deep' | 'not-json' | 'unknown';

interface Body {
  name: string;
  bytes: Uint8Array;
  kind: BodyKind;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const json = (name: string, value: unknown, lead = ''): Body => ({ name, bytes: utf8(lead + JSON.stringify(value)), kind: 'json' });

/** Objects and arrays nested `depth` deep, mixed, with something at the bottom. */
const nested = fc.tuple(fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 0 })).map(([shape, leaf]) => (depth: number) => {
  let open = '';
  let close = '';
  for (let i = 0; i < depth; i += 1) {
    const object = shape[i % shape.length] as boolean;
    open += object ? '{"k":' : '[';
    close = (object ? '}' : ']') + close;
  }
  return `${open}${JSON.stringify(leaf)}${close}`;
});

const messageId = fc.oneof(fc.constantFrom('fz-1', 'fz-2', 'fz-3'), fc.uuid());
const anyField = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }));

/** AIDA messages with their fields shuffled about: known types and not, ids reused (repeats, conflicts), odd values. */
const aidaMessage = fc
  .record({
    MessageType: fc.oneof(fc.constantFrom('WorkflowStarted', 'WorkflowCompleted', 'WorkflowSchedulerSuspended', 'OcrInspection'), fc.string()),
    MessageId: messageId,
    JobId: anyField,
    BatchId: anyField,
    JobStatus: anyField,
    ErrorCode: anyField,
    Extra: fc.jsonValue({ maxDepth: 4 }),
  }, { requiredKeys: ['MessageType'] })
  .map((fields) => json('aida message', { ...MACHINE, ...fields }));

const rapidadminMessage = fc
  .record({ Id: anyField, PersonId: anyField, CardTemplateId: anyField, IdNumber: anyField, FirstName: anyField, FieldValues: fc.jsonValue({ maxDepth: 3 }) })
  .map((fields) => json('rapidadmin message', fields));

const idvMessage = fc
  .record({
    processId: fc.oneof(fc.uuid(), fc.constantFrom('p-1', 'p-2'), anyField),
    state: fc.oneof(fc.constantFrom('PROCESS_STATE_FINISHED', 'PROCESS_STATE_CREATED'), fc.string()),
    result: fc.oneof(fc.constantFrom('ok', 'expired', 'invalid_identity'), fc.string()),
    lastEvent: anyField,
  })
  .map((fields) => json('idv message', fields));

const bodies: fc.Arbitrary<Body> = fc.oneof(
  { weight: 40, arbitrary: aidaMessage },
  { weight: 20, arbitrary: rapidadminMessage },
  { weight: 20, arbitrary: idvMessage },
  { weight: 30, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom('', '\uFEFF', ' \r\n')).map(([v, lead]) => json('any json', v, lead)) },
  {
    weight: 20,
    arbitrary: fc.tuple(nested, fc.integer({ min: 1, max: MAX_JSON_DEPTH - 1 })).map(([make, depth]) => ({
      name: `nested ${depth + 1} deep`,
      bytes: utf8(`{"MessageType":"Deep","Deep":${make(depth)}}`),
      kind: 'json' as const,
    })),
  },
  {
    weight: 30,
    arbitrary: fc.tuple(nested, fc.integer({ min: MAX_JSON_DEPTH, max: 5000 })).map(([make, depth]) => ({
      name: `nested ${depth + 1} deep`,
      bytes: utf8(`{"MessageType":"Deep","MessageId":"deep","Deep":${make(depth)}}`),
      kind: 'too-deep' as const,
    })),
  },
  {
    weight: 10,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"MessageType":"WorkflowStarted","MessageId":"fz-proto"}',
      '{"MessageType":"WorkflowStarted","MessageId":-0,"JobId":1e400,"BatchId":123456789012345678901234567890}',
      '{"MessageType":"WorkflowStarted","JobId":"\\ud800","BatchId":"\\u0000","MessageId":"fz-\\udfff"}',
      '{"messagetype":"workflowstarted","MESSAGEID":"fz-case","jobid":{"nested":["ids"]}}',
    ).map((text) => ({ name: 'hostile json', bytes: utf8(text), kind: 'json' as const })),
  },
  {
    weight: 20,
    arbitrary: fc
      .oneof(
        fc.object().map((o) => JSON.stringify(o).slice(0, -1)),
        fc.tuple(fc.constantFrom('<', '#', ',', '}', ']', ':', 'x', "'", 'MessageType=', '\u0000'), fc.string()).map(([a, b]) => a + b),
        fc.constantFrom('', ' ', '\r\n', '{"Id":"a",}', '[1,2,]'),
      )
      .map((text) => ({ name: 'not json', bytes: utf8(text), kind: 'not-json' as const })),
  },
  {
    weight: 20,
    arbitrary: fc
      .oneof(
        fc.uint8Array({ maxLength: 2000 }),
        fc.string({ unit: 'binary', maxLength: 300 }).map(utf8),
        // Bytes no UTF-8 decoder accepts (a lone surrogate, 0xFF, an overlong slash) inside a JSON string.
        fc.constantFrom([0xed, 0xa0, 0x80], [0xff], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80]).map((bad) => Uint8Array.from([...utf8('{"Note":"'), ...bad, ...utf8('"}')])),
      )
      .map((bytes) => ({ name: 'bytes', bytes, kind: 'unknown' as const })),
  },
  {
    weight: 1,
    // Around the 1 MiB limit, now and then (each is a MiB to send and to store): just under it is read, over it gets 413.
    arbitrary: fc.integer({ min: MAX_BODY_BYTES - 64, max: MAX_BODY_BYTES + 4096 }).map((size) => {
      const text = `{"MessageType":"Big","Pad":"${'x'.repeat(Math.max(0, size - 30))}"}`;
      return { name: `about 1 MiB (${text.length} bytes)`, bytes: utf8(text), kind: 'json' as const };
    }),
  },
);

type Credential = 'right' | 'wrong' | 'none';
const credential = fc.oneof({ weight: 8, arbitrary: fc.constant<Credential>('right') }, { weight: 1, arbitrary: fc.constantFrom<Credential>('wrong', 'none') });

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 120 });
const headerName = fc.oneof(
  fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
  fc.constantFrom('authorization', 'cookie', 'x-api-key', 'x-jwt', 'proxy-authorization', 'content-encoding', 'accept', 'user-agent', 'x-forwarded-for', 'sec-fetch-dest'),
);

/** What browsers add: `Origin` or `Sec-Fetch-Site` (refused), or `Sec-Fetch-Mode` alone (not refused). */
const browser: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { weight: 10, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.oneof(fc.constant('null'), fc.webUrl().map((u) => new URL(u).origin)).map((origin) => ({ origin })) },
  { weight: 1, arbitrary: fc.constantFrom('cross-site', 'same-site', 'same-origin', 'none').map((site) => ({ 'sec-fetch-site': site })) },
  { weight: 1, arbitrary: fc.constantFrom('cors', 'no-cors', 'navigate').map((mode) => ({ 'sec-fetch-mode': mode })) },
);

const ingredients = fc.record({
  route: fc.constantFrom<Route>('aida', 'rapidadmin', 'idv'),
  body: bodies,
  token: fc.record({ how: fc.constantFrom('header', 'path'), is: credential }),
  pathCase: fc.constantFrom('as documented', 'upper case', 'trailing slash'),
  browser,
  contentType: fc.option(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/octet-stream'), {
    nil: undefined,
  }),
  extra: fc.array(fc.tuple(headerName, printable), { maxLength: 4 }),
  eventName: fc.option(fc.oneof(fc.constantFrom(...EVENT_TABLE, ...EXAMPLE_HEADERS), printable), { nil: undefined }),
  signature: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('hex', 'HEX', 'base64', 'base64url', 'sha256=hex') },
    { weight: 1, arbitrary: fc.constantFrom('none', 'another body', 'garbage', 'truncated') },
  ),
  idv: credential,
  chunked: fc.boolean(),
  cuts: fc.array(fc.nat(), { maxLength: 3 }),
  abort: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
type Ingredients = typeof ingredients extends fc.Arbitrary<infer T> ? T : never;

interface Spec {
  id: string;
  route: Route;
  path: string;
  headers: Record<string, string>;
  body: Uint8Array;
  chunked: boolean;
  cuts: number[];
  abort: boolean;
  /** The statuses the README allows for this delivery. */
  allowed: number[];
  /** Sent well-formed, authenticated and readable: must be acknowledged and logged. */
  valid?: boolean;
  what: string;
}

function sign(how: string, body: Uint8Array): string | undefined {
  const mac = (bytes: Uint8Array) => createHmac('sha256', SECRET).update(bytes);
  switch (how) {
    case 'hex':
      return mac(body).digest('hex');
    case 'HEX':
      return mac(body).digest('hex').toUpperCase();
    case 'base64':
      return mac(body).digest('base64');
    case 'base64url':
      return mac(body).digest('base64url');
    case 'sha256=hex':
      return `sha256=${mac(body).digest('hex')}`;
    case 'another body':
      return mac(utf8('{"another":"body"}')).digest('hex');
    case 'truncated':
      return mac(body).digest('hex').slice(0, 40);
    case 'garbage':
      return 'not-a-signature';
    default:
      return undefined;
  }
}

/** The statuses the README documents for a delivery, from what it carries. */
function allowedStatuses(i: Ingredients, signed: boolean): number[] {
  if (i.browser['origin'] !== undefined || i.browser['sec-fetch-site'] !== undefined) return [403];
  if (i.token.is !== 'right') return [401];
  if (i.body.bytes.length > MAX_BODY_BYTES) return [413];
  if (i.route === 'rapidadmin') return signed ? [200] : [401];
  if (i.route === 'idv') return i.idv === 'right' ? [200] : [401];
  return i.body.kind === 'json' ? [200] : i.body.kind === 'unknown' ? [200, 400] : [400];
}

function specOf(i: Ingredients, id: string): Spec {
  let base = PATHS[i.route];
  if (i.pathCase === 'upper case') base = base.toUpperCase();
  const token = i.token.is === 'right' ? TOKEN : i.token.is === 'wrong' ? `${TOKEN}-not` : undefined;
  let path = token !== undefined && i.token.how === 'path' ? `${base}/${encodeURIComponent(token)}` : base;
  if (i.pathCase === 'trailing slash') path += '/';
  const headers: Record<string, string> = Object.fromEntries(i.extra);
  if (i.contentType !== undefined) headers['content-type'] = i.contentType;
  // Credentials last, so a random header of the same name never stands in for them.
  if (token !== undefined && i.token.how === 'header') headers['x-console-token'] = token;
  else delete headers['x-console-token'];
  if (i.route === 'rapidadmin') {
    if (i.eventName !== undefined) headers['x-event-name'] = i.eventName;
    const signature = sign(i.signature, i.body.bytes);
    if (signature !== undefined) headers['x-signature'] = signature;
  }
  if (i.route === 'idv' && i.idv !== 'none') headers['x-idv-key'] = i.idv === 'right' ? IDV_KEY : 'a wrong key';
  Object.assign(headers, i.browser);
  headers[FUZZ_ID] = id;
  const signed = ['hex', 'HEX', 'base64', 'base64url', 'sha256=hex'].includes(i.signature);
  return {
    id,
    route: i.route,
    path,
    headers,
    body: i.body.bytes,
    chunked: i.chunked,
    cuts: i.cuts,
    abort: i.abort,
    allowed: allowedStatuses(i, signed),
    what: i.body.name,
  };
}

/** One well-formed, authenticated delivery of a route, unique so that it is never a repeat. */
function validSpec(route: Route, n: number, id: string): Spec {
  const text =
    route === 'aida'
      ? JSON.stringify(workflowStarted(`fuzz-valid-${n}`))
      : route === 'rapidadmin'
        ? JSON.stringify({ Id: `fuzz-person-${n}`, FirstName: 'Ana', LastName: 'Valid' })
        : JSON.stringify({ processId: `fuzz-process-${n}`, state: 'PROCESS_STATE_FINISHED', flow: 'id', result: 'ok' });
  const body = utf8(text);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-console-token': TOKEN, [FUZZ_ID]: id };
  if (route === 'rapidadmin') Object.assign(headers, { 'x-event-name': 'EliteId.Person.Created', 'x-signature': sign('hex', body) ?? '' });
  if (route === 'idv') headers['x-idv-key'] = IDV_KEY;
  return { id, route, path: PATHS[route], headers, body, chunked: false, cuts: [], abort: false, allowed: [200], valid: true, what: 'valid delivery' };
}

interface Answer {
  status: number;
  json: unknown;
}

function send(port: number, agent: Agent, spec: Spec): Promise<Answer | 'aborted'> {
  return new Promise((resolve, reject) => {
    const headers = { ...spec.headers };
    if (spec.abort) headers['content-length'] = String(spec.body.length + 100);
    else if (!spec.chunked) headers['content-length'] = String(spec.body.length);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: spec.path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as unknown });
        } catch {
          resolve({ status: res.statusCode ?? 0, json: text });
        }
      });
      res.on('error', reject);
    });
    if (spec.abort) {
      // The sender hangs up mid-body: the listener is owed nothing, and must record nothing.
      req.on('error', () => resolve('aborted'));
      req.on('close', () => resolve('aborted'));
      req.write(spec.body.subarray(0, spec.body.length >> 1), () => setTimeout(() => req.destroy(), 5));
      return;
    }
    req.on('error', reject);
    for (const piece of split(spec.body, spec.cuts)) req.write(piece);
    req.end();
  });
}

export interface FuzzReport {
  seed: number;
  rounds: number;
  deliveries: number;
  valid: number;
  aborted: number;
  pruned: number;
  byStatus: Record<number, number>;
}

export interface FuzzOptions {
  durationMs: number;
  seed?: number;
  /** Deliveries in flight at once, besides each round's valid one. */
  concurrency?: number;
  log?: (line: string) => void;
}

type StoredRow = { id: number; headers: string; outcome: string; http_status: number; body_length: number; events: number };

/** A failure, with what a person needs to see it again: the seed, the round, and the delivery as sent. */
class FuzzFailure extends Error {
  constructor(problem: string, spec: Spec | undefined, context: { seed: number; round: number }, answer?: Answer | 'aborted') {
    const shown = spec
      ? {
          route: spec.route,
          path: spec.path,
          body: `${spec.what}, ${spec.body.length} bytes: ${JSON.stringify(Buffer.from(spec.body.subarray(0, 300)).toString('utf8'))}`,
          headers: spec.headers,
          allowed: spec.allowed,
          abort: spec.abort,
          chunked: spec.chunked,
        }
      : undefined;
    super(`${problem} (seed ${context.seed}, round ${context.round}; FUZZ_SEED=${context.seed} replays the deliveries)\n${JSON.stringify({ delivery: shown, answer }, null, 2)}`);
  }
}

/** How many refused deliveries the console has pruned to keep within its caps, as Rejected deliveries says. */
async function prunedSoFar(core: TestConsole): Promise<number> {
  const page = await core.handlers.listDeliveries({ outcome: 'rejected', offset: 0, limit: 1 });
  if (!page.ok) throw new Error(`listDeliveries: ${page.error.message}`);
  return (page.value as { pruned?: number }).pruned ?? 0;
}

/**
 * Starts a console (every webhook route authenticated: a listener token, a RapIDadmin signing secret, an
 * identity-verification key) and fuzzes it until `durationMs` has passed. Throws at the first broken promise.
 */
export async function fuzzWebhooks(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const concurrency = options.concurrency ?? 12;
  const core = await startTestConsole(
    testConfig({
      machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9', kind: 'box' }],
      webhook: { token: TOKEN },
      rapidadmin: { signingSecret: SECRET },
      idv: { auth: { apiKey: { header: 'x-idv-key', value: IDV_KEY } } },
    }),
  );
  const port = Number(new URL(core.webhookUrl).port);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency + 1 });
  const db = new Database(join(core.config.dataDir, 'console.sqlite'), { readonly: true });
  const rowsAfter = db.prepare<[number], StoredRow>(
    `SELECT d.id, d.headers, d.outcome, d.http_status, d.body_length, (SELECT count(*) FROM events e WHERE e.delivery_id = d.id) AS events
     FROM deliveries d WHERE d.id > ? ORDER BY d.id`,
  );
  const report: FuzzReport = { seed, rounds: 0, deliveries: 0, valid: 0, aborted: 0, pruned: 0, byStatus: {} };
  const batch = fc.array(ingredients, { minLength: 1, maxLength: concurrency });
  const deadline = Date.now() + options.durationMs;
  let lastRow = 0;
  let n = 0;
  try {
    while (Date.now() < deadline) {
      const round = report.rounds;
      const context = { seed, round };
      const [drawn = []] = fc.sample(batch, { seed: seed + round, numRuns: 1 });
      const specs = drawn.map((i) => specOf(i, `${round}.${(n += 1)}`));
      const routes: Route[] = ['aida', 'rapidadmin', 'idv'];
      // Among them, at a random place, one delivery that must be acknowledged and logged.
      specs.splice(round % (specs.length + 1), 0, validSpec(routes[round % 3] as Route, round, `${round}.valid`));
      const prunedBefore = await prunedSoFar(core);
      const answers = await Promise.all(specs.map((s) => send(port, agent, s)));

      const stored = new Map<string, StoredRow>();
      for (const row of rowsAfter.all(lastRow)) {
        lastRow = row.id;
        const id = (JSON.parse(row.headers) as Record<string, string>)[FUZZ_ID];
        if (id !== undefined) stored.set(id, row);
      }
      const pruned = (await prunedSoFar(core)) - prunedBefore;
      let missing = 0;
      specs.forEach((spec, k) => {
        const answer = answers[k] as Answer | 'aborted';
        const row = stored.get(spec.id);
        if (answer === 'aborted') {
          report.aborted += 1;
          if (row) throw new FuzzFailure('a body cut off by its sender was recorded as if whole', spec, context, answer);
          return;
        }
        report.deliveries += 1;
        report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
        if (answer.status >= 500) throw new FuzzFailure(`answered ${answer.status}: a bad input must never get a 5xx`, spec, context, answer);
        if (!spec.allowed.includes(answer.status)) throw new FuzzFailure(`answered ${answer.status}, not as documented`, spec, context, answer);
        const body = answer.json as { received?: boolean; deliveryId?: number; error?: unknown };
        if (answer.status === 200 && (body.received !== true || typeof body.deliveryId !== 'number')) {
          throw new FuzzFailure('a 200 without its acknowledgement', spec, context, answer);
        }
        if (answer.status !== 200 && typeof body.error !== 'string') throw new FuzzFailure('a refusal without its reason', spec, context, answer);
        if (!row) {
          // Only a refused delivery may be pruned, and only as many as the console counted.
          missing += 1;
          if (answer.status === 200 || missing > pruned) throw new FuzzFailure('answered but not recorded', spec, context, answer);
          return;
        }
        if (row.http_status !== answer.status) throw new FuzzFailure(`recorded as ${row.http_status}, answered ${answer.status}`, spec, context, answer);
        if (answer.status === 200 && row.id !== body.deliveryId) throw new FuzzFailure('acknowledged under another delivery id', spec, context, answer);
        if (spec.valid) {
          report.valid += 1;
          if ((answer.json as { duplicate?: boolean }).duplicate !== false || row.outcome !== 'accepted' || row.events !== 1) {
            throw new FuzzFailure('a valid delivery was not logged as a new event', spec, context, answer);
          }
        }
      });
      report.pruned += pruned;
      report.rounds += 1;
    }
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    if (health.status !== 200) throw new FuzzFailure(`the health check answered ${health.status} after the run`, undefined, { seed, round: report.rounds });
    options.log?.(
      `webhook fuzz: seed ${seed}, ${report.rounds} rounds, ${report.deliveries} deliveries answered (${Object.entries(report.byStatus)
        .map(([s, c]) => `${c} × ${s}`)
        .join(', ')}), ${report.valid} valid ones acknowledged, ${report.aborted} cut off by their sender, ${report.pruned} pruned`,
    );
    return report;
  } finally {
    agent.destroy();
    db.close();
    await core.stop();
    rmSync(core.config.dataDir, { recursive: true, force: true });
  }
}
