import type { ConsoleHandlers } from '../../../shared/api/dispatch';
import type { FeedSettings, FeedTopic, FeedsSnapshot, JobVerification, VerificationView } from '../../../shared/api/feeds';
import { fail, ok } from '../../../shared/api/result';
import type { JobView } from '../../../shared/api/views';
import { AlertRulesSchema, type AlertRules } from '../../../shared/idv/alert-rules';
import { LAST_EVENTS, WEBHOOK_RESULTS, outcomeOf, termText, type VerificationOutcome } from '../../../shared/idv/vocabulary';
import { field, idText } from '../../../shared/rapidadmin/message';
import { resolveSources, type IdvSettings, type RapidadminSettings } from '../config/sources';
import type { VerificationState } from '../domain/idv/verification';
import { PRINT_FAILED_CODE } from '../domain/rapidadmin/print-job';
import { IdvSource } from '../ingest/idv-source';
import { RapidadminSource } from '../ingest/rapidadmin-source';
import { ActivityRepo } from '../store/activity-repo';
import type { Db } from '../store/database';
import { FeedAlertRepo } from '../store/feed-alert-repo';
import type { IdvRepo } from '../store/idv-repo';
import { IDV_WEBHOOK_PATH, idvRoute } from '../webhooks/idv-route';
import type { WebhookRoute } from '../webhooks/listener';
import { RAPIDADMIN_WEBHOOK_PATH, rapidadminRoute } from '../webhooks/rapidadmin-route';
import { fetchProcessDetails } from './get-process';

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

const RULES_KEY = 'idv.alertRules';
const ACTIVITY_SHOWN = 100;
const VERIFICATIONS_SHOWN = 200;
const ACKNOWLEDGED_ALERTS_SHOWN = 50;

const JOB_VERIFICATION_TEXT: Record<VerificationOutcome, string> = {
  passed: 'Applicant verified',
  failed: 'Applicant FAILED identity verification',
  expired: 'Applicant verification expired (not finished)',
  pending: 'Applicant verification not finished',
  unknown: 'Applicant verification result not recognised',
};

const PRINT_FAILED_TEXT = 'The card did not print (RapIDadmin reported PrintJob.Failed).';

/**
 * The RapIDadmin and identity-verification side of the console: their webhook routes and sources, the alert rules
 * an operator can change at run time, and the views and API methods of the activity feed and verifications.
 */
export class Feeds {
  readonly rapidadmin: RapidadminSource;
  readonly idv: IdvSource;
  private readonly verifications: IdvRepo;
  private readonly activity: ActivityRepo;
  private readonly alerts: FeedAlertRepo;
  private readonly now: () => string;
  private readonly options: FeedsOptions & { rapidadmin: RapidadminSettings; idv: IdvSettings };
  private origins: string[] = [];

  constructor(db: Db, options: FeedsOptions) {
    const defaults = resolveSources({});
    this.options = { ...options, rapidadmin: options.rapidadmin ?? defaults.rapidadmin, idv: options.idv ?? defaults.idv };
    this.now = options.now ?? (() => new Date().toISOString());
    const { rapidadmin, idv } = this.options;
    this.rapidadmin = new RapidadminSource(db, () => rapidadmin);
    this.idv = new IdvSource(db, () => this.alertRules(), () => idv.linkMetadataKey);
    this.verifications = this.idv.repo;
    this.activity = new ActivityRepo(db);
    this.alerts = new FeedAlertRepo(db);
  }

  routes(): WebhookRoute[] {
    return [rapidadminRoute(this.options.rapidadmin), idvRoute(this.options.idv)];
  }

  /** Where senders reach the listener (http, and https when TLS is on), once it listens. */
  setOrigins(origins: string[]): void {
    this.origins = origins;
  }

  /** The rules set in the console, else the config file's. */
  alertRules(): AlertRules {
    return this.verifications.setting<AlertRules>(RULES_KEY)?.value ?? this.options.idv.alertOn;
  }

  settings(): FeedSettings {
    const { rapidadmin, idv } = this.options;
    const changed = this.verifications.setting<AlertRules>(RULES_KEY);
    return {
      rapidadmin: {
        path: RAPIDADMIN_WEBHOOK_PATH,
        urls: this.origins.map((o) => o + RAPIDADMIN_WEBHOOK_PATH),
        auth: rapidadmin.signingSecret !== undefined ? ['signature'] : [],
        ...(rapidadmin.printJobKey ? { printJobKey: rapidadmin.printJobKey } : {}),
      },
      idv: {
        path: IDV_WEBHOOK_PATH,
        urls: this.origins.map((o) => o + IDV_WEBHOOK_PATH),
        auth: [...(idv.apiKey ? (['api-key'] as const) : []), ...(idv.basic ? (['basic'] as const) : [])],
        alertRules: changed?.value ?? idv.alertOn,
        configuredRules: idv.alertOn,
        ...(changed ? { rulesChangedAt: changed.changedAt, rulesChangedBy: changed.changedBy } : {}),
        getProcess: idv.getProcess !== undefined,
        ...(idv.linkMetadataKey ? { linkMetadataKey: idv.linkMetadataKey } : {}),
        knownResults: WEBHOOK_RESULTS.map((r) => ({ name: r.name, text: r.text })),
        knownEvents: LAST_EVENTS.map((e) => ({ name: e.name, text: e.text })),
      },
    };
  }

