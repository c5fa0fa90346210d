import type { BackupRecord } from '../store/backup-repo';

/** A backup older than this while the console runs is stale: a day, and room for a slow copy and a retry. */
export const STALE_MS = 26 * 3600 * 1000;

export type BackupAlert = { kind: 'backup-failed'; detail: string } | { kind: 'backup-stale'; detail: string };

/**
 * Which backup alert should be open. Pure. A failed last backup wins; otherwise the newest good one must be younger
 * than STALE_MS, counted from the console's start at the earliest (a console switched off for a week backs up soon
 * after it starts, and is not stale before it had the chance).
 */
export function backupAlert(input: {
  latest: BackupRecord | undefined;
  latestGood: BackupRecord | undefined;
  runningSince: Date;
  now: Date;
}): BackupAlert | undefined {
  const { latest, latestGood } = input;
  if (latest?.result === 'failed') return { kind: 'backup-failed', detail: latest.detail ?? 'no reason recorded' };
  const since = Math.max(latestGood ? Date.parse(latestGood.startedAt) : 0, input.runningSince.getTime());
  if (input.now.getTime() - since > STALE_MS) return { kind: 'backup-stale', detail: latestGood?.startedAt ?? '' };
  return undefined;
}

/** When the next daily backup is due: a day after the last one, an hour after a failed one, now if there is none. */
export function nextBackupDue(latest: BackupRecord | undefined, timing: { everyMs: number; retryMs: number }, now: number): number {
  if (!latest) return now;
  return Date.parse(latest.startedAt) + (latest.result === 'failed' ? timing.retryMs : timing.everyMs);
}
