import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleEvent } from '../../../shared/api/contract';
import { eventFrames, nextFrame } from '../../../renderer/src/transport/event-frames';

const backup = (keep: number): ConsoleEvent => ({ type: 'backup', backup: { dir: '/b', keep, sameDisk: false, running: false } });
const keeps = (events: ConsoleEvent[]) => events.map((e) => (e.type === 'backup' ? e.backup.keep : undefined));

/** A frame the test draws by hand. */
function handFrames() {
  const waiting: (() => void)[] = [];
  return {
    schedule: (apply: () => void) => {
      waiting.push(apply);
      return () => void waiting.splice(waiting.indexOf(apply), 1);
    },
    draw: () => waiting.splice(0).forEach((apply) => apply()),
    pending: () => waiting.length,
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('pushed events, applied a frame at a time', () => {
  it('holds the events that arrive before a frame and applies them together, in order, when it comes', () => {
    const frames = handFrames();
    const events = eventFrames(frames.schedule);
    const seen: ConsoleEvent[] = [];
    events.listen((e) => seen.push(e));
    for (const keep of [1, 2, 3]) events.push(backup(keep));
    expect(seen).toEqual([]);
    expect(frames.pending()).toBe(1);
    frames.draw();
    expect(keeps(seen)).toEqual([1, 2, 3]);
    events.push(backup(4));
    frames.draw();
    expect(keeps(seen)).toEqual([1, 2, 3, 4]);
  });

  it('applies what waits at once when asked (before a call answer), and the frame then finds nothing left', () => {
    const frames = handFrames();
    const events = eventFrames(frames.schedule);
    const seen: ConsoleEvent[] = [];
    events.listen((e) => seen.push(e));
    events.push(backup(1));
    events.flush();
    expect(keeps(seen)).toEqual([1]);
    expect(frames.pending()).toBe(0);
    frames.draw();
    expect(keeps(seen)).toEqual([1]);
  });

  it('still applies them on a page that draws no frame (hidden), a tenth of a second later', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const events = eventFrames(nextFrame);
    const seen: ConsoleEvent[] = [];
    events.listen((e) => seen.push(e));
    events.push(backup(1));
    vi.advanceTimersByTime(99);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(keeps(seen)).toEqual([1]);
  });
});
