import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleEvent } from '../../../shared/api/contract';
import { eventFrames, nextFrame } from '../../../renderer/src/transport/event-frames';

const backup = (keep: number): ConsoleEvent => ({ type: 'backup', backup: { dir: '/b', keep, sameDisk: false, running: false } });
const keeps = (events: ConsoleEvent[]) => events.map((e) => (e.type === 'backup' ? e.backup.keep : undefined));

/** Frames the test draws by hand. */
function handFrames() {
  const waiting: (() => void)[] = [];
  return {
    schedule: (apply: () => void) => void waiting.push(apply),
    draw: () => waiting.splice(0).forEach((apply) => apply()),
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('pushed events, at most one batch a frame', () => {
  it('applies an event after a quiet frame at once; those behind it in the same frame wait for the next, together, in order', () => {
    const frames = handFrames();
    const events = eventFrames(frames.schedule);
    const seen: ConsoleEvent[] = [];
    events.listen((e) => seen.push(e));
    events.push(backup(1));
    expect(keeps(seen)).toEqual([1]);
    events.push(backup(2));
    events.push(backup(3));
    expect(keeps(seen)).toEqual([1]);
    frames.draw();
    expect(keeps(seen)).toEqual([1, 2, 3]);
    // Still a busy stream: the next one waits for its frame too.
    events.push(backup(4));
    expect(keeps(seen)).toEqual([1, 2, 3]);
    frames.draw();
    expect(keeps(seen)).toEqual([1, 2, 3, 4]);
    // A frame with nothing waiting ends the rush: the next event is on screen at once again.
    frames.draw();
    events.push(backup(5));
    expect(keeps(seen)).toEqual([1, 2, 3, 4, 5]);
  });

  it('applies what waits at once when asked (before a call answer), and the frame then finds nothing left', () => {
    const frames = handFrames();
    const events = eventFrames(frames.schedule);
    const seen: ConsoleEvent[] = [];
    events.listen((e) => seen.push(e));
    events.push(backup(1));
    events.push(backup(2));
    events.flush();
    expect(keeps(seen)).toEqual([1, 2]);
    frames.draw();
    expect(keeps(seen)).toEqual([1, 2]);
  });

  it('still applies them on a page that draws no frame (hidden), a tenth of a second later', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
    const events = eventFrames(nextFrame);
    const seen: ConsoleEvent[] = [];
    events.listen((e) => seen.push(e));
    events.push(backup(1));
    events.push(backup(2));
    expect(keeps(seen)).toEqual([1]);
    vi.advanceTimersByTime(99);
    expect(keeps(seen)).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(keeps(seen)).toEqual([1, 2]);
  });
});
