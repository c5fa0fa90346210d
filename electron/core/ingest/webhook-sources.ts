import type { Feeds } from '../feeds/feeds';
import type { Fleet } from '../machines/fleet';
import type { Store } from '../store/store';
import { AidaSource } from './aida-source';
import { keepingJobMetadata } from './job-metadata';
import type { SourceHandler } from './source';

/** One handler per webhook route: AIDA machines (matched against the fleet as it is now), RapIDadmin, identity checks. */
export function webhookSources(store: Store, fleet: Fleet, feeds: Feeds): SourceHandler[] {
  const aida = new AidaSource(store, () => fleet.registry().configured());
  return [keepingJobMetadata(aida, store.verifications), feeds.prints.source, feeds.verifications.source];
}
