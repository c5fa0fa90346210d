import type { Cutoffs } from '../store/retention-candidates';
import type { RetentionSettings } from './retention-config';

const DAY_MS = 24 * 60 * 60 * 1000;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();

/** What a pass at `now` may archive, by kind, and the time before which personal data is redacted (if it expires). */
export function cutoffsAt(settings: RetentionSettings, now: Date): { archive: Cutoffs; personalData: string | undefined } {
  return {
    archive: {
      jobs: daysBefore(now, settings.jobsDays),
      refused: daysBefore(now, settings.refusedDeliveriesDays),
      alerts: daysBefore(now, settings.alertHistoryDays),
    },
    personalData: settings.personalDataDays === undefined ? undefined : daysBefore(now, settings.personalDataDays),
  };
}
