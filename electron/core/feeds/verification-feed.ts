import type { ConsoleHandlers } from '../../../shared/api/dispatch';
import type { FeedSettings, FeedTopic, JobVerification, VerificationView } from '../../../shared/api/feeds';
import { keysetPage } from '../../../shared/api/paging';
import { fail, ok } from '../../../shared/api/result';
import type { JobView } from '../../../shared/api/views';
import { AlertRulesSchema, type AlertRules } from '../../../shared/idv/alert-rules';
import { LAST_EVENTS, WEBHOOK_RESULTS, outcomeOf, termText, type VerificationOutcome } from '../../../shared/idv/vocabulary';
import { field, idText } from '../../../shared/json-values';
import type { IdvSettings } from '../config/sources';
import type { VerificationState } from '../domain/idv/verification';
import { IdvSource } from '../ingest/idv-source';
import { processKey } from '../store/idv-repo';
import type { Store } from '../store/store';
import { IDV_WEBHOOK_PATH } from '../webhooks/idv-route';
import { fetchProcessDetails } from './get-process';

export type VerificationHandlers = Pick<ConsoleHandlers, 'fetchVerificationDetails'>;

const RULES_KEY = 'idv.alertRules';

const JOB_VERIFICATION_TEXT: Record<VerificationOutcome, string> = {
  passed: 'Applicant verified',
  failed: 'Applicant FAILED identity verification',
  expired: 'Applicant verification expired (not finished)',
  pending: 'Applicant verification not finished',
  unknown: 'Applicant verification result not recognised',
};

export interface VerificationFeedOptions {
  settings: IdvSettings;
  now: () => string;
  emit: (topics: FeedTopic[]) => void;
}

/**
 * Identity verification as the console shows it: the source of its webhooks, the alert rules an operator can change
 * at run time, each verification's view, and what a job in the queue shows of its applicant.
 */
export class VerificationFeed {
  readonly source: IdvSource;

  constructor(
    private readonly store: Store,
    private readonly options: VerificationFeedOptions,
  ) {
    this.source = new IdvSource(store, () => this.alertRules(), () => options.settings.linkMetadataKey);
  }

  /** The rules set in the console, else the config file's. */
  alertRules(): AlertRules {
    return this.store.verifications.setting<AlertRules>(RULES_KEY)?.value ?? this.options.settings.alertOn;
  }

  settings(origins: readonly string[]): Omit<FeedSettings['idv'], 'unauthenticated'> {
    const idv = this.options.settings;
    const changed = this.store.verifications.setting<AlertRules>(RULES_KEY);
    return {
      path: IDV_WEBHOOK_PATH,
      urls: origins.map((o) => o + IDV_WEBHOOK_PATH),
      auth: [...(idv.apiKey ? (['api-key'] as const) : []), ...(idv.basic ? (['basic'] as const) : [])],
      alertRules: changed?.value ?? idv.alertOn,
      configuredRules: idv.alertOn,
      ...(changed ? { rulesChangedAt: changed.changedAt, rulesChangedBy: changed.changedBy } : {}),
      getProcess: idv.getProcess !== undefined,
      ...(idv.linkMetadataKey ? { linkMetadataKey: idv.linkMetadataKey } : {}),
      knownResults: WEBHOOK_RESULTS.map((r) => ({ name: r.name, text: r.text })),
      knownEvents: LAST_EVENTS.map((e) => ({ name: e.name, text: e.text })),
    };
  }

  /** Rules set in the console replace the config file's until cleared (null). */
  setAlertRules(rules: AlertRules | null, actor: string): void {
    if (rules === null) this.store.verifications.clearSetting(RULES_KEY);
    else this.store.verifications.saveSetting(RULES_KEY, normalise(rules), this.options.now(), actor);
    this.options.emit(['settings']);
  }

  /** Most recently reported first: a page from those last reported before sequence number `before`. */
  recent(limit: number, before?: number): { rows: VerificationView[]; next?: number } {
    const page = keysetPage(this.store.verifications.recent(limit + 1, before), limit, (v) => v.seq);
    return { ...page, rows: page.rows.map((v) => this.view(v.state)) };
  }

  view(state: VerificationState): VerificationView {
    const details = this.store.verifications.details(state.processId);
    const view: VerificationView = {
      processId: state.processId,
      outcome: outcomeOf(state.result),
      firstAt: state.firstAt,
      updatedAt: state.updatedAt,
      deliveries: state.deliveries,
      notes: state.notes,
      jobs: this.store.verifications.linkedJobs(state.processId, this.options.settings.linkMetadataKey),
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

  /**
   * Each job's applicant verification, found by its CorrelationId or by the configured AdditionalMetadata key: one
   * query for the page, and a second only for ids found in metadata.
   */
  decorate(jobs: readonly JobView[]): JobView[] {
    const key = this.options.settings.linkMetadataKey;
    const { metadata, verifications } = this.store.verifications.forJobs(jobs, key !== undefined);
    const fromMetadata = (j: JobView) => (key ? idText(field(metadata.get(`${j.machineId}\u0000${j.key}`), key)) : undefined);
    const missing = jobs.map(fromMetadata).filter((id): id is string => id !== undefined && !verifications.has(processKey(id)));
    for (const [k, v] of this.store.verifications.getMany(missing)) verifications.set(k, v);
    return jobs.map((j) => {
      for (const candidate of [j.correlationId, fromMetadata(j)]) {
        const state = candidate ? verifications.get(processKey(candidate)) : undefined;
        if (state) return { ...j, verification: jobVerification(state) };
      }
      return j;
    });
  }

  handlers(): VerificationHandlers {
    const { now, emit, settings } = this.options;
    return {
      fetchVerificationDetails: async ({ processId }) => {
        const getProcess = settings.getProcess;
        if (!getProcess) return fail('unavailable', 'GetProcess is not configured (idv.getProcess.urlTemplate in the config file)');
        const state = this.store.verifications.get(processId);
        if (!state) return fail('not-found', `no verification ${processId} has been received`);
        this.store.verifications.saveDetails(state.processId, await fetchProcessDetails(getProcess, state.processId, now));
        emit(['verifications']);
        return ok(this.view(state));
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
