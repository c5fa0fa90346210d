import { afterEach, describe, expect, it } from 'vitest';
import { AidaClient } from '../../../electron/core/aida/client';
import { AIDA_ENDPOINTS, type AidaEndpointName } from '../../../electron/core/aida/endpoints';
import { MachineRegistry } from '../../../electron/core/machines/registry';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { startFakeAida, type FakeAida } from '../../helpers/fake-aida';
import { describeErrors, loadSpec, type Spec } from '../../helpers/openapi';
import { api, startReceiver, startSimulator, WS, type Body, type Receiver } from '../simulator/receiver';

/**
 * The console's requests to AIDA, checked against the vendor's own OpenAPI descriptions (copied into
 * test/fixtures/openapi): the full 1.6.3.25 API, the AIDA mini 1.6.3.26, and the 1.0.721 excerpt for the endpoints it
 * holds. Where a spec is wrong, the test says so and checks what the spec should have said (README.md, "Where the
 * vendor's specs are wrong").
 */

const FULL = loadSpec('aida-1.6.3.25');
const MINI = loadSpec('aida-mini-1.6.3.26');
const V10 = loadSpec('aida-1.0.721');

const CREDENTIALS = { userName: 'console', password: 'secret', clientId: 'console', clientSecret: 'shh' };
const TOKEN = AIDA_ENDPOINTS.token.path;

/**
 * Query parameters the console sends that no spec declares: the seed spells the stop flag `stopRunningWorkflows`, the
 * OpenAPI `stopAllRunningWorkflows`, and the console sends both (PROTOCOLS.md). An API ignores an unknown query key.
 */
const SEED_SPELLINGS = new Set(['stopRunningWorkflows']);

interface Sent {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Parsed JSON, or the form's fields. */
  body: unknown;
  form: boolean;
}

/** A fetch that records each request and answers 200 (a JWT string for the token endpoint, `{}` otherwise). */
function capturing() {
  const sent: Sent[] = [];
  const fetchImpl = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const raw = init?.body;
    const form = raw instanceof FormData;
    const body = form ? Object.fromEntries([...raw].map(([k, v]) => [k, String(v)])) : typeof raw === 'string' ? (JSON.parse(raw) as unknown) : undefined;
    sent.push({ method: init?.method ?? 'GET', url, headers, body, form });
    const answer = url.pathname === TOKEN ? JSON.stringify('h.p.s') : '{}';
    return Promise.resolve(new Response(answer, { status: 200, headers: { 'content-type': 'application/json' } }));
  };
  return { fetch: fetchImpl as typeof fetch, sent };
}

/** Every request the client can build, each once (and start and signal in their fuller forms). */
async function everyRequest(client: AidaClient): Promise<void> {
  await client.state();
  await client.metrics();
  await client.resumeItems();
  await client.suspendedInstances();
  await client.suspendedJobs();
  await client.resume();
  await client.stop(false);
  await client.stop(true);
  await client.start({});
  await client.start({ jobTemplateName: 'Passport', stopAfter: 25, dryRun: true, metadataFields: { lot: 'A-17', operator: 'Ann' } });
  await client.start({ jobTemplateName: 'Passport', workflowTypeName: 'CardPersonalization', rejectedCardsThreshold: 0.05 });
  await client.signal({ workflowInstanceId: 'f'.repeat(32), outcome: 'Completed' });
  await client.signal({ workflowInstanceId: 'f'.repeat(32), outcome: 'Faulted', errorReason: 'Text does not match the document' });
  await client.systemInfo();
  await client.machineStatus();
  await client.systemStatus();
  await client.personalizationSessions();
  await client.sessionDays();
  await client.snapshot();
}

const coerce = (value: string): unknown => (value === 'true' ? true : value === 'false' ? false : /^-?\d+$/.test(value) ? Number(value) : value);

