import { translator } from '../../../shared/i18n/translate';
import type { AuditExport, AuditFilter, PinRefusalView } from '../../../shared/api/records';
import type { CommandView } from '../../../shared/api/views';
import { actionKey, runAction } from './actions';
import { emptyList, withFreshHead, withOlder, type KeysetList } from './keyset-list';
import { LatestRead } from './loads';
import { RefreshScheduler } from './refresh-scheduler';
import type { SliceCreator } from './types';

export type { AuditFilter };

export interface AuditSlice {
  auditFilter: AuditFilter;
  /** The commands on screen, newest first: the first page, and the older ones "Show more" added. */
  audit: KeysetList<CommandView>;
  auditError: string | undefined;
  auditLoaded: boolean;
  /** Refused supervisor PINs, newest first, shown beside the commands: a page, then more on request. */
  pinRefusals: KeysetList<PinRefusalView>;
  /** Reads the first page again (the older pages shown stay), with the first page of refused PINs. */
  loadAudit(): Promise<void>;
  loadMoreAudit(): Promise<void>;
  loadMorePinRefusals(): Promise<void>;
  setAuditFilter(filter: AuditFilter): Promise<void>;
  /** New or changed commands in the core: the first page is fetched again, at most every REFRESH_MS. */
  auditChanged(): void;
  /**
   * The whole filtered trail as CSV (not just the rows on screen), with the archived years when asked: streamed by the
   * core to a download or a file. Undefined when refused (the refusal is posted).
   */
  exportAudit(options: { includeArchive: boolean }): Promise<AuditExport | undefined>;
}

export const AUDIT_PAGE_SIZE = 50;
export const PIN_REFUSALS_PAGE = 20;
const REFRESH_MS = 300;

export const createAuditSlice: SliceCreator<AuditSlice> = (set, get, client) => {
  const reads = new LatestRead();
  const live = new RefreshScheduler(REFRESH_MS, () => get().loadAudit());
  return {
    auditFilter: {},
    audit: emptyList(),
    auditError: undefined,
    auditLoaded: false,
    pinRefusals: emptyList(),
    async loadAudit() {
      const read = reads.begin();
      const [result, refusals] = await Promise.all([
        client.listAudit({ ...get().auditFilter, limit: AUDIT_PAGE_SIZE }),
        client.listPinRefusals({ limit: PIN_REFUSALS_PAGE }),
      ]);
      // A slower answer to an older query must not replace the newer one.
      if (!read.isCurrent()) return;
      if (result.ok) set((s) => ({ audit: withFreshHead(s.audit, result.value, (c) => c.id), auditError: undefined, auditLoaded: true }));
      else set({ auditError: result.error.message });
      if (refusals.ok) set((s) => ({ pinRefusals: withFreshHead(s.pinRefusals, refusals.value, (r) => r.id) }));
    },
    async loadMoreAudit() {
      const before = get().audit.next;
      if (before === undefined) return;
      const read = reads.join();
      const result = await client.listAudit({ ...get().auditFilter, before, limit: AUDIT_PAGE_SIZE });
      if (!read.isCurrent()) return;
      set((s) => (result.ok ? { audit: withOlder(s.audit, before, result.value), auditError: undefined } : { auditError: result.error.message }));
    },
    async loadMorePinRefusals() {
      const before = get().pinRefusals.next;
      if (before === undefined) return;
      const result = await client.listPinRefusals({ before, limit: PIN_REFUSALS_PAGE });
      if (result.ok) set((s) => ({ pinRefusals: withOlder(s.pinRefusals, before, result.value) }));
    },
    async setAuditFilter(auditFilter) {
      // Another filter is another list: what "Show more" added to the old one goes with it.
      set({ auditFilter, audit: emptyList() });
      await get().loadAudit();
    },
    auditChanged() {
      // Nobody is looking at the trail until the view has loaded it once.
      if (get().auditLoaded) live.request();
    },
    async exportAudit({ includeArchive }) {
      const result = await runAction(set, get, { key: actionKey.auditExport, label: translator(get().language)('actions:exportAudit') }, () =>
        client.exportAudit({ ...get().auditFilter, ...(includeArchive ? { includeArchive } : {}) }),
      );
      return result?.ok ? result.value : undefined;
    },
  };
};
