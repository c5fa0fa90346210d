import { createHash } from 'node:crypto';
import type { Counters } from './counters';

/**
 * Identifiers as AIDA shapes them (32 hex digits for MessageId and WorkflowInstanceId), derived from a seed and a
 * counter: the same seed gives the same ids in the same order, so a scenario's message sequence can be compared
 * byte for byte between runs. Numbers (job ids, job instance ids) are plain counters, like a database identity.
 */
export class IdSource {
  constructor(
    private readonly seed: string,
    private readonly counters: Counters,
  ) {}

  hex(kind: string): string {
    const n = this.counters.next(kind);
    return createHash('sha256').update(`${this.seed}\u0000${kind}\u0000${n}`).digest('hex').slice(0, 32);
  }

  number(kind: string): number {
    return this.counters.next(kind);
  }
}
