import fc from 'fast-check';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import { SCENARIO_IDS } from '../../../electron/core/simulator/scenarios';
import { startConsole } from '../../../electron/core/console';
import { tempLocations, writeJson } from './helpers';

const CERT = join(__dirname, '../../fixtures/tls/test-cert.pem');
const KEY = join(__dirname, '../../fixtures/tls/test-key.pem');

/** Stands for a value nested 100 000 levels deep, put in the file's text after it is written (JSON.stringify would overflow). */
const DEEP = '<deep>';
const deepText = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

/** Any JSON value, of any type a hand-edited file holds by mistake. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
  // Adversarial shapes: deeper than any setting, a prototype key, a sealed secret this process cannot open.
  fc.constant(DEEP),
  fc.constant(JSON.parse('{"__proto__": {"port": "x"}}') as unknown),
  fc.constant({ $encrypted: 'c2VhbGVk' }),
);

/** Absent, a plausible value, or junk in its place. */
const key = <T>(plausible: fc.Arbitrary<T>) => fc.option(fc.oneof(plausible, junk), { nil: undefined, freq: 3 });

const section = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) =>
  fc.oneof(fc.record(fields, { requiredKeys: [] }), junk).map(
    (v) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)) : v),
  );

const host = fc.constantFrom('127.0.0.1', '::1', 'localhost', '0.0.0.0', '192.0.2.1', 'no-such-host.invalid', 'a b', 'fe80::1%eth0', '');
const allowEntry = fc.oneof(
  fc.constantFrom('127.0.0.1', '::1', '10.0.0.0/', '10.1.0.0/33', '0.0.0.0/0', '10.0.0.0/8/8', '::/0', 'fe80::1%lo', ''),
  fc.string({ maxLength: 12 }),
);

const configFile = fc.record(
  {
    station: key(fc.string({ maxLength: 120 })),
    durability: key(fc.constantFrom('power-cut', 'crash')),
    webhook: section({
      host: key(host),
      port: key(fc.integer({ min: -1, max: 70_000 })),
      allowFrom: key(fc.array(allowEntry, { maxLength: 4 })),
      token: key(fc.string({ minLength: 10, maxLength: 30 })),
      previousToken: key(fc.string({ minLength: 10, maxLength: 30 })),
      tls: section({
        certFile: key(fc.constantFrom(CERT, KEY, '/nonexistent/cert.pem', '/etc')),
        keyFile: key(fc.constantFrom(KEY, CERT, '/nonexistent/key.pem')),
        port: key(fc.integer({ min: -1, max: 70_000 })),
      }),
    }),
    ui: section({ host: key(host), port: key(fc.integer({ min: -1, max: 70_000 })), accessToken: key(fc.string({ maxLength: 40 })) }),
    review: section({
      confidenceThreshold: key(fc.double({ min: -1, max: 2, noNaN: true })),
      autoApproveAbove: key(fc.double({ min: -1, max: 2, noNaN: true })),
      supervisorPin: key(fc.string({ maxLength: 70 })),
    }),
    encoder: section({ serviceUrl: key(fc.constantFrom('http://127.0.0.1:9/encode', 'ftp://x', 'not a url')), serviceTimeoutMs: key(fc.integer()), waitAlertSeconds: key(fc.integer()) }),
    watchdog: section({ silenceSeconds: key(fc.integer({ min: -5, max: 5000 })), pollSeconds: key(fc.integer({ min: -5, max: 700 })) }),
    desktop: section({ startAtLogin: key(fc.boolean()), display: key(fc.constantFrom('window', 'kiosk', 'tiny')) }),
    machines: key(
      fc.array(
        fc.record({
          id: fc.oneof(fc.constantFrom('m1', 'm2', 'training', ''), fc.string({ maxLength: 8 })),
          apiUrl: fc.constantFrom('http://127.0.0.1:9', 'https://127.0.0.1:9/api', 'not a url'),
          kind: fc.constantFrom('box', 'desktop', 'robot'),
          credentials: fc.option(fc.record({ userName: fc.string({ maxLength: 8 }), password: fc.string({ maxLength: 8 }) }), { nil: undefined }),
          timeoutMs: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }),
        }),
        { maxLength: 3 },
      ),
    ),
    training: section({
      cardsPerBatch: key(fc.integer({ min: -1, max: 20_000 })),
      feederCapacity: key(fc.integer({ min: -1, max: 20_000 })),
      cardIntervalMs: key(fc.integer({ min: -1, max: 70_000 })),
      speed: key(fc.double({ min: 0, max: 20_000, noNaN: true })),
      machines: key(fc.integer({ min: 0, max: 3 })),
      scenario: key(fc.constantFrom(...SCENARIO_IDS, 'no-such-scenario')),
      seed: key(fc.string({ maxLength: 120 })),
    }),
    rapidadmin: section({
      signingSecret: key(fc.string({ maxLength: 20 })),
      previousSigningSecret: key(fc.string({ maxLength: 20 })),
      allowUnsigned: key(fc.boolean()),
      printJobKey: key(fc.string()),
    }),
    idv: section({
      auth: section({ apiKey: section({ header: key(fc.constantFrom('X-Api-Key', 'bad header')), value: key(fc.string({ maxLength: 10 })) }) }),
      allowUnauthenticated: key(fc.boolean()),
      getProcess: section({ urlTemplate: key(fc.constantFrom('https://idv.example/p/{processId}', 'https://idv.example/p')), timeoutMs: key(fc.integer()) }),
    }),
    locked: key(fc.array(fc.constantFrom('webhook', 'machines', 'ui.port', 'nothing'), { maxLength: 2 })),
    dataDir: key(fc.constantFrom('/nonexistent/elsewhere', '\u0000', '')),
  },
  { requiredKeys: [] },
).map((file) => Object.fromEntries(Object.entries(file).filter(([, v]) => v !== undefined)));

