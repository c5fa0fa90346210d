import { FEED_PAGE_SIZE, type FeedAlertView, type FeedSettings, type FeedTopic, type FeedsSnapshot } from '../../../shared/api/feeds';
import { keysetPage } from '../../../shared/api/paging';
import { fail, ok } from '../../../shared/api/result';
import { resolveSources, type IdvSettings, type RapidadminSettings } from '../config/sources';
import { stampOf } from '../people/audit-stamp';
import { actorOf, type CoreHandlers } from '../people/caller';
import type { Store } from '../store/store';
import { IDV_WEBHOOK_PATH, idvRoute } from '../webhooks/idv-route';
import type { WebhookRoute } from '../webhooks/listener';
import { RAPIDADMIN_WEBHOOK_PATH, rapidadminRoute } from '../webhooks/rapidadmin-route';
import { unauthenticatedPolicy, type UnauthenticatedPolicy } from '../webhooks/unauthenticated';
import { PrintFeed } from './print-feed';
import { VerificationFeed } from './verification-feed';

export type FeedHandlers = Pick<
  CoreHandlers,
  'getFeeds' | 'listActivity' | 'listVerifications' | 'acknowledgeFeedAlert' | 'setVerificationAlertRules' | 'fetchVerificationDetails'
>;
type JobReadHandlers = Pick<CoreHandlers, 'listJobs' | 'getJobDetail'>;

/** The topics of Changes this module's sources set, announced to the UI as one `feeds` event. */
export const FEED_TOPICS: readonly FeedTopic[] = ['activity', 'verifications', 'alerts'];

export interface FeedsOptions {
  /** Absent: the defaults of an empty config file. */
  rapidadmin?: RapidadminSettings | undefined;
  idv?: IdvSettings | undefined;
  /** Training mode: deliveries without credentials are accepted from this computer only (its simulators, a trainer). */
  training?: boolean | undefined;
  emit: (topics: FeedTopic[]) => void;
  now?: () => string;
}

const ACKNOWLEDGED_ALERTS_SHOWN = 50;

type FeedSource = FeedAlertView['source'];

