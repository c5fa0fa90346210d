import type { CancelledGroup } from '../../store/jobs-slice';
import { jobRefKey } from '../../store/jobs-slice';
import type { ConsoleState } from '../../store/types';

/** Height of one job row, in pixels: every row is as tall, so 100,000 of them scroll without being measured. */
export const ROW_HEIGHT = 76;
/** Height of the line that says a group is loading, empty, or could not be fetched. */
export const NOTE_HEIGHT = 52;

/** How much taller a source job's row is while the jobs its error cancelled are shown under it. */
export function groupHeight(group: CancelledGroup | undefined): number {
  if (!group) return 0;
  if (group.jobs.state !== 'loaded' || group.jobs.value.length === 0) return NOTE_HEIGHT;
  return group.jobs.value.length * ROW_HEIGHT;
}

const NONE: Record<number, number> = {};

/** The extra height of each row on screen whose cancelled jobs are open, by row index (select with useShallow). */
export function selectGroupExtras(s: ConsoleState): Record<number, number> {
  if (Object.keys(s.cancelledGroups).length === 0) return NONE;
  const extras: Record<number, number> = {};
  for (const [index, job] of Object.entries(s.jobRows.rows)) {
    const group = s.cancelledGroups[jobRefKey(job)];
    if (group) extras[Number(index)] = groupHeight(group);
  }
  return extras;
}
