import { afterEach, describe, expect, it } from 'vitest';
import { resolveRetention } from '../../../electron/core/retention/retention-config';
import { RetentionService } from '../../../electron/core/retention/retention-service';
import { retentionStore } from '../store/retention-harness';

/** The camera's pictures kept beside OCR reviews (review.keepSnapshots) follow the personal-data retention. */

let harness: ReturnType<typeof retentionStore> | undefined;
afterEach(() => {
  harness?.close();
  harness = undefined;
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function withPictures() {
  const h = retentionStore();
  harness = h;
  h.store.snapshots.add({ reviewId: 1, machineId: 'm1', takenAt: '2025-03-01T10:00:00.000Z', mime: 'image/png', image: PNG });
  h.store.snapshots.add({ reviewId: 2, machineId: 'm1', takenAt: '2025-08-30T10:00:00.000Z', mime: 'image/png', image: PNG });
  return h;
}

function pass(h: ReturnType<typeof retentionStore>, config: Parameters<typeof resolveRetention>[0]) {
  return new RetentionService({
    archive: h.store.archive,
    settings: resolveRetention(config),
    rebuilding: () => false,
    now: () => new Date('2025-09-01T00:00:00.000Z'),
    log: () => {},
    restMs: 0,
  }).pass();
}

describe('retention of the camera\'s pictures', () => {
  it('deletes the pictures older than retention.personalDataDays, and keeps the newer', async () => {
    const h = withPictures();
    await pass(h, { personalDataDays: 30 });
    expect(h.store.snapshots.ofReview(1)).toEqual([]);
    expect(h.store.snapshots.ofReview(2)).toHaveLength(1);
  });

  it('keeps them as long as their rows where personal data has no retention of its own', async () => {
    const h = withPictures();
    await pass(h, {});
    expect(h.store.snapshots.ofReview(1)).toHaveLength(1);
  });
});
