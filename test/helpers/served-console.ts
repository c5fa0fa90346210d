import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { startFakeAida, type FakeAida } from './fake-aida';
import { startServe, type ServeProcess } from './serve-process';

export interface ServedConsole {
  readonly browser: Browser;
  readonly aida: FakeAida;
  readonly serve: ServeProcess;
  /** Posts a webhook to the console as a machine would. */
  post(body: unknown): Promise<Response>;
}

/**
 * The console in serve mode with one machine, a fake AIDA, and a Chromium to look at it: started before the calling
 * describe block's tests, stopped after them. Call it inside the describe block.
 */
export function servedConsole(): ServedConsole {
  let browser: Browser | undefined;
  let aida: FakeAida | undefined;
  let serve: ServeProcess | undefined;

  beforeAll(async () => {
    aida = await startFakeAida();
    serve = await startServe(['--aida-url', aida.url, '--webhook-host', '127.0.0.1']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await aida?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'Chromium');
    },
    get aida() {
      return started(aida, 'the fake AIDA');
    },
    get serve() {
      return started(serve, 'the console');
    },
    post: (body) =>
      fetch(started(serve, 'the console').webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  };
}
