import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SERVE_ENTRY = resolve(__dirname, '../../out/main/serve.js');

/**
 * The environment of a console started by a test: its per-user config file (which the settings screen writes: the
 * language, the display) in a folder of its own beside its data, never the real user's (~/.config/issuance-console)
 * nor another test's. A test that switched the station to German once turned every console started after it German.
 */
export function ownConfigEnv(dataDir: string): NodeJS.ProcessEnv {
  const home = `${dataDir}-home`;
  mkdirSync(home, { recursive: true });
  return { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), APPDATA: join(home, 'AppData') };
}

export interface ServeProcess {
  child: ChildProcess;
  webhookUrl: string;
  uiUrl: string;
  dataDir: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built console headless on free ports and waits for the two lines it prints when ready. */
export function startServe(args: string[] = [], dataDir = mkdtempSync(join(tmpdir(), 'ic-e2e-'))): Promise<ServeProcess> {
  const child = spawn(process.execPath, [SERVE_ENTRY, '--data-dir', dataDir, '--ui-port', '0', '--webhook-port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: ownConfigEnv(dataDir),
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 20_000);
    const check = () => {
      const webhook = /Webhook URL: (\S+)/.exec(out)?.[1];
      const ui = /UI URL: (\S+)/.exec(out)?.[1];
      if (webhook && ui) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolvePromise({
          child,
          webhookUrl: webhook,
          uiUrl: ui,
          dataDir,
          output: () => out,
          async stop(signal = 'SIGTERM') {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}`));
    });
  });
}
