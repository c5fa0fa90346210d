import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PING_FRAME, PONG_FRAME } from '../../../shared/api/heartbeat';
import { serveConsole, type ServeHandle } from '../../../electron/core/transport/serve-server';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';
import { handClock } from '../../helpers/hand-clock';

let core: TestConsole | undefined;
let ui: ServeHandle | undefined;

afterEach(async () => {
  await ui?.close();
  await core?.stop();
});

/** The console served with a heartbeat on a hand-turned clock, and one page's socket to it. */
async function servedPage() {
  const rendererDir = tempDir('ic-renderer-');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  core = await startTestConsole(testConfig());
  const clock = handClock();
  const log: string[] = [];
  ui = await serveConsole(core.running, {
    port: 0,
    rendererDir,
    heartbeat: { intervalMs: 2000, missedLimit: 3 },
    timers: clock,
    log: (line) => log.push(line),
  });
  const base = new URL(ui.url);
  const ws = new WebSocket(`ws://${base.host}/api/ws?token=${ui.token}`, { headers: { Origin: base.origin } });
  const frames: string[] = [];
  ws.on('message', (data) => frames.push(String(data)));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((resolve) => ws.once('open', resolve));
  return { ws, clock, frames, closed, log };
}

/** Lets the frames already sent cross the loopback. */
const settle = async (ws: WebSocket) => {
  const pong = new Promise<void>((resolve) => {
    const heard = (data: unknown) => {
      if (String(data) !== PONG_FRAME) return;
      ws.off('message', heard);
      resolve();
    };
    ws.on('message', heard);
  });
  ws.send(PING_FRAME);
  await pong;
};

describe('the serve-mode heartbeat, on the console’s side', () => {
  it('pings the page every interval and answers the page’s pings, never taking one for a call', async () => {
    const { ws, clock, frames } = await servedPage();
    clock.advance(2000);
    await settle(ws);
    expect(frames.filter((f) => f === PING_FRAME)).toHaveLength(1);
    expect(frames.filter((f) => f === PONG_FRAME)).toHaveLength(1);
    expect(frames.some((f) => f.includes('"id"'))).toBe(false);
  });

  it('keeps a page that answers', async () => {
    const { ws, clock, log } = await servedPage();
    for (let i = 0; i < 10; i++) {
      clock.advance(2000);
      ws.send(PONG_FRAME);
      await settle(ws);
    }
    expect(ws.readyState).toBe(WebSocket.OPEN);
    expect(log.join('\n')).not.toContain('heartbeat');
  });

  it('cuts off a page that missed three pings: its socket was open, nothing had closed it', async () => {
    const { ws, clock, frames, closed, log } = await servedPage();
    clock.advance(6000);
    await settle(ws);
    expect(frames.filter((f) => f === PING_FRAME)).toHaveLength(3);
    // The settle above was heard: three more intervals of silence, and the console gives the page up.
    clock.advance(8000);
    expect(await closed).toBe(1006);
    expect(log.join('\n')).toContain('a page stopped answering the heartbeat');
  });
});