/** What is wrong with one request, as the spec sees it; empty when it conforms. */
function problems(spec: Spec, r: Sent, bearerExpected: boolean): string[] {
  const out: string[] = [];
  const where = `${r.method} ${r.url.pathname}`;
  const op = spec.operation(r.method, r.url.pathname);
  if (!op) return [`${where}: no such operation in ${spec.name}`];
  const declared = new Map((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, p]));
  for (const [name, value] of r.url.searchParams) {
    const param = declared.get(name);
    if (!param) {
      if (!SEED_SPELLINGS.has(name)) out.push(`${where}: query parameter ${name} is not declared`);
      continue;
    }
    const check = spec.validator(param.schema ?? {});
    if (!check(coerce(value)) && !check(value)) out.push(`${where}: ${name}=${value}: ${describeErrors(check.errors)}`);
  }
  for (const p of declared.values()) if (p.required && !r.url.searchParams.has(p.name)) out.push(`${where}: ${p.name} is required`);
  const content = op.requestBody?.content;
  if (r.body !== undefined) {
    const type = r.form ? 'multipart/form-data' : r.headers['content-type'];
    const media = type ? content?.[type] : undefined;
    if (!media) out.push(`${where}: a ${type ?? 'body'} body, where the spec takes ${Object.keys(content ?? {}).join(', ') || 'none'}`);
    else {
      const check = spec.validator(media.schema ?? {});
      if (!check(r.body)) out.push(`${where}: body ${JSON.stringify(r.body)}: ${describeErrors(check.errors)}`);
    }
  }
  const wantsBearer = spec.security(op).some((s) => 'Bearer' in s);
  // The spec's global Bearer requirement also covers the token endpoint, which cannot need the token it issues.
  if (wantsBearer && bearerExpected && r.url.pathname !== TOKEN && !/^Bearer \S+$/.test(r.headers['authorization'] ?? '')) {
    out.push(`${where}: no Bearer token`);
  }
  return out;
}

const key = (method: string, path: string) => `${method} ${path}`;
const catalogue = Object.entries(AIDA_ENDPOINTS) as [AidaEndpointName, (typeof AIDA_ENDPOINTS)[AidaEndpointName]][];

describe('every request the client builds, against AIDA 1.6.3.25 (the full API)', () => {
  it('is an operation the spec declares, with declared parameters of the right type, a valid body and a Bearer token', async () => {
    const { fetch, sent } = capturing();
    await everyRequest(new AidaClient('http://aida.test:5000', { credentials: CREDENTIALS, fetch }));
    // Every endpoint of the catalogue was exercised, so none escapes the check.
    expect(new Set(sent.map((r) => key(r.method, r.url.pathname)))).toEqual(new Set(catalogue.map(([, e]) => key(e.method, e.path))));
    expect(sent.flatMap((r) => problems(FULL, r, true))).toEqual([]);
  });

  it('sends the token request as the spec\'s multipart form', async () => {
    const { fetch, sent } = capturing();
    await new AidaClient('http://aida.test:5000', { credentials: CREDENTIALS, fetch }).state();
    expect(sent[0]).toMatchObject({ form: true, body: { UserName: 'console', Password: 'secret', ClientId: 'console', ClientSecret: 'shh', grant_type: 'password' } });
    expect(problems(FULL, sent[0] as Sent, true)).toEqual([]);
  });

  it('names a metadataFields value only as text, which the spec\'s schema cannot check (it accepts any value)', async () => {
    const start = FULL.validator({ $ref: 'spec#/components/schemas/WorkflowSchedulerStartupParamsDto' });
    // The spec's own schema: `additionalProperties: {nullable: true}` lets anything through.
    expect(start({ metadataFields: { lot: { nested: [1, { deeper: true }] } } })).toBe(true);
    const { fetch, sent } = capturing();
    await new AidaClient('http://aida.test:5000', { fetch }).start({ metadataFields: { lot: 'A-17', seat: '12' } });
    const fields = (sent[0]?.body as { metadataFields: Record<string, unknown> }).metadataFields;
    expect(Object.values(fields).every((v) => typeof v === 'string')).toBe(true);
  });
});

describe('against the 1.0.721 description (excerpt)', () => {
  it('conforms on every endpoint the excerpt holds; the others are AIDA 1.6\'s, or outside the excerpt', async () => {
    const { fetch, sent } = capturing();
    await everyRequest(new AidaClient('http://aida.test:5000', { credentials: CREDENTIALS, fetch }));
    const held = sent.filter((r) => V10.operation(r.method, r.url.pathname));
    const elsewhere = new Set(sent.filter((r) => !held.includes(r)).map((r) => r.url.pathname));
    const { machineStatus, suspendedJobs, systemInfo, systemStatus, sessions, sessionDays, snapshot } = AIDA_ENDPOINTS;
    expect(elsewhere).toEqual(new Set([machineStatus, suspendedJobs, systemInfo, systemStatus, sessions, sessionDays, snapshot].map((e) => e.path)));
    expect(held.flatMap((r) => problems(V10, r, true))).toEqual([]);
    for (const [name, e] of catalogue) {
      if ('since16' in e) expect(V10.operation(e.method, e.path), name).toBeUndefined();
    }
  });
});