  verificationView(state: VerificationState): VerificationView {
    const details = this.verifications.details(state.processId);
    const view: VerificationView = {
      processId: state.processId,
      outcome: outcomeOf(state.result),
      firstAt: state.firstAt,
      updatedAt: state.updatedAt,
      deliveries: state.deliveries,
      notes: state.notes,
      jobs: this.verifications.linkedJobs(state.processId, this.options.idv.linkMetadataKey),
    };
    const put = <K extends keyof VerificationView>(key: K, value: VerificationView[K] | undefined) => {
      if (value !== undefined) view[key] = value;
    };
    put('state', state.state);
    put('result', state.result);
    put('resultText', termText(WEBHOOK_RESULTS, state.result));
    put('flow', state.flow);
    put('lastEvent', state.lastEvent);
    put('lastEventText', termText(LAST_EVENTS, state.lastEvent));
    put('lastEventDescription', state.lastEventDescription);
    put('alert', state.alert);
    put('details', details);
    return view;
  }

  snapshot(): FeedsSnapshot {
    return {
      settings: this.settings(),
      activity: this.activity.recent(ACTIVITY_SHOWN),
      verifications: this.verifications.recent(VERIFICATIONS_SHOWN).map((v) => this.verificationView(v)),
      alerts: this.alerts.recent(ACKNOWLEDGED_ALERTS_SHOWN),
    };
  }

  /** What a job in the queue shows of these sources: a failed print in words, and its applicant's verification. */
  decorateJob(view: JobView): JobView {
    const out: JobView = view.source === 'rapidadmin' && view.errorCode === PRINT_FAILED_CODE ? { ...view, errorText: PRINT_FAILED_TEXT } : view;
    const key = this.options.idv.linkMetadataKey;
    const fromMetadata = key ? idText(field(this.verifications.jobMetadata(view.machineId, view.key), key)) : undefined;
    for (const candidate of [view.correlationId, fromMetadata]) {
      const state = candidate ? this.verifications.get(candidate) : undefined;
      if (state) return { ...out, verification: jobVerification(state) };
    }
    return out;
  }

  /** The job queue's reads, with what these sources add to a job. */
  decorating(reads: JobReadHandlers): JobReadHandlers {
    return {
      listJobs: async (query) => {
        const page = await reads.listJobs(query);
        return page.ok ? ok({ ...page.value, rows: page.value.rows.map((j) => this.decorateJob(j)) }) : page;
      },
      getJobDetail: async (params) => {
        const detail = await reads.getJobDetail(params);
        return detail.ok ? ok({ ...detail.value, job: this.decorateJob(detail.value.job) }) : detail;
      },
    };
  }

  handlers(): FeedHandlers {
    return {
      getFeeds: async () => ok(this.snapshot()),
      acknowledgeFeedAlert: async ({ id }) => {
        if (!this.alerts.acknowledge(id, this.options.actor, this.now())) return fail('not-found', `no alert ${id}`);
        this.options.emit(['alerts']);
        const alert = this.alerts.get(id);
        return alert ? ok(alert) : fail('not-found', `no alert ${id}`);
      },
      setVerificationAlertRules: async ({ rules }) => {
        if (rules === null) this.verifications.clearSetting(RULES_KEY);
        else this.verifications.saveSetting(RULES_KEY, normalise(rules), this.now(), this.options.actor);
        this.options.emit(['settings']);
        return ok(this.settings());
      },
      fetchVerificationDetails: async ({ processId }) => {
        const getProcess = this.options.idv.getProcess;
        if (!getProcess) return fail('unavailable', 'GetProcess is not configured (idv.getProcess.urlTemplate in the config file)');
        const state = this.verifications.get(processId);
        if (!state) return fail('not-found', `no verification ${processId} has been received`);
        this.verifications.saveDetails(state.processId, await fetchProcessDetails(getProcess, state.processId, this.now));
        this.options.emit(['verifications']);
        return ok(this.verificationView(state));
      },
    };
  }
}

function jobVerification(state: VerificationState): JobVerification {
  const outcome = outcomeOf(state.result);
  return {
    processId: state.processId,
    outcome,
    ...(state.result !== undefined ? { result: state.result } : {}),
    text: outcome === 'unknown' ? `${JOB_VERIFICATION_TEXT.unknown}: "${state.result}"` : JOB_VERIFICATION_TEXT[outcome],
  };
}

/** Each name once, as typed; an empty list is a valid choice (no alerts). */
function normalise(rules: AlertRules): AlertRules {
  const unique = (list: string[]) => [...new Map(list.map((v) => [v.trim().toLowerCase(), v.trim()])).values()].filter(Boolean);
  return AlertRulesSchema.parse({ results: unique(rules.results), events: unique(rules.events) });
}
