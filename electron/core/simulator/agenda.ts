import type { Job } from './job';

interface Entry {
  at: number;
  seq: number;
  job: Job | undefined;
  run: () => void;
}

/**
 * What the machine will do next, in machine time. Entries due at the same time run in the order they were added,
 * so the sequence never depends on timers firing in a particular order.
 */
export class Agenda {
  private entries: Entry[] = [];
  private seq = 0;

  add(at: number, job: Job | undefined, run: () => void): void {
    const entry = { at, seq: this.seq++, job, run };
    const index = this.entries.findIndex((e) => e.at > at);
    if (index === -1) this.entries.push(entry);
    else this.entries.splice(index, 0, entry);
  }

  /** Runs before everything already due: what Resume retries comes first (AIDA keeps the order of suspension). */
  addFirst(at: number, job: Job | undefined, run: () => void): void {
    this.entries.unshift({ at, seq: this.seq++, job, run });
  }

  peek(): Entry | undefined {
    return this.entries[0];
  }

  shift(): Entry | undefined {
    return this.entries.shift();
  }

  /** Forgets what a job still had to do (it was cancelled or faulted). */
  dropJob(job: Job): void {
    this.entries = this.entries.filter((e) => e.job !== job);
  }

  /** Forgets every entry not tied to a job (the next card's feed). */
  dropUnowned(): void {
    this.entries = this.entries.filter((e) => e.job !== undefined);
  }

  clear(): void {
    this.entries = [];
  }
}
