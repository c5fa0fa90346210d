import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleEvent } from '../../shared/api/contract';
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

export interface TestConsole extends RunningConsole {
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
  return Object.assign(core, {
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
  });
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
