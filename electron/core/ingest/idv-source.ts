import { alertReason, type AlertRules } from '../../../shared/idv/alert-rules';
import { idvDedupeKey, parseIdvMessage, type IdvMessage } from '../../../shared/idv/message';
import { WEBHOOK_RESULTS, outcomeOf, termText } from '../../../shared/idv/vocabulary';
import { applyVerification } from '../domain/idv/verification';
import type { ActivityRepo } from '../store/activity-repo';
import type { FeedAlertRepo } from '../store/feed-alert-repo';
import { processKey, type IdvRepo } from '../store/idv-repo';
import type { JobRepo } from '../store/job-repo';
import { IDV_SOURCE } from '../webhooks/idv-route';
import { jobChangeKey } from './aida-source';
import type { Changes, Delivery, ParsedEvent, SourceHandler, StoredEvent } from './source';

const ALERT_TITLES: Record<string, string> = {
  failed: 'Identity NOT verified',
  expired: 'Identity verification expired',
};

/**
 * Identity-verification webhooks: one verification per processId, deduplicated on processId + state + result as the
 * vendor delivers at least once. Whether a delivery alerts is decided when it arrives, under the rules then in force,
 * and kept in the log, so a rebuild raises exactly the alerts that were raised.
 */
export class IdvSource implements SourceHandler {
  readonly source = IDV_SOURCE;
  readonly projectionTables = ['idv_verifications', 'feed_alerts', 'feed_activity'];
  private readonly repo: IdvRepo;
  private readonly activity: ActivityRepo;
  private readonly alerts: FeedAlertRepo;
  private readonly jobs: JobRepo;

  constructor(
    repos: { verifications: IdvRepo; activity: ActivityRepo; feedAlerts: FeedAlertRepo; jobs: JobRepo },
    private readonly rules: () => AlertRules,
    private readonly linkMetadataKey: () => string | undefined,
  ) {
    this.repo = repos.verifications;
    this.activity = repos.activity;
    this.alerts = repos.feedAlerts;
    this.jobs = repos.jobs;
  }

  parse(delivery: Delivery): ParsedEvent {
    const parsed = parseIdvMessage(delivery.json, delivery.json !== undefined);
    const alert = alertReason(parsed, this.rules());
    const message: IdvMessage = alert ? { ...parsed, alert } : parsed;
    const dedupeKey = idvDedupeKey(message);
    return {
      ...(dedupeKey ? { dedupeKey } : {}),
      type: message.result ?? message.state ?? (message.readable ? 'unknown' : 'unreadable'),
      subject: IDV_SOURCE,
      message,
    };
  }

  project(event: StoredEvent, changes: Changes): void {
    const m = event.message as IdvMessage;
    const processId = m.processId;
    if (!processId) {
      this.activity.add(
        {
          seq: event.seq,
          at: event.receivedAt,
          event: 'Identity verification',
          known: false,
          kind: 'unknown',
          headline: m.readable ? 'Identity verification delivery without a processId' : 'Identity verification — body unreadable',
          readable: m.readable,
          numbers: [],
          flags: [],
          notes: m.notes,
          fields: [],
        },
        IDV_SOURCE,
      );
      changes.topics.add('activity');
      return;
    }
    const state = applyVerification(this.repo.get(processId), { ...m, processId }, event.receivedAt);
    this.repo.put(state, event.seq);
    changes.topics.add('verifications');
    if (m.alert) {
      const outcome = outcomeOf(m.result);
      const title = ALERT_TITLES[outcome] ?? `Identity verification: ${termText(WEBHOOK_RESULTS, m.result) ?? m.result ?? m.state ?? 'alert'}`;
      this.alerts.raise({
        id: `idv:${processKey(processId)}:${event.seq}`,
        source: 'idv',
        kind: 'verification',
        title,
        // The reason repeats the title for a plain result; it says more for an event or an expiry.
        text: `${m.alert === title ? '' : `${m.alert}. `}Process ${processId}${m.flow ? `, flow ${m.flow}` : ''}.`,
        subject: processId,
        at: event.receivedAt,
        seq: event.seq,
      });
      changes.topics.add('alerts');
    }
    // The queue shows a job's applicant verification: the jobs this process gates are shown again.
    for (const linked of this.repo.linkedJobs(processId, this.linkMetadataKey())) {
      const job = this.jobs.get(linked.machineId, linked.key);
      if (job) changes.jobs.set(jobChangeKey(linked.machineId, linked.key), job);
    }
  }
}
