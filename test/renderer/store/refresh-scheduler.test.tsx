import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debounce, RefreshScheduler } from '../../../renderer/src/store/refresh-scheduler';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A refresh the test finishes when it likes. */
function slowRefresh() {
  const finish: (() => void)[] = [];
  const refresh = vi.fn(() => new Promise<void>((resolve) => finish.push(resolve)));
  return { refresh, finishAll: () => finish.splice(0).forEach((f) => f()) };
}

describe('the refresh scheduler', () => {
  it('runs once for a burst of requests, after the wait', async () => {
    const refresh = vi.fn();
    const scheduler = new RefreshScheduler(150, refresh);
    for (let i = 0; i < 5; i++) scheduler.request();
    await vi.advanceTimersByTimeAsync(149);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('never overlaps: requests while a refresh runs make exactly one more after it', async () => {
    const { refresh, finishAll } = slowRefresh();
    const scheduler = new RefreshScheduler(150, refresh);
    scheduler.request();
    await vi.advanceTimersByTimeAsync(150);
    expect(refresh).toHaveBeenCalledTimes(1);
    scheduler.request();
    scheduler.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(refresh).toHaveBeenCalledTimes(1);
    finishAll();
    await vi.advanceTimersByTimeAsync(150);
    expect(refresh).toHaveBeenCalledTimes(2);
    finishAll();
    await vi.advanceTimersByTimeAsync(1000);
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});

describe('the debounce', () => {
  it('runs once typing pauses, and not at all when cancelled', () => {
    const task = vi.fn();
    const typing = new Debounce(250, task);
    typing.call();
    vi.advanceTimersByTime(200);
    typing.call();
    vi.advanceTimersByTime(200);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(task).toHaveBeenCalledTimes(1);
    typing.call();
    typing.cancel();
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });
});