describe('against the AIDA mini 1.6.3.26 (desktop systems)', () => {
  let fake: FakeAida | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('knows exactly which of its requests the mini offers', () => {
    for (const [name, e] of catalogue) expect(MINI.operation(e.method, e.path) !== undefined, name).toBe(e.mini);
  });

  it('never sends a machine of kind desktop a request the mini does not offer, nor a token request', async () => {
    fake = await startFakeAida();
    const registry = new MachineRegistry([{ id: 'd1', apiUrl: fake.url, kind: 'desktop', credentials: CREDENTIALS }]);
    const client = registry.get('d1').client;
    if (!client) throw new Error('no client');
    await everyRequest(client);
    const offered = new Set(catalogue.filter(([, e]) => e.mini).map(([, e]) => key(e.method, e.path)));
    const sent = fake.calls.map((c) => key(c.method, c.path));
    expect(sent.filter((s) => !offered.has(s))).toEqual([]);
    expect(new Set(sent)).toEqual(offered);
  });

  it('conforms to the mini\'s spec, except its Bearer requirement: the mini declares Bearer and has no way to get one', async () => {
    expect(MINI.doc.security).toEqual([{ Bearer: [] }]);
    expect(MINI.operation('POST', TOKEN)).toBeUndefined();
    const { fetch, sent } = capturing();
    await everyRequest(new AidaClient('http://aida.test:5000', { credentials: CREDENTIALS, fetch, variant: 'mini' }));
    expect(sent.flatMap((r) => problems(MINI, r, false))).toEqual([]);
    expect(sent.filter((r) => r.headers['authorization'] !== undefined)).toEqual([]);
  });
});

describe('where the specs are wrong, as the tests find them', () => {
  it('the full spec\'s global Bearer requirement also covers POST auth/token', () => {
    const op = FULL.operation('POST', TOKEN);
    expect(op && FULL.security(op)).toEqual([{ Bearer: [] }]);
  });

  it('WorkflowSchedulerStoppingMessage and the 1.6 barcode messages are missing from WorkflowMessage\'s discriminator mapping', () => {
    const mapping = (FULL.doc.components.schemas['WorkflowMessage'] as { discriminator: { mapping: Record<string, string> } }).discriminator.mapping;
    const mapped = Object.keys(mapping).map((k) => k.split('.').pop());
    for (const schema of ['WorkflowSchedulerStoppingMessage', 'BarcodeReadExecutedMessage', 'BarcodeReadBackMessage']) {
      expect(FULL.doc.components.schemas[schema], schema).toBeDefined();
      expect(mapped, schema).not.toContain(schema);
    }
  });
});

// ── What the simulator sends and answers, against the same spec ─────────────────────────────────────────────────

/** A derived message schema (`allOf: [WorkflowMessage, own]`, each `additionalProperties: false`) as it was meant. */
function messageSchema(name: string): Record<string, unknown> {
  const schemas = FULL.doc.components.schemas;
  const base = schemas['WorkflowMessage'] as { properties: Record<string, unknown>; required?: string[] };
  const own = ((schemas[name] as { allOf?: { properties?: Record<string, unknown> }[] }).allOf ?? [])[1]?.properties ?? {};
  return { type: 'object', properties: { ...base.properties, ...own }, required: base.required ?? [], additionalProperties: false };
}

const VALIDATIONS = ['EncoderLoaded', 'OcrExecuted', 'MagneticStripeReadBack', 'OcrReadBack', 'ChipReadBack', 'BarcodeReadBack', 'BarcodeDecoded'];

