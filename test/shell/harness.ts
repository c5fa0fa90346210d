import type { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Shell } from '../../electron/shell/start';
import { startShell } from '../../electron/shell/start';
import { tempLocations } from '../core/config/helpers';
import { tempDir } from '../helpers/core';
import { startFakeAida, type FakeAida } from '../helpers/fake-aida';
import { FakeBrowserWindow, fake, resetFakeElectron } from './fake-electron';

const PROCESS_EVENTS = ['SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection'] as const;

export interface Launched {
  shell: Shell;
  window: FakeBrowserWindow;
  locations: ReturnType<typeof tempLocations>;
  rendererDir: string;
  userData: string;
  /** Posts a webhook body to the console's listener over real HTTP. */
  post(body: unknown): Promise<Response>;
}

type Listener = (...args: unknown[]) => void;
/** The process as a plain emitter: its typed overloads do not take a union of event names. */
const proc = process as unknown as EventEmitter;
let before: Map<string, Listener[]> | undefined;
let running: Shell | undefined;
let aida: FakeAida | undefined;

/**
 * Starts the real shell (with the real core, on a free port and a temp folder) inside the fake Electron. Any
 * process listeners it adds are removed again by `closeShell`, so the test runner's own stay in charge.
 */
export async function launchShell(argv: string[] = [], prepare?: (locations: ReturnType<typeof tempLocations>) => void): Promise<Launched> {
  const userData = tempDir('ic-shell-');
  resetFakeElectron(userData);
  const locations = tempLocations();
  prepare?.(locations);
  const rendererDir = join(userData, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Issuance Console</title>');
  before = new Map(PROCESS_EVENTS.map((e) => [e, proc.listeners(e) as Listener[]]));
  const shell = await startShell({
    argv: ['--webhook-port', '0', ...argv],
    preload: '/app/out/preload/index.cjs',
    rendererDir,
    locations,
  });
  if (!shell) throw new Error('the shell did not start');
  running = shell;
  const window = FakeBrowserWindow.all[0];
  if (!window) throw new Error('no window');
  const port = new URL(shell.core.webhookUrl).port;
  const post = (body: unknown) =>
    fetch(`http://127.0.0.1:${port}/ixla/aida/v1/webhooks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  return { shell, window, locations, rendererDir, userData, post };
}

/** The shell whose one machine is a fake AIDA; `closeShell` closes that too. */
export async function launchWithAida(): Promise<Launched & { aida: FakeAida }> {
  aida = await startFakeAida();
  return { ...(await launchShell(['--aida-url', aida.url])), aida };
}

/** Ends a test's shell: the core stopped (if the test did not quit it), the process listeners restored. */
export async function closeShell(): Promise<void> {
  if (running && fake.app.exitCodes.length === 0) await running.lifecycle.shutdown('test over');
  running = undefined;
  for (const event of PROCESS_EVENTS) {
    const kept = new Set(before?.get(event) ?? []);
    for (const listener of proc.listeners(event) as Listener[]) {
      if (!kept.has(listener)) proc.off(event, listener);
    }
  }
  before = undefined;
  await aida?.close();
  aida = undefined;
}

/** Waits for a condition the shell reaches asynchronously (a dialog answered, an event forwarded). */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}
