import { afterEach, describe, expect, it, vi } from 'vitest';
import { PING_FRAME, PONG_FRAME } from '../../../shared/api/heartbeat';
import { createWsClient } from '../../../renderer/src/transport/ws-client';
import { handClock } from '../../helpers/hand-clock';

/** A browser WebSocket the test plays the console's side of: it opens, sends, and stays silent when told to. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  static opened: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  closedByPage = false;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(frame: string) {
    this.sent.push(frame);
  }
  close() {
    this.closedByPage = true;
    this.readyState = FakeSocket.CLOSED;
  }
  /** The console's side. */
  accept() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  say(frame: string) {
    this.onmessage?.({ data: frame });
  }
}

const latest = () => FakeSocket.opened[FakeSocket.opened.length - 1]!;

function client() {
  FakeSocket.opened = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  const clock = handClock();
  const api = createWsClient('ws://console/api/ws', {
    heartbeat: { intervalMs: 2000, missedLimit: 3 },
    backoff: { firstMs: 250, maxMs: 1000 },
    timers: clock,
  });
  const states: boolean[] = [];
  api.onConnection((connected) => states.push(connected));
  return { api, clock, states };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the page’s WebSocket and its heartbeat', () => {
  it('pings the console every interval and answers the console’s pings', () => {
    const { clock, states } = client();
    latest().accept();
    latest().say(PING_FRAME);
    clock.advance(2000);
    expect(latest().sent).toEqual([PONG_FRAME, PING_FRAME]);
    for (let i = 0; i < 10; i++) {
      latest().say(PONG_FRAME);
      clock.advance(2000);
    }
    expect(states).toEqual([true]);
    expect(FakeSocket.opened).toHaveLength(1);
  });

  it('a console that falls silent with its socket still open: disconnected after three missed pings, then a new socket', async () => {
    const { api, clock, states } = client();
    const first = latest();
    first.accept();
    clock.advance(7900);
    expect(states).toEqual([true]);
    expect(first.sent.filter((f) => f === PING_FRAME)).toHaveLength(3);
    clock.advance(100);
    expect(states).toEqual([true, false]);
    expect(first.closedByPage).toBe(true);
    // Nothing the dead socket still delivers counts any more.
    first.say(PONG_FRAME);
    first.onclose?.();
    expect(states).toEqual([true, false]);
    await expect(api.getSnapshot({})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });

    clock.advance(250);
    expect(FakeSocket.opened).toHaveLength(2);
    latest().accept();
    expect(states).toEqual([true, false, true]);
  });

  it('gives up an opening handshake nobody answers, and waits longer each time, up to the cap', () => {
    const { clock, states } = client();
    // Each attempt hangs: a frozen console's kernel accepts the connection, and nothing more happens.
    const attempts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = FakeSocket.opened.length;
      let waited = 0;
      while (FakeSocket.opened.length === before) {
        clock.advance(50);
        waited += 50;
      }
      attempts.push(waited);
    }
    // 8 s of silence each, then 250 ms, 500 ms, 1 s, 1 s… before the next attempt.
    expect(attempts).toEqual([8250, 8500, 9000, 9000, 9000]);
    expect(states.every((s) => !s)).toBe(true);
    latest().accept();
    expect(states[states.length - 1]).toBe(true);
  });

  it('a calm reconnection starts the backoff over', () => {
    const { clock } = client();
    latest().onclose?.();
    clock.advance(250);
    latest().onclose?.();
    clock.advance(500);
    latest().accept();
    latest().onclose?.();
    clock.advance(249);
    expect(FakeSocket.opened).toHaveLength(3);
    clock.advance(1);
    expect(FakeSocket.opened).toHaveLength(4);
  });
});
