import type { FeedSettings } from '../../../shared/api/feeds';
import type { JobView } from '../../../shared/api/views';
import type { RapidadminSettings } from '../config/sources';
import { PRINT_FAILED_CODE } from '../domain/rapidadmin/print-job';
import { RapidadminSource } from '../ingest/rapidadmin-source';
import type { Store } from '../store/store';
import { RAPIDADMIN_WEBHOOK_PATH } from '../webhooks/rapidadmin-route';

const PRINT_FAILED_TEXT = 'The card did not print (RapIDadmin reported PrintJob.Failed).';

/** RapIDadmin / EliteID as the console shows it: the source of its webhooks, its endpoint, its print jobs in words. */
export class PrintFeed {
  readonly source: RapidadminSource;

  constructor(
    store: Store,
    private readonly settings: RapidadminSettings,
  ) {
    this.source = new RapidadminSource(store, () => settings);
  }

  /** Where RapIDadmin posts and how it is authenticated; what happens without authentication is the route's. */
  endpoint(origins: readonly string[]): Omit<FeedSettings['rapidadmin'], 'unauthenticated'> {
    return {
      path: RAPIDADMIN_WEBHOOK_PATH,
      urls: origins.map((o) => o + RAPIDADMIN_WEBHOOK_PATH),
      auth: this.settings.signingSecret !== undefined ? ['signature'] : [],
      ...(this.settings.printJobKey ? { printJobKey: this.settings.printJobKey } : {}),
    };
  }

  /** A failed print in words in the job queue. */
  decorate(job: JobView): JobView {
    return job.source === 'rapidadmin' && job.errorCode === PRINT_FAILED_CODE ? { ...job, errorText: PRINT_FAILED_TEXT } : job;
  }
}
