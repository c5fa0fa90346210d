/**
 * "Something changed in the core, fetch it again", at most every `ms`: the first request waits `ms`, requests meanwhile
 * join it, and a request while the fetch runs schedules exactly one more after it, so that fetches never overlap and
 * the last change is never missed.
 */
export class RefreshScheduler {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;

  constructor(
    private readonly ms: number,
    private readonly refresh: () => Promise<void> | void,
  ) {}

  request(): void {
    if (this.running) this.again = true;
    if (this.timer || this.running) return;
    this.timer = setTimeout(() => void this.run(), this.ms);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.running = true;
    try {
      await this.refresh();
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.request();
      }
    }
  }
}

/** Runs `task` once calls have paused for `ms` (typing in a search field): each call starts the wait again. */
export class Debounce {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ms: number,
    private readonly task: () => void,
  ) {}

  call(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.task();
    }, this.ms);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