/** The alert raised when an endpoint without credentials refuses deliveries: why, and how to fix it. */
const REFUSAL_ALERT: Record<FeedSource, { title: string; text: string; subject: string }> = {
  rapidadmin: {
    title: 'RapIDadmin deliveries are refused',
    text:
      'No signing secret is configured, so nothing tells RapIDadmin from a forger: every delivery is refused (401) and ' +
      'its people and prints are not shown. Set rapidadmin.signingSecret to the Signing Secret RapIDadmin generated ' +
      '(API → Webhooks → Generate Secret), or set rapidadmin.allowUnsigned: true to accept unsigned deliveries.',
    subject: RAPIDADMIN_WEBHOOK_PATH,
  },
  idv: {
    title: 'Identity-verification deliveries are refused',
    text:
      'No credentials are configured for the verification service, so every delivery is refused (401) and its results ' +
      'are not shown. Set idv.auth (the API key or Basic credentials the service sends), or set ' +
      'idv.allowUnauthenticated: true to accept unauthenticated deliveries.',
    subject: IDV_WEBHOOK_PATH,
  },
};

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
  private readonly unauthenticated: Record<FeedSource, UnauthenticatedPolicy>;
  /** The open refusal alert of each source, so that a run of refusals raises one alert, not one each. */
  private readonly refusalAlerts = new Map<FeedSource, string>();
  private origins: string[] = [];

  constructor(
    private readonly store: Store,
    private readonly options: FeedsOptions,
  ) {
    const defaults = resolveSources({});
    this.now = options.now ?? (() => new Date().toISOString());
    this.rapidadmin = options.rapidadmin ?? defaults.rapidadmin;
    this.idv = options.idv ?? defaults.idv;
    const training = options.training === true;
    this.unauthenticated = {
      rapidadmin: unauthenticatedPolicy(this.rapidadmin.allowUnsigned, training),
      idv: unauthenticatedPolicy(this.idv.allowUnauthenticated, training),
    };
    this.prints = new PrintFeed(store, this.rapidadmin);
    this.verifications = new VerificationFeed(store, {
      settings: this.idv,
      now: this.now,
      emit: options.emit,
    });
  }

  routes(): WebhookRoute[] {
    return [
      rapidadminRoute(this.rapidadmin, { policy: this.unauthenticated.rapidadmin, onRefused: () => this.refused('rapidadmin') }),
      idvRoute(this.idv, { policy: this.unauthenticated.idv, onRefused: () => this.refused('idv') }),
    ];
  }

  /**
   * A delivery was refused because its endpoint has no credentials configured (after an upgrade, the first sign of
   * it): one alert on every screen says why and what to set, until someone acknowledges it; a later refusal raises
   * it again. It is not an event's projection, so a rebuild of the projections drops it until the next refusal.
   */
  private refused(source: FeedSource): void {
    const isOpen = (a: FeedAlertView | undefined) => a !== undefined && a.kind === 'refused' && a.source === source && a.acknowledgedAt === undefined;
    const known = this.refusalAlerts.get(source);
    const open = known !== undefined && isOpen(this.store.feedAlerts.get(known))
      ? known
      : this.store.feedAlerts.recent(ACKNOWLEDGED_ALERTS_SHOWN).find(isOpen)?.id;
    if (open !== undefined) {
      this.refusalAlerts.set(source, open);
      return;
    }
    const at = this.now();
    const id = `${source}:refused:${at}`;
    this.store.feedAlerts.raise({ id, source, kind: 'refused', ...REFUSAL_ALERT[source], at, seq: this.store.log.lastSeq() });
    this.refusalAlerts.set(source, id);
    this.options.emit(['alerts']);
  }

  /** Where senders reach the listener (http, and https when TLS is on), once it listens. */
  setOrigins(origins: string[]): void {
    this.origins = origins;
  }

  settings(): FeedSettings {
    return {
      rapidadmin: { ...this.prints.endpoint(this.origins), unauthenticated: this.unauthenticated.rapidadmin },
      idv: { ...this.verifications.settings(this.origins), unauthenticated: this.unauthenticated.idv },
    };
  }

  snapshot(): FeedsSnapshot {
    const activity = this.activity(FEED_PAGE_SIZE);
    const verifications = this.verifications.recent(FEED_PAGE_SIZE);
    return {
      settings: this.settings(),
      activity: activity.rows,
      ...(activity.next !== undefined ? { activityNext: activity.next } : {}),
      verifications: verifications.rows,
      ...(verifications.next !== undefined ? { verificationsNext: verifications.next } : {}),
      alerts: this.store.feedAlerts.recent(ACKNOWLEDGED_ALERTS_SHOWN),
    };
  }

  /** Newest first: a page from the entries before sequence number `before`. */
  private activity(limit: number, before?: number) {
    return keysetPage(this.store.activity.recent(limit + 1, before), limit, (e) => e.seq);
  }

  /** The job queue's reads, with what these feeds add to a job: a failed print in words, the applicant's check. */
  decorating(reads: JobReadHandlers): JobReadHandlers {
    return {
      listJobs: async (query, caller) => {
        const page = await reads.listJobs(query, caller);
        if (!page.ok) return page;
        return ok({ ...page.value, rows: this.verifications.decorate(page.value.rows.map((j) => this.prints.decorate(j))) });
      },
      getJobDetail: async (params, caller) => {
        const detail = await reads.getJobDetail(params, caller);
        if (!detail.ok) return detail;
        const [job] = this.verifications.decorate([this.prints.decorate(detail.value.job)]);
        return ok({ ...detail.value, job: job ?? detail.value.job });
      },
    };
  }

  handlers(): FeedHandlers {
    return {
      getFeeds: async () => ok(this.snapshot()),
      listActivity: async ({ before, limit }) => ok(this.activity(limit, before)),
      listVerifications: async ({ before, limit }) => ok(this.verifications.recent(limit, before)),
      acknowledgeFeedAlert: async ({ id }, caller) => {
        const at = this.now();
        if (!this.store.feedAlerts.acknowledge(id, stampOf(caller), at)) return fail('not-found', `no alert ${id}`);
        this.store.audit.record({ ...stampOf(caller), at, kind: 'alert-acknowledged', subject: id });
        this.options.emit(['alerts']);
        const alert = this.store.feedAlerts.get(id);
        return alert ? ok(alert) : fail('not-found', `no alert ${id}`);
      },
      setVerificationAlertRules: async ({ rules }, caller) => {
        this.verifications.setAlertRules(rules, actorOf(caller));
        return ok(this.settings());
      },
      ...this.verifications.handlers(),
    };
  }
}
