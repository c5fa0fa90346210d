import { isStorageFault } from '../store/storage-fault';
import type { Store } from '../store/store';
import { projectEvents } from './projector';
import { hasChanges, noChanges, type Changes, type Delivery, type ParsedEvent, type SourceHandler, type StoredEvent } from './source';

export type { Delivery };

/** How long acknowledged events may wait before they are folded into the projections (when nobody reads first). */
const PROJECTION_WINDOW_MS = 20;

export interface IngestResult {
  deliveryId: number;
  outcome: 'accepted' | 'duplicate' | 'rejected';
  status: number;
  reason?: string;
}

type Settled = { ok: true; result: IngestResult } | { ok: false; error: Error };

interface WrittenGroup {
  settled: Settled[];
  changes: Changes;
  logged: StoredEvent[];
}

interface Pending {
  delivery: Delivery;
  /** An event the console records itself (reconciliation): no delivery row, same log and projections. */
  internal?: ParsedEvent;
  resolve: (result: IngestResult) => void;
  reject: (err: Error) => void;
}

/**
 * Writes deliveries to SQLite and acknowledges each only after its transaction has committed, then folds the new
 * events into the projections.
 *
 * Group commit: deliveries that arrive while a write is under way wait in memory (not yet acknowledged) and the next
 * flush writes them all in one transaction, so with synchronous=FULL one fsync covers the whole group.
 *
 * The acknowledgement waits for the log (delivery and parsed event), not for the projections (jobs, machine state,
 * reviews): those are folded right after, in a batch of their own, and are rebuilt from the log at start-up up to the
 * last event they had folded. A crash between the two loses nothing acknowledged; it only defers the folding.
 */
