import { dirname } from 'node:path';
import { narrow, privateFile } from '../files/private';
import { archivePath } from './archive-files';
import { ARCHIVE_TABLES, ensureArchiveSchema, liveColumns, type ArchiveTable } from './archive-schema';
import type { Db } from './database';

/** Rows that leave the live file together, by table: rowids (a job's, an event's seq, a delivery's id...). */
export type MoveSet = Partial<Record<Exclude<ArchiveTable, 'meta'>, number[]>>;

export type MoveCounts = Partial<Record<Exclude<ArchiveTable, 'meta'>, number>>;

/** The tables whose newest row is the id high-water mark (migration 9): it never leaves. */
const HIGH_WATER = [
  ['reviews', 'id'],
  ['commands', 'id'],
  ['alerts', 'id'],
  ['deliveries', 'id'],
  ['events', 'seq'],
] as const;

/** Deleted children first: a command before its review, an event before its delivery. */
const DELETE_ORDER = [...ARCHIVE_TABLES].filter((t): t is Exclude<ArchiveTable, 'meta'> => t !== 'meta').reverse();

/**
 * Moves rows from the live file into the archive of a year, attached to the live connection. Each move is two
 * transactions in one synchronous turn: the archive's copy commits (durably) first, then the live file's delete. In WAL
 * mode SQLite makes a transaction over two files atomic per file only, and in this order a crash between them leaves
 * rows in both files (the next move copies them again, over themselves), never in neither.
 */
export class ArchiveMover {
  private readonly attached = new Set<number>();
  private readonly dataDir: string;

  constructor(private readonly db: Db) {
    this.dataDir = dirname(db.name);
  }

  /** The newest id of each high-water table: rows a move may never take. */
  newest(): Record<(typeof HIGH_WATER)[number][0], number> {
    const out = {} as Record<(typeof HIGH_WATER)[number][0], number>;
    for (const [table, id] of HIGH_WATER) out[table] = this.db.prepare<[], number>(`SELECT coalesce(max(${id}), 0) FROM ${table}`).pluck().get() ?? 0;
    return out;
  }

  /** Copies the set into `year`'s archive, then deletes it from the live file. Returns the rows moved per table. */
  move(year: number, set: MoveSet): MoveCounts {
    const schema = this.attach(year);
    const ids = (table: Exclude<ArchiveTable, 'meta'>) => JSON.stringify(set[table] ?? []);
    const tables = DELETE_ORDER.filter((t) => (set[t]?.length ?? 0) > 0);
    this.db.transaction(() => {
      for (const table of [...tables].reverse()) {
        const cols = liveColumns(this.db, table);
        this.db
          .prepare(`INSERT OR REPLACE INTO ${schema}.${table} (${cols}) SELECT ${cols} FROM main.${table} WHERE rowid IN (SELECT value FROM json_each(?))`)
          .run(ids(table));
      }
    })();
    const counts: MoveCounts = {};
    // The set holds every child of each parent it deletes (an event of each delivery, a command of each review), deleted
    // first. SQLite would check that again by scanning the whole child table once per parent row (no index on
    // events.delivery_id: one would cost every ingest), so the check is off for this transaction alone.
    this.db.pragma('foreign_keys = OFF');
    try {
      this.db.transaction(() => {
        for (const table of tables) {
          counts[table] = this.db.prepare(`DELETE FROM main.${table} WHERE rowid IN (SELECT value FROM json_each(?))`).run(ids(table)).changes;
        }
      })();
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
    return counts;
  }

  /** The attached schema of a year's archive, created (private, WAL, fsynced commits) on first use. */
  attach(year: number): string {
    const schema = `archive_${year}`;
    if (this.attached.has(year)) return schema;
    const path = archivePath(this.dataDir, year);
    privateFile(path);
    this.db.prepare('ATTACH DATABASE ? AS ' + schema).run(path);
    this.attached.add(year);
    this.db.pragma(`${schema}.journal_mode = WAL`);
    this.db.pragma(`${schema}.synchronous = FULL`);
    narrow([`${path}-wal`, `${path}-shm`]);
    this.db.transaction(() => ensureArchiveSchema(this.db, schema))();
    return schema;
  }

  /** Detaches every archive: between passes, so the live connection holds no other file open. */
  detachAll(): void {
    for (const year of this.attached) {
      this.db.pragma(`archive_${year}.wal_checkpoint(TRUNCATE)`);
      this.db.exec(`DETACH DATABASE archive_${year}`);
    }
    this.attached.clear();
  }
}
