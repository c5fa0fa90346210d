import { Agenda } from './agenda';
import type { Job } from './job';
import { Doorbell, type Pacer } from './pacer';
import type { WebhookPoster } from './webhook-poster';

/**
 * The scheduler's one loop, in machine time: an agenda of due steps, run one at a time, each only once every webhook
 * sent so far is answered, so a scenario's messages come out in the same order on every run; the pacer only decides
 * how long real time that takes. What the outside world does (REST calls, the trainee) rings the doorbell to wake it.
 */
export class RunLoop {
  private readonly agenda = new Agenda();
  private machineClock = 0;
  private readonly doorbell = new Doorbell();
  private closed = false;
  private waiting = false;
  private settleWaiters: (() => void)[] = [];

  /** `halted`: nothing may run now (the transport is stopped), whatever is due. */
  constructor(
    private readonly poster: WebhookPoster,
    private readonly pacer: Pacer,
    private readonly halted: () => boolean,
  ) {
    void this.loop();
  }

  /** Machine time now: when the step running now was due. */
  get clock(): number {
    return this.machineClock;
  }

  /** Runs `run` at machine time `at` (for `job`, so that it is forgotten with the job). */
  at(at: number, job: Job | undefined, run: () => void): void {
    this.agenda.add(at, job, run);
  }

  /** Runs `run` `machineMs` from now. */
  after(machineMs: number, job: Job | undefined, run: () => void): void {
    this.agenda.add(this.machineClock + machineMs, job, run);
  }

  /** Runs `run` now, before everything already due. */
  first(job: Job | undefined, run: () => void): void {
    this.agenda.addFirst(this.machineClock, job, run);
  }

  /** Forgets what a job still had to do. */
  dropJob(job: Job): void {
    this.agenda.dropJob(job);
  }

  /** Forgets every entry not tied to a job (the next card's feed). */
  dropUnowned(): void {
    this.agenda.dropUnowned();
  }

  clear(): void {
    this.agenda.clear();
  }

  /** Resolves when the machine waits for the outside world (a signal, Resume, Stop, Start) and every message is answered. */
  settled(): Promise<void> {
    if (this.closed || (this.waiting && this.poster.idle)) return Promise.resolve();
    return new Promise((resolve) => this.settleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.doorbell.ring();
    this.releaseSettled();
  }

  /** Something changed what the machine should do: the loop looks again. */
  kick(): void {
    this.waiting = false;
    this.doorbell.ring();
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      // The machine goes on only once the console has answered everything it was sent.
      await this.poster.whenIdle();
      if (this.closed) break;
      const next = this.halted() ? undefined : this.agenda.peek();
      if (!next) {
        const bell = this.doorbell.wait();
        this.waiting = true;
        if (this.poster.idle) this.releaseSettled();
        await bell;
        continue;
      }
      const slept = await this.pacer.sleep(Math.max(0, next.at - this.machineClock), this.doorbell.signal);
      // Woken early: what is due may have changed (an abort empties the agenda). Look again.
      if (!slept || this.agenda.peek() !== next) continue;
      this.agenda.shift();
      this.machineClock = Math.max(this.machineClock, next.at);
      next.run();
    }
  }

  private releaseSettled(): void {
    const waiters = this.settleWaiters;
    this.settleWaiters = [];
    for (const w of waiters) w();
  }
}
