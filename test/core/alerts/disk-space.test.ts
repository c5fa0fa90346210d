import { afterEach, describe, expect, it } from 'vitest';
import { DISK_BACK_BYTES, DiskSpaceWatch, LOW_DISK_BYTES, diskLow, statfsCheck } from '../../../electron/core/alerts/disk-space';
import type { ConsoleEvent } from '../../../shared/api/contract';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';

const MB = 1024 * 1024;
const GB = 1024 * MB;

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

describe('whether the data volume is low on space', () => {
  it('is low below 1 GiB, and back only above 1.25 GiB, so a disk at the edge does not sound again and again', () => {
    expect(diskLow(false, LOW_DISK_BYTES - 1)).toBe(true);
    expect(diskLow(false, LOW_DISK_BYTES)).toBe(false);
    expect(diskLow(true, LOW_DISK_BYTES + 100 * MB)).toBe(true);
    expect(diskLow(true, DISK_BACK_BYTES)).toBe(false);
  });

  it('reads the real disk of the data directory', async () => {
    const reading = await statfsCheck(tempDir('ic-disk-'));
    expect(reading.totalBytes).toBeGreaterThan(0);
    expect(reading.freeBytes).toBeGreaterThanOrEqual(0);
    expect(reading.freeBytes).toBeLessThanOrEqual(reading.totalBytes);
  });

  it('tells of each change once, and says once that a disk cannot be read', async () => {
    let free: number | Error = 5 * GB;
    const lines: string[] = [];
    let changes = 0;
    const watch = new DiskSpaceWatch({
      dir: '/data',
      check: async () => {
        if (free instanceof Error) throw free;
        return { freeBytes: free, totalBytes: 100 * GB };
      },
      everyMs: 60_000,
      changed: () => changes++,
      log: (line) => lines.push(line),
    });
    await watch.check();
    expect([watch.low(), changes]).toEqual([undefined, 0]);
    free = 300 * MB;
    await watch.check();
    await watch.check();
    expect([watch.low(), changes]).toEqual([{ freeBytes: 300 * MB, totalBytes: 100 * GB }, 1]);
    free = new Error('ENOSYS');
    await watch.check();
    await watch.check();
    expect(lines.filter((l) => l.includes('cannot be read'))).toEqual(['free disk space of /data cannot be read: ENOSYS']);
    free = 2 * GB;
    await watch.check();
    expect([watch.low(), changes]).toEqual([undefined, 2]);
  });
});

const diskAlert = (e: ConsoleEvent) => (e.type === 'alerts' ? e.active.find((a) => a.kind === 'disk-low') : undefined);

describe('the disk alert', () => {
  it('opens on every screen when free space runs low, and closes by itself once space is back', async () => {
    let free = 20 * GB;
    core = await startTestConsole(testConfig(), { disk: { check: async () => ({ freeBytes: free, totalBytes: 64 * GB }), everyMs: 20 } });
    free = 700 * MB;
    const opened = diskAlert(await core.waitForEvent((e) => diskAlert(e) !== undefined));
    expect(opened).toMatchObject({
      machineLabel: 'This console',
      title: "The console's disk is almost full",
      text: expect.stringContaining('Only 700 MB was free on the disk that holds the console'),
      action: expect.stringContaining('dataDir in Settings'),
    });
    const snapshot = await core.handlers.getSnapshot({});
    expect(snapshot.ok && snapshot.value.alerts.map((a) => a.kind)).toEqual(['disk-low']);

    const seen = core.events.length;
    free = 2 * GB;
    await core.waitForEvent((e) => core!.events.indexOf(e) >= seen && e.type === 'alerts' && !e.active.some((a) => a.kind === 'disk-low'));
    const history = await core.handlers.listAlertHistory({ limit: 5 });
    expect(history.ok && history.value.rows[0]).toMatchObject({ kind: 'disk-low', closedReason: 'free space on the disk is back' });
  });
});
