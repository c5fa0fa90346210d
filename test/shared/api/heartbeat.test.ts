import { describe, expect, it } from 'vitest';
import { startHeartbeat } from '../../../shared/api/heartbeat';
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
