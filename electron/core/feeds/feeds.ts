import type { ConsoleHandlers } from '../../../shared/api/dispatch';
import type { FeedSettings, FeedTopic, FeedsSnapshot } from '../../../shared/api/feeds';
import { fail, ok } from '../../../shared/api/result';
import { resolveSources, type IdvSettings, type RapidadminSettings } from '../config/sources';
import type { Store } from '../store/store';
import { idvRoute } from '../webhooks/idv-route';
import type { WebhookRoute } from '../webhooks/listener';
import { rapidadminRoute } from '../webhooks/rapidadmin-route';
import { PrintFeed } from './print-feed';
import { VerificationFeed } from './verification-feed';

export type FeedHandlers = Pick<ConsoleHandlers, 'getFeeds' | 'acknowledgeFeedAlert' | 'setVerificationAlertRules' | 'fetchVerificationDetails'>;
type JobReadHandlers = Pick<ConsoleHandlers, 'listJobs' | 'getJobDetail'>;

/** The topics of Changes this module's sources set, announced to the UI as one `feeds` event. */
export const FEED_TOPICS: readonly FeedTopic[] = ['activity', 'verifications', 'alerts'];

export interface FeedsOptions {
  /** Absent: the defaults of an empty config file. */
  rapidadmin?: RapidadminSettings | undefined;
  idv?: IdvSettings | undefined;
  /** Who acts from this console: OS user at station. */
  actor: string;
  emit: (topics: FeedTopic[]) => void;
  now?: () => string;
}

const ACTIVITY_SHOWN = 100;
const VERIFICATIONS_SHOWN = 200;
const ACKNOWLEDGED_ALERTS_SHOWN = 50;

/**
 * The two feeds beside the machines, RapIDadmin's prints and identity verification, as the API shows them together:
 * one activity list, one list of their alerts, their endpoints, and what they add to a job in the queue.
 */
export class Feeds {
  readonly prints: PrintFeed;
  readonly verifications: VerificationFeed;
  private readonly now: () => string;
  private readonly rapidadmin: RapidadminSettings;
  private readonly idv: IdvSettings;
  private origins: string[] = [];

  constructor(
    private readonly store: Store,
    private readonly options: FeedsOptions,
  ) {
    const defaults = resolveSources({});
    this.now = options.now ?? (() => new Date().toISOString());
    this.rapidadmin = options.rapidadmin ?? defaults.rapidadmin;
    this.idv = options.idv ?? defaults.idv;
    this.prints = new PrintFeed(store, this.rapidadmin);
    this.verifications = new VerificationFeed(store, {
      settings: this.idv,
      actor: options.actor,
      now: this.now,
      emit: options.emit,
    });
  }

  routes(): WebhookRoute[] {
    return [rapidadminRoute(this.rapidadmin), idvRoute(this.idv)];
  }

  /** Where senders reach the listener (http, and https when TLS is on), once it listens. */
  setOrigins(origins: string[]): void {
    this.origins = origins;
  }

  settings(): FeedSettings {
    return { rapidadmin: this.prints.endpoint(this.origins), idv: this.verifications.settings(this.origins) };
  }

  snapshot(): FeedsSnapshot {
    return {
      settings: this.settings(),
      activity: this.store.activity.recent(ACTIVITY_SHOWN),
      verifications: this.verifications.recent(VERIFICATIONS_SHOWN),
      alerts: this.store.feedAlerts.recent(ACKNOWLEDGED_ALERTS_SHOWN),
    };
  }

  /** The job queue's reads, with what these feeds add to a job: a failed print in words, the applicant's check. */
  decorating(reads: JobReadHandlers): JobReadHandlers {
    return {
      listJobs: async (query) => {
        const page = await reads.listJobs(query);
        if (!page.ok) return page;
        return ok({ ...page.value, rows: this.verifications.decorate(page.value.rows.map((j) => this.prints.decorate(j))) });
      },
      getJobDetail: async (params) => {
        const detail = await reads.getJobDetail(params);
        if (!detail.ok) return detail;
        const [job] = this.verifications.decorate([this.prints.decorate(detail.value.job)]);
        return ok({ ...detail.value, job: job ?? detail.value.job });
      },
    };
  }

  handlers(): FeedHandlers {
    return {
      getFeeds: async () => ok(this.snapshot()),
      acknowledgeFeedAlert: async ({ id }) => {
        if (!this.store.feedAlerts.acknowledge(id, this.options.actor, this.now())) return fail('not-found', `no alert ${id}`);
        this.options.emit(['alerts']);
        const alert = this.store.feedAlerts.get(id);
        return alert ? ok(alert) : fail('not-found', `no alert ${id}`);
      },
      setVerificationAlertRules: async ({ rules }) => {
        this.verifications.setAlertRules(rules);
        return ok(this.settings());
      },
      ...this.verifications.handlers(),
    };
  }
}