/** A file as written: the object, or now and then text that is not JSON at all. */
const fileText = fc.oneof(
  { arbitrary: configFile.map((f) => JSON.stringify(f).replaceAll(JSON.stringify(DEEP), deepText)), weight: 8 },
  { arbitrary: fc.constantFrom('{ "webhook": { "token": abc } }', '', '[]', '"config"', '\uFEFF{}', '{"a":'), weight: 1 },
);

const argv = fc.array(fc.constantFrom('--webhook-host', 'a b', '::1', '--ui-port', '-1', '--aida-url', 'ftp://x', '--pin', '1234', '--data-dir', '\u0000'), {
  maxLength: 4,
});

let blocker: Server;
let occupied: number;
beforeAll(async () => {
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  occupied = (blocker.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

describe('random configurations', () => {
  it('never stop the console: it starts, answers, and stops', async () => {
    let started = 0;
    await fc.assert(
      fc.asyncProperty(fileText, fileText, argv, fc.boolean(), async (machine, user, flags, plainTaken) => {
        const locations = tempLocations();
        writeJson(locations.machine, machine);
        writeJson(locations.user, user);
        const loaded = loadLayeredConfig(flags, { locations, fallbackDataDir: locations.dir });
        // The data folder is a listed exception (a console that cannot keep what it acknowledges must not start), and a
        // random one would land anywhere: it is this run's. Ports come from {free, taken}: a fixed port such as 4567
        // may be in use by a console on this computer.
        const [plainPort, tlsPort] = plainTaken ? [occupied, 0] : [0, occupied];
        const tls = loaded.config.webhookTls ? { webhookTls: { ...loaded.config.webhookTls, port: tlsPort } } : {};
        // The backups' folder follows the data folder unless a file names one: it moves with it (a `--data-dir -1` would
        // otherwise put `-1/backups` in the folder the tests run from).
        const dataDir = join(locations.dir, 'data');
        const backup = { ...loaded.config.backup, dir: join(dataDir, 'backups') };
        const core = await startConsole({ ...loaded.config, dataDir, backup, webhookPort: plainPort, ...tls });
        try {
          const caller = core.people.callerFor(core.people.open('app'), 'getSnapshot');
          if (!caller) throw new Error('no session');
          const snapshot = await core.handlers.getSnapshot({}, caller);
          expect(snapshot.ok).toBe(true);
          started++;
        } finally {
          await core.stop();
        }
      }),
      { numRuns: 60, interruptAfterTimeLimit: 4000 },
    );
    // Bounded by time, not by a count: it must still have tried a fair number.
    expect(started).toBeGreaterThanOrEqual(5);
  });
});
