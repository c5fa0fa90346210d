import type { ConsoleEvent } from '../../../shared/api/contract';
import type { JobView, MachineView, RebuildProgress } from '../../../shared/api/views';
import type { AlertSync } from '../alerts/alert-sync';
import type { Outbox } from '../commands/outbox';
import { FEED_TOPICS } from '../feeds/feeds';
import type { Changes } from '../ingest/source';
import type { ReviewService } from '../reviews/review-service';
import type { DeliveryRepo } from '../store/delivery-repo';
import type { JobRepo } from '../store/job-repo';
import { jobView } from '../views';

export interface AnnouncerDeps {
  emit: (event: ConsoleEvent) => void;
  machineViews: () => MachineView[];
  alerts: AlertSync;
  outbox: Outbox;
  reviews: ReviewService;
  deliveries: DeliveryRepo;
  jobs: JobRepo;
  /** What the feeds add to a job in the queue (a failed print in words, the applicant's verification). */
  decorateJobs: (jobs: JobView[]) => JobView[];
  log: (line: string) => void;
}

/**
 * Turns what a group of deliveries changed into what the UI is told, and into the work that follows a change:
 * the outbox settles signals a newer message answered, reviews may be decided automatically, alerts follow.
 */
export function announcer(deps: AnnouncerDeps): (changes: Changes) => void {
  const { emit, outbox, reviews, log } = deps;
  return (changes) => {
    // Computed once, for the UI event and the alert rules alike.
    const machines = changes.machines.size > 0 ? deps.machineViews() : undefined;
    if (machines) emit({ type: 'machines', machines });
    // Each changed job as a page would list it (one indexed read for the group): the UI puts it on screen as it is,
    // without reading its pages again.
    if (changes.jobs.size > 0) emit({ type: 'jobs', jobs: deps.decorateJobs(deps.jobs.listed([...changes.jobs.values()]).map(jobView)) });
    const feedTopics = FEED_TOPICS.filter((t) => changes.topics.has(t));
    if (feedTopics.length > 0) emit({ type: 'feeds', topics: feedTopics });
    if (changes.topics.has('reviews')) {
      outbox.reviewsChanged();
      emit({ type: 'reviews', queue: reviews.queue() });
      reviews.decideAutomatically().catch((err: unknown) => log(`automatic decision failed: ${(err as Error).message}`));
    }
    if (changes.topics.has('deliveries')) emit({ type: 'deliveries', rejectedTotal: deps.deliveries.rejectedTotal() });
    if (machines || changes.topics.has('reviews') || changes.topics.has('conflicts')) deps.alerts.sync(machines);
  };
}

/** At most one progress event per this interval while the projections are rebuilt. */
const PROGRESS_EVERY_MS = 250;

/**
 * What the UI is told while the projections are rebuilt from the log: progress now and then, and at the end the
 * end itself (the UI then reads everything again) and every machine, review and feed as now folded.
 */
export function rebuildAnnouncer(
  emit: (event: ConsoleEvent) => void,
  announce: (changes: Changes) => void,
  machineIds: () => string[],
): (progress: RebuildProgress | undefined) => void {
  let last = 0;
  return (progress) => {
    if (progress) {
      if (Date.now() - last < PROGRESS_EVERY_MS) return;
      last = Date.now();
      emit({ type: 'projection', rebuilding: progress });
      return;
    }
    emit({ type: 'projection', rebuilding: null });
    announce({ machines: new Set(machineIds()), jobs: new Map(), topics: new Set(['reviews', ...FEED_TOPICS]) });
  };
}