/** Plays a scenario to its end, approving every card that waits, and returns what the machine posted. */
async function play(scenario: string, cards: number, extra?: (s: AidaSimulator) => Promise<void>): Promise<Body[]> {
  const r = await startReceiver();
  const s = await startSimulator(r, { scenario });
  try {
    await api(s, 'POST', `${WS}/start`, { stopAfter: cards, metadataFields: { lot: 'A' } });
    await s.settled();
    const answered = new Set<unknown>();
    for (let round = 0; round < 20; round++) {
      const open = r.bodies.filter((b) => VALIDATIONS.includes(b['messageType'] as string) && b['jobStatus'] === 'Suspended' && !answered.has(b['messageId']));
      if (open.length === 0) break;
      for (const b of open) {
        answered.add(b['messageId']);
        await api(s, 'POST', `${WS}/workflows/signal/external-process-completed`, { workflowInstanceId: b['workflowInstanceId'], outcome: 'Completed' });
      }
      await s.settled();
    }
    await extra?.(s);
    await s.settled();
    return r.bodies;
  } finally {
    await s.stop();
    await r.close();
  }
}

describe('the simulator plays the 1.6 spec', () => {
  let receiver: Receiver | undefined;
  let sim: AidaSimulator | undefined;
  afterEach(async () => {
    await sim?.stop();
    await receiver?.close();
    sim = undefined;
    receiver = undefined;
  });

  it('posts messages valid against WorkflowMessage plus their own class\'s properties, found by class name', async () => {
    const bodies = [
      ...(await play('readbacks', 4)),
      ...(await play('ocr-review', 1)),
      ...(await play('barcode-decoded', 2)),
      ...(await play('open-interlock', 3, async (s) => {
        await api(s, 'POST', `${WS}/stop?stopAllRunningWorkflows=false`);
      })),
    ];
    const classes = new Set<string>();
    for (const body of bodies) {
      const name = String(body['discriminator']).split('.').pop() ?? '';
      classes.add(name);
      expect(FULL.doc.components.schemas[name], name).toBeDefined();
      const check = FULL.validator(messageSchema(name));
      expect(check(body), `${name}: ${describeErrors(check.errors)}`).toBe(true);
    }
    expect([...classes].sort()).toEqual(
      [
        'BarcodeReadBackMessage',
        'BarcodeReadExecutedMessage',
        'ChipReadBackMessage',
        'EncoderLoadedMessage',
        'MagneticStripeReadBackMessage',
        'OcrExecutedMessage',
        'OcrReadBackMessage',
        'WebhookReceiverHealthCheckMessage',
        'WorkflowCancelledMessage',
        'WorkflowCompletedMessage',
        'WorkflowSchedulerProcessSuspendedMessage',
        'WorkflowSchedulerStartedMessage',
        'WorkflowSchedulerStoppedMessage',
        'WorkflowSchedulerStoppingMessage',
        'WorkflowStartedMessage',
      ].sort(),
    );
    // Validated strictly as the spec writes them, the derived schemas reject every realistic message: each part of
    // the allOf forbids the other's properties.
    const ocr = bodies.find((b) => b['messageType'] === 'OcrExecuted');
    expect(FULL.component('OcrExecutedMessage')(ocr)).toBe(false);
  });

  it('answers the console\'s GET requests with bodies valid against the spec\'s responses', async () => {
    receiver = await startReceiver();
    sim = await startSimulator(receiver, { scenario: 'open-interlock' });
    await api(sim, 'POST', `${WS}/start`, { stopAfter: 3 });
    await sim.settled();
    // The camera's picture is bytes, whose type the spec does not declare (checked below).
    for (const [name, e] of catalogue.filter(([n, x]) => x.method === 'GET' && n !== 'snapshot')) {
      const answer = await api(sim, 'GET', e.path);
      expect(answer.status, name).toBe(200);
      const schema = FULL.operation('GET', e.path)?.responses?.['200']?.content?.['application/json']?.schema;
      if (!schema) continue; // workflow-messages/pending declares no body
      const check = FULL.validator(schema);
      expect(check(answer.body), `${name}: ${describeErrors(check.errors)}`).toBe(true);
    }
    expect(FULL.operation('GET', AIDA_ENDPOINTS.snapshot.path)?.responses?.['200']?.content).toBeUndefined();
    const picture = await fetch(`${sim.url}${AIDA_ENDPOINTS.snapshot.path}`);
    expect(picture.headers.get('content-type')).toMatch(/^image\/png/);
    expect([...new Uint8Array(await picture.arrayBuffer()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