export class IngestQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private unprojected: StoredEvent[] = [];
  private projectionScheduled = false;
  private closed = false;
  /** While the projections are rebuilt from the log, new events are only logged: the rebuild folds them. */
  private held = false;
  private readonly sources: Map<string, SourceHandler>;

  constructor(
    private readonly store: Store,
    sources: readonly SourceHandler[],
    private readonly onCommitted: (changes: Changes) => void,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.sources = new Map(sources.map((s) => [s.source, s]));
  }

  /**
   * Stores a delivery (in the next group commit) and resolves once it is committed, with the answer for its sender.
   * Rejects only when the storage failed and nothing of the group was committed: the sender should retry (503).
   */
  submit(delivery: Delivery): Promise<IngestResult> {
    return this.enqueue({ delivery });
  }

  /** Appends an event of the console's own to the log of `source`, projected like a webhook's. */
  async record(source: string, event: ParsedEvent, at: string): Promise<void> {
    const delivery: Delivery = { source, receivedAt: at, remoteAddr: undefined, headers: {}, body: Buffer.alloc(0), bodyLength: 0 };
    await this.enqueue({ delivery, internal: event });
  }

  private enqueue(item: { delivery: Delivery; internal?: ParsedEvent }): Promise<IngestResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ...item, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes everything queued now. Also called on shutdown so no accepted request is left unanswered. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let group: WrittenGroup;
    try {
      group = this.writeGroup(batch);
    } catch (err) {
      // The storage failed (disk full, I/O error) and nothing was committed: no delivery's fault, so every delivery of
      // the group gets a 503 and its sender retries.
      this.log(`group of ${batch.length} not stored: ${(err as Error).message}`);
      for (const p of batch) p.reject(err as Error);
      return;
    }
    const { settled, changes, logged } = group;
    batch.forEach((p, i) => {
      const s = settled[i] as Settled;
      if (s.ok) p.resolve(s.result);
      else p.reject(s.error);
    });
    if (hasChanges(changes)) this.onCommitted(changes);
    if (this.held) return;
    this.unprojected.push(...logged);
    if (!this.projectionScheduled && this.unprojected.length > 0) {
      this.projectionScheduled = true;
      // After the acknowledgements have gone out, and gathered over a short window: under load one fold (and one
      // announcement to the UI) then covers many groups. API reads fold at once, so nothing read is ever stale.
      setTimeout(() => this.projectPending(), PROJECTION_WINDOW_MS);
    }
  }

  /**
   * Writes a group in one transaction. When something one delivery holds makes that throw, the group is written again
   * with each delivery in a savepoint of its own, so that only that delivery fails: nothing one delivery contains can
   * fail another's commit. Throws only when the storage itself fails (nothing is committed then).
   */
  private writeGroup(batch: readonly Pending[]): WrittenGroup {
    const changes = noChanges();
    const logged: StoredEvent[] = [];
    try {
      // One transaction and no savepoints: the common case, at the cost of one fsync for the whole group.
      const results = this.store.transaction(() => batch.map((p) => this.write(p.delivery, changes, logged, p.internal)));
      return { settled: results.map((result) => ({ ok: true, result })), changes, logged };
    } catch (err) {
      if (isStorageFault(err)) throw err;
    }
    const alone = { changes: noChanges(), logged: [] as StoredEvent[] };
    const settled = this.store.transaction(() => batch.map((p) => this.writeAlone(p, alone.changes, alone.logged)));
    return { settled, ...alone };
  }

  /** One delivery in its own savepoint. When it fails (not the storage), it is kept raw with why, and answered 500. */
  private writeAlone(p: Pending, changes: Changes, logged: StoredEvent[]): Settled {
    try {
      return { ok: true, result: this.store.transaction(() => this.write(p.delivery, changes, logged, p.internal)) };
    } catch (err) {
      if (isStorageFault(err)) throw err;
      const message = (err as Error).message.slice(0, 300);
      this.log(`${p.internal ? 'internal event' : 'delivery'} of source ${p.delivery.source} not logged: ${message}`);
      if (p.internal) return { ok: false, error: err as Error };
      // A bug, since every bad input is refused before the transaction: the delivery is still recorded, with the
      // error, and its sender is told so (a 500, so it may retry once the console is fixed).
      const reason = `internal error, not logged as an event: ${message}`.toWellFormed();
      try {
        const deliveryId = this.store.transaction(() => this.store.log.addDelivery({ ...p.delivery, outcome: 'rejected', status: 500, reason }));
        changes.topics.add('deliveries');
        return { ok: true, result: { deliveryId, outcome: 'rejected', status: 500, reason } };
      } catch (again) {
        if (isStorageFault(again)) throw again;
        return { ok: false, error: again as Error };
      }
    }
  }

  /**
   * Folds every logged-but-unprojected event into the projections, in one transaction. Readers call it first, so
   * what the API answers always includes every acknowledged message.
   */
  projectPending(): void {
    this.projectionScheduled = false;
    if (this.closed || this.held) return;
    const events = this.unprojected;
    if (events.length === 0) return;
    this.unprojected = [];
    const changes = noChanges();
    try {
      // The log is durable already; the projections can be rebuilt from it, so their commit needs no fsync.
      this.store.withoutFsync(() => this.store.transaction(() => projectEvents(this.store, this.sources, events, changes, this.log)));
    } catch (err) {
      this.log(`projection of events ${events[0]?.seq ?? '?'}-${events.at(-1)?.seq ?? '?'} failed: ${(err as Error).message}`);
    }
    if (hasChanges(changes)) this.onCommitted(changes);
  }

  /** Leaves folding to a rebuild of the projections: events are logged and acknowledged, and the rebuild reads them. */
  hold(): void {
    this.held = true;
    this.unprojected = [];
  }

  /** The rebuild has folded the log to its end: events from now on are folded here again. */
  release(): void {
    this.held = false;
  }

  /** Writes and folds everything still queued; after it, timers left behind touch nothing (the database closes). */
  close(): void {
    this.flush();
    this.projectPending();
    this.closed = true;
  }

  private write(d: Delivery, changes: Changes, logged: StoredEvent[], internal?: ParsedEvent): IngestResult {
    const record = (outcome: IngestResult['outcome'], status: number, reason?: string): number =>
      this.store.log.addDelivery({ ...d, outcome, status, reason });

    if (d.rejection) {
      const id = record('rejected', d.rejection.status, d.rejection.reason);
      changes.topics.add('deliveries');
      return { deliveryId: id, outcome: 'rejected', status: d.rejection.status, reason: d.rejection.reason };
    }
    const handler = this.sources.get(d.source);
    if (!handler) throw new Error(`no handler for webhook source ${d.source}`);
    const parsed = internal ?? handler.parse(d);
    const deliveryId = internal ? null : record('accepted', 200);
    const { subject, type, message, dedupeKey } = parsed;
    const seq = this.store.log.append({ deliveryId, source: d.source, subject, dedupeKey, type, receivedAt: d.receivedAt, message });
    if (seq === undefined) {
      const existing = dedupeKey === undefined ? undefined : this.store.log.seqOf(d.source, dedupeKey);
      // Ignored for anything but a repeat would mean an unstored message: fail the delivery rather than acknowledge it.
      if (existing === undefined) throw new Error(`event of delivery ${deliveryId ?? '(internal)'} was not stored`);
      if (!this.store.log.sameMessage(existing, message)) {
        // The same key with another body is not a retry: kept and alerted on, but applied to nothing, since which of
        // the two is true cannot be told.
        const record = { deliveryId, source: d.source, subject, dedupeKey, type, receivedAt: d.receivedAt, message };
        const conflict = this.store.log.appendConflict(record, existing);
        this.store.log.markDelivery(deliveryId, `reuses the key of event ${existing} with a different body: kept as event ${conflict}, not applied`);
        changes.topics.add('conflicts');
        return { deliveryId: deliveryId ?? 0, outcome: 'duplicate', status: 200, reason: 'a different message under the same MessageId: kept, not applied' };
      }
      this.store.log.recordRepeat(existing, deliveryId, `duplicate of ${dedupeKey ?? ''}`);
      return { deliveryId: deliveryId ?? 0, outcome: 'duplicate', status: 200 };
    }
    logged.push({ seq, source: d.source, subject, type, receivedAt: d.receivedAt, message });
    return { deliveryId: deliveryId ?? 0, outcome: 'accepted', status: 200 };
  }
}
