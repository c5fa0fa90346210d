import type { Db } from './database';

/** How much the log keeps of refused deliveries, together: past either cap, the oldest are pruned. */
export interface RefusedRetention {
  maxCount: number;
  /** Bytes of body, headers and reason, together. */
  maxBytes: number;
}

/**
 * Enough to read the latest refusals after a misconfiguration or an attack (at most 1 MiB of body each), small beside
 * the free space the disk alert asks for (1 GiB).
 */
export const DEFAULT_REFUSED_RETENTION: RefusedRetention = { maxCount: 10_000, maxBytes: 100 * 1024 * 1024 };

/**
 * Body bytes kept of a delivery refused for want of authentication (401: no or wrong token, signature or credentials;
 * 403: a source address or a web page that is not allowed): enough to see what it was. Its sender proved nothing, so
 * it must not be able to fill the disk with what it posts; the other refusals (400, 413) keep their first MiB.
 */
export const UNAUTHENTICATED_EXCERPT_BYTES = 4096;

export const isUnauthenticatedRefusal = (status: number): boolean => status === 401 || status === 403;

/** What the log keeps of a refused delivery's body. */
export function keptOfRefused(status: number, body: Buffer): Buffer {
  return isUnauthenticatedRefusal(status) && body.length > UNAUTHENTICATED_EXCERPT_BYTES ? body.subarray(0, UNAUTHENTICATED_EXCERPT_BYTES) : body;
}

/** A row's stored bytes, as SQL measures them (UTF-8 text, blob length), so that totals and prunes agree. */
const SIZE = 'length(body) + length(CAST(headers AS BLOB)) + coalesce(length(CAST(reason AS BLOB)), 0)';

const KEPT_KEY = 'refused_kept';
const PRUNED_KEY = 'refused_pruned';
/** Oldest rows read per step of a prune: one step covers any ordinary overshoot (one delivery over a cap). */
const PRUNE_STEP = 64;

/**
 * The refused deliveries' totals and their cap. Totals live in the meta table and change in the transaction that
 * inserts or prunes, so a rolled-back group leaves them exact; they are counted again from the table at every open.
 * Only refused deliveries are ever pruned: accepted ones are the log the projections are folded from.
 */
export class RefusedDeliveries {
  private readonly getMeta;
  private readonly setMeta;
  private readonly sizeOf;
  private readonly oldest;
  private readonly prune;

  constructor(
    db: Db,
    private readonly retention: RefusedRetention = DEFAULT_REFUSED_RETENTION,
  ) {
    this.getMeta = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
    this.setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    this.sizeOf = db.prepare<[number], number>(`SELECT ${SIZE} FROM deliveries WHERE id = ?`).pluck();
    this.oldest = db.prepare<[number, number], { id: number; size: number }>(
      `SELECT id, ${SIZE} AS size FROM deliveries WHERE outcome = 'rejected' AND id < ? ORDER BY id LIMIT ?`,
    );
    this.prune = db.prepare<[number]>("DELETE FROM deliveries WHERE outcome = 'rejected' AND id <= ?");
    const counted = db
      .prepare<[], { count: number; bytes: number }>(`SELECT count(*) AS count, coalesce(sum(${SIZE}), 0) AS bytes FROM deliveries WHERE outcome = 'rejected'`)
      .get() ?? { count: 0, bytes: 0 };
    this.save(counted);
  }

  /** How many refused deliveries are kept now, and their bytes. */
  kept(): { count: number; bytes: number } {
    const value = this.getMeta.get(KEPT_KEY);
    return value === undefined ? { count: 0, bytes: 0 } : (JSON.parse(value) as { count: number; bytes: number });
  }

  /** How many refused deliveries were pruned to keep within the caps, ever. */
  pruned(): number {
    return Number(this.getMeta.get(PRUNED_KEY) ?? 0);
  }

  /**
   * Counts a refused delivery just inserted (in the caller's transaction), then prunes the oldest others until the
   * caps hold again. The newest is never pruned, so a refusal is always there to read after it is answered.
   */
  added(id: number): void {
    const kept = this.kept();
    kept.count += 1;
    kept.bytes += this.sizeOf.get(id) ?? 0;
    let pruned = 0;
    let last = 0;
    while (kept.count > this.retention.maxCount || kept.bytes > this.retention.maxBytes) {
      const rows = this.oldest.all(id, PRUNE_STEP).filter((r) => r.id > last);
      if (rows.length === 0) break;
      for (const row of rows) {
        if (kept.count <= this.retention.maxCount && kept.bytes <= this.retention.maxBytes) break;
        kept.count -= 1;
        kept.bytes -= row.size;
        pruned += 1;
        last = row.id;
      }
      this.prune.run(last);
    }
    this.save(kept);
    if (pruned > 0) this.setMeta.run(PRUNED_KEY, String(this.pruned() + pruned));
  }

  private save(kept: { count: number; bytes: number }): void {
    this.setMeta.run(KEPT_KEY, JSON.stringify(kept));
  }
}
