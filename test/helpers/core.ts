import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { METHOD_NAMES, type ConsoleEvent, type MethodName, type ValidParamsOf, type ValueOf } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { Result } from '../../shared/api/result';
import type { Caller } from '../../electron/core/people/caller';
import { resolveConfig } from '../../electron/core/config/resolve';
import type { ConfigFile, ConsoleConfig } from '../../electron/core/config/schema';
import { afterEach } from 'vitest';
import { startConsole, type ConsoleOptions, type RunningConsole } from '../../electron/core/console';
import { startFakeAida, type FakeAida } from './fake-aida';

export function tempDir(prefix = 'ic-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function testConfig(file: ConfigFile = {}, dataDir = tempDir()): ConsoleConfig {
  return resolveConfig({ dataDir, webhookPort: 0, uiPort: 0 }, file);
}

/** The core's handlers with the caller already given, as a test calls them. */
export type BoundHandlers = { [M in MethodName]: (params: ValidParamsOf<M>) => Promise<Result<ValueOf<M>>> };

function bound(core: RunningConsole, callerOf: (method: MethodName) => Caller): BoundHandlers {
  const call = (name: MethodName) => (params: unknown) => (core.handlers[name] as (p: unknown, c: Caller) => Promise<Result<unknown>>)(params, callerOf(name));
  return Object.fromEntries(METHOD_NAMES.map((name) => [name, call(name)])) as BoundHandlers;
}

/** A running console's handlers called as a window of the app would: a session of its own (the shell's tests). */
export function appHandlers(core: RunningConsole): BoundHandlers {
  const session = core.people.open('app');
  return bound(core, (method) => {
    const caller = core.people.callerFor(session, method);
    if (!caller) throw new Error(`no session ${session}`);
    return caller;
  });
}

export interface TestConsole extends Omit<RunningConsole, 'handlers'> {
  /** The console itself, its handlers taking a caller (to serve it, say). */
  running: RunningConsole;
  /** Calls as a window of the app would: a session of its own, an open station until an account exists. */
  handlers: BoundHandlers;
  /** Calls on this session (one the test opened with `people.open`), as its transport would. */
  handlersFor(sessionId: string): BoundHandlers;
  /** Calls as exactly this caller. */
  handlersAs(caller: Caller): BoundHandlers;
  /** A call from outside, through the contract's checks, as a transport makes it (on `handlers`' session by default). */
  dispatch(name: unknown, raw: unknown, caller?: Caller): Promise<Result<unknown>>;
  events: ConsoleEvent[];
  post(body: unknown, init?: { headers?: Record<string, string>; raw?: string | Uint8Array<ArrayBuffer> }): Promise<Response>;
  /** Waits until an event matching `predicate` has been seen. */
  waitForEvent(predicate: (e: ConsoleEvent) => boolean, timeoutMs?: number): Promise<ConsoleEvent>;
}

/** The real core on ephemeral ports with a temp data dir; posts go over real HTTP to its listener. */
export async function startTestConsole(config: ConsoleConfig, options: ConsoleOptions = {}): Promise<TestConsole> {
  const core = await startConsole(config, { outboxTiming: { retryDelaysMs: [50, 100], reconcileDelayMs: 50 }, ...options });
  const events: ConsoleEvent[] = [];
  core.onEvent((e) => events.push(e));
  const url = core.webhookUrl.replace(/\/\/[^/]+/, `//127.0.0.1:${new URL(core.webhookUrl).port}`);
  const handlersFor = (sessionId: string) =>
    bound(core, (method) => {
      const caller = core.people.callerFor(sessionId, method);
      if (!caller) throw new Error(`no session ${sessionId}`);
      return caller;
    });
  const session = core.people.open('app');
  return {
    ...core,
    running: core,
    handlers: handlersFor(session),
    dispatch: (name: unknown, raw: unknown, caller?: Caller) => {
      const as = caller ?? core.people.callerFor(session, name);
      if (!as) throw new Error('the test session has ended');
      return dispatch(core.handlers, name, raw, as);
    },
    handlersFor,
    handlersAs: (caller: Caller) => bound(core, () => caller),
    events,
    post(body: unknown, init: { headers?: Record<string, string>; raw?: string | Uint8Array<ArrayBuffer> } = {}) {
      return fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...init.headers },
        body: init.raw ?? JSON.stringify(body),
      });
    },
    async waitForEvent(predicate: (e: ConsoleEvent) => boolean, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error('event not seen');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
}

/**
 * The console against a fake AIDA, per test: `start` makes both (one machine `m1`), and they are stopped after each
 * test of the file that called this.
 */
export function consoleWithFakeAida() {
  let core: TestConsole | undefined;
  let aida: FakeAida | undefined;
  afterEach(async () => {
    await core?.stop();
    await aida?.close();
    core = undefined;
    aida = undefined;
  });
  return {
    /** `file` may name the fake AIDA's URL (several machines on it, say). */
    async start(
      machine: { kind?: 'box' | 'desktop' } = {},
      file: ConfigFile | ((aidaUrl: string) => ConfigFile) = {},
      options: ConsoleOptions = {},
    ): Promise<{ core: TestConsole; aida: FakeAida }> {
      aida = await startFakeAida();
      const extra = typeof file === 'function' ? file(aida.url) : file;
      const started = await startTestConsole(testConfig({ machines: [{ id: 'm1', apiUrl: aida.url, kind: machine.kind ?? 'box' }], ...extra }), options);
      core = started;
      return { core: started, aida };
    },
  };
}

/**
 * Consoles and fake AIDAs a test starts itself (several, or a console restarted on the same data folder): whatever
 * is still running is stopped after each test of the file that called this.
 */
export function startedPerTest() {
  let cores: TestConsole[] = [];
  let aidas: FakeAida[] = [];
  afterEach(async () => {
    for (const c of cores) await c.stop().catch(() => {});
    for (const a of aidas) await a.close().catch(() => {});
    cores = [];
    aidas = [];
  });
  return {
    async console(config: ConsoleConfig, options: ConsoleOptions = {}): Promise<TestConsole> {
      const core = await startTestConsole(config, options);
      cores.push(core);
      return core;
    },
    async aida(port = 0): Promise<FakeAida> {
      const aida = await startFakeAida(port);
      aidas.push(aida);
      return aida;
    },
    /** Stops a console mid-test (to restart it), so it is not stopped again after the test. */
    async stop(core: TestConsole): Promise<void> {
      await core.stop();
      cores = cores.filter((c) => c !== core);
    },
  };
}

/** Waits until the console has logged `count` reconciliations with the machine's API (read from its database). */
export async function reconciliations(c: TestConsole, count: number): Promise<void> {
  const db = new Database(join(c.config.dataDir, 'console.sqlite'), { readonly: true });
  try {
    const logged = () => db.prepare<[], number>("SELECT count(*) FROM events WHERE message_type = 'ConsoleReconciled'").pluck().get() ?? 0;
    const deadline = Date.now() + 5000;
    while (logged() < count) {
      if (Date.now() > deadline) throw new Error(`${count} reconciliations not logged within 5 s (${logged()})`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    db.close();
  }
}
