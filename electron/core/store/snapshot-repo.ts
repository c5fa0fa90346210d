import type { Db } from './database';

export interface StoredSnapshot {
  id: number;
  reviewId: number;
  machineId: string;
  takenAt: string;
  mime: string;
  image: Buffer;
}

/**
 * The camera's pictures kept beside OCR reviews (`review.keepSnapshots`; migration 15). Personal data: the personal-data
 * retention deletes them (retention-redaction.ts).
 */
export class SnapshotRepo {
  constructor(private readonly db: Db) {}

  add(s: Omit<StoredSnapshot, 'id'>): number {
    return Number(
      this.db
        .prepare('INSERT INTO review_snapshots (review_id, machine_id, taken_at, mime, image) VALUES (?, ?, ?, ?, ?)')
        .run(s.reviewId, s.machineId, s.takenAt, s.mime, s.image).lastInsertRowid,
    );
  }

  /** A review's pictures, oldest first. */
  ofReview(reviewId: number): StoredSnapshot[] {
    return this.db
      .prepare<[number], { id: number; review_id: number; machine_id: string; taken_at: string; mime: string; image: Buffer }>(
        'SELECT id, review_id, machine_id, taken_at, mime, image FROM review_snapshots WHERE review_id = ? ORDER BY id',
      )
      .all(reviewId)
      .map((r) => ({ id: r.id, reviewId: r.review_id, machineId: r.machine_id, takenAt: r.taken_at, mime: r.mime, image: r.image }));
  }
}
