import { describe, expect, it } from 'vitest';
import { heartbeatOn, PING_FRAME, PONG_FRAME, startHeartbeat } from '../../../shared/api/heartbeat';
import { handClock } from '../../helpers/hand-clock';

const timing = { intervalMs: 2000, missedLimit: 3 };

function beating() {
  const clock = handClock();
  const pings: number[] = [];
  const lost: number[] = [];
  const heartbeat = startHeartbeat({ timing, timers: clock, ping: () => pings.push(clock.now()), lost: () => lost.push(clock.now()) });
  return { clock, pings, lost, heartbeat };
}

describe('the heartbeat', () => {
  it('pings every interval and never gives up on a peer that answers', () => {
    const { clock, pings, lost, heartbeat } = beating();
    for (let i = 0; i < 20; i++) {
      clock.advance(2000);
      heartbeat.heard();
    }
    expect(pings).toHaveLength(20);
    expect(pings.slice(0, 3)).toEqual([2000, 4000, 6000]);
    expect(lost).toEqual([]);
  });

  it('gives a silent peer up after three unanswered pings, once, and pings no more', () => {
    const { clock, pings, lost } = beating();
    clock.advance(60_000);
    expect(pings).toEqual([2000, 4000, 6000]);
    expect(lost).toEqual([8000]);
    expect(clock.pending()).toBe(0);
  });

  it('counts from the last thing heard: a peer falling silent is given up between three and four intervals later', () => {
    const { clock, lost, heartbeat } = beating();
    clock.advance(4500);
    heartbeat.heard();
    clock.advance(5400);
    expect(lost).toEqual([]);
    clock.advance(2100);
    expect(lost).toEqual([4500 + 7500]);
  });

  it('two answers missed, then one heard: the count starts again', () => {
    const { clock, lost, heartbeat } = beating();
    clock.advance(4000);
    heartbeat.heard();
    clock.advance(6000);
    expect(lost).toEqual([]);
    clock.advance(2000);
    expect(lost).toEqual([12_000]);
  });

  it('stopped (the socket closed), neither pings nor gives up', () => {
    const { clock, pings, lost, heartbeat } = beating();
    heartbeat.stop();
    clock.advance(60_000);
    expect(pings).toEqual([]);
    expect(lost).toEqual([]);
  });
});

describe('the heartbeat on a socket', () => {
  function onSocket() {
    const clock = handClock();
    const sent: string[] = [];
    const socket = { open: true, isOpen: () => socket.open, send: (frame: string) => sent.push(frame) };
    const lost: number[] = [];
    const heartbeat = heartbeatOn(socket, { timing, timers: clock, lost: () => lost.push(clock.now()) });
    return { clock, sent, socket, lost, heartbeat };
  }

  it('answers the peer’s ping and keeps heartbeat frames from the calls, while anything heard keeps the peer alive', () => {
    const { clock, sent, lost, heartbeat } = onSocket();
    expect(heartbeat.received(PING_FRAME)).toBe(true);
    expect(heartbeat.received(PONG_FRAME)).toBe(true);
    expect(heartbeat.received('{"id":1,"method":"health"}')).toBe(false);
    expect(sent).toEqual([PONG_FRAME]);
    for (let i = 0; i < 10; i++) {
      clock.advance(2000);
      heartbeat.received('{"event":{}}');
    }
    expect(lost).toEqual([]);
  });

  it('pings only while the socket is open, and still gives a silent peer up', () => {
    const { clock, sent, socket, lost } = onSocket();
    clock.advance(2000);
    socket.open = false;
    clock.advance(6000);
    expect(sent).toEqual([PING_FRAME]);
    expect(lost).toEqual([8000]);
  });
});
