import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { AidaSource } from '../../../electron/core/ingest/aida-source';
import { IngestQueue } from '../../../electron/core/ingest/ingest-queue';
import { keepingJobMetadata } from '../../../electron/core/ingest/job-metadata';
import type { SourceHandler } from '../../../electron/core/ingest/source';
import { archivePath } from '../../../electron/core/store/archive-files';
import { openDatabase, type Db } from '../../../electron/core/store/database';
import { Store } from '../../../electron/core/store/store';
import { tempDir } from '../../helpers/core';

/** A time of 2025 (day `day` of March, at the given second): older than any retention a test runs at. */
export const march2025 = (day: number, second = 0) => new Date(Date.UTC(2025, 2, day, 10, 0, second)).toISOString();

/**
 * The store as the console writes it: AIDA messages go through the real ingest queue (delivery, logged event, then
 * the projections), each with the arrival time the test gives.
 */
export interface RetentionStore {
  dataDir: string;
  db: Db;
  store: Store;
  source: SourceHandler;
  deliver(message: Record<string, unknown>, at: string): Promise<void>;
  deliverAll(messages: readonly (readonly [message: Record<string, unknown>, at: string])[]): Promise<void>;
  release(): void;
  count(table: string, where?: string): number;
  archive(year: number): Database.Database;
  close(): void;
}

export function retentionStore(): RetentionStore {
  const dataDir = tempDir('ic-retention-');
  const db: Db = openDatabase({ dataDir, durability: 'crash' });
  const store = new Store(db);
  const source = keepingJobMetadata(new AidaSource(store, () => [{ id: 'm1' }]), store.verifications);
  const ingest = new IngestQueue(store, [source], () => {});
  return {
    dataDir,
    db,
    store,
    source,
    /** Logs and folds one message as if it had arrived at `at`. */
    async deliver(message: Record<string, unknown>, at: string): Promise<void> {
      await this.deliverAll([[message, at]]);
    },
    /** Logs many in one group commit, then folds them. */
    async deliverAll(messages: readonly (readonly [message: Record<string, unknown>, at: string])[]): Promise<void> {
      const answers = messages.map(([message, at]) => {
        const body = Buffer.from(JSON.stringify(message));
        return ingest.submit({ source: 'aida', receivedAt: at, remoteAddr: undefined, headers: {}, body, bodyLength: body.length, json: message });
      });
      ingest.flush();
      await Promise.all(answers);
      ingest.projectPending();
    },
    /** Closes the database and leaves the data directory, for a console to open. */
    release(): void {
      ingest.close();
      db.close();
    },
    count(table: string, where = '1'): number {
      return db.prepare<[], number>(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() ?? 0;
    },
    /** The archive of a year, opened on its own (read-only), as another process would read it. */
    archive(year: number): Database.Database {
      return new Database(archivePath(dataDir, year), { readonly: true });
    },
    close(): void {
      ingest.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const countIn = (db: Database.Database, table: string, where = '1'): number =>
  db.prepare<[], number>(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() ?? 0;
