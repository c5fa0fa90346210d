import type { AuditQuery, PinRefusalView } from '../../../shared/api/records';
import type { CommandView } from '../../../shared/api/views';
import { actionKey, runAction } from './actions';
import { LatestRead } from './loads';
import { RefreshScheduler } from './refresh-scheduler';
import type { SliceCreator } from './types';

/** The filters a person sets; paging is kept apart so that changing a filter always starts at the first page. */
export type AuditFilter = Omit<AuditQuery, 'offset' | 'limit'>;

export interface AuditSlice {
  auditFilter: AuditFilter;
  auditOffset: number;
  auditRows: CommandView[];
  auditTotal: number;
  auditError: string | undefined;
  auditLoaded: boolean;
  /** The newest refused supervisor PINs, shown beside the commands, and how many there are in all. */
  pinRefusals: PinRefusalView[];
  pinRefusalTotal: number;
  loadAudit(): Promise<void>;
  setAuditFilter(filter: AuditFilter): Promise<void>;
  setAuditOffset(offset: number): Promise<void>;
  /** New or changed commands in the core: the page on screen is fetched again, at most every REFRESH_MS. */
  auditChanged(): void;
  /** The whole filtered trail as CSV (not just the page on screen); undefined when refused (the refusal is posted). */
  exportAudit(): Promise<{ filename: string; csv: string } | undefined>;
}

export const AUDIT_PAGE_SIZE = 50;
export const PIN_REFUSALS_SHOWN = 20;
const REFRESH_MS = 300;

export const createAuditSlice: SliceCreator<AuditSlice> = (set, get, client) => {
  const reads = new LatestRead();
  const live = new RefreshScheduler(REFRESH_MS, () => get().loadAudit());
  return {
    auditFilter: {},
    auditOffset: 0,
    auditRows: [],
    auditTotal: 0,
    auditError: undefined,
    auditLoaded: false,
    pinRefusals: [],
    pinRefusalTotal: 0,
    async loadAudit() {
      const read = reads.begin();
      const { auditFilter, auditOffset } = get();
      const [result, refusals] = await Promise.all([
        client.listAudit({ ...auditFilter, offset: auditOffset, limit: AUDIT_PAGE_SIZE }),
        client.listPinRefusals({ offset: 0, limit: PIN_REFUSALS_SHOWN }),
      ]);
      // A slower answer to an older query must not replace the newer one.
      if (!read.isCurrent()) return;
      if (result.ok) set({ auditRows: result.value.rows, auditTotal: result.value.total, auditError: undefined, auditLoaded: true });
      else set({ auditError: result.error.message });
      if (refusals.ok) set({ pinRefusals: refusals.value.rows, pinRefusalTotal: refusals.value.total });
    },
    async setAuditFilter(auditFilter) {
      set({ auditFilter, auditOffset: 0 });
      await get().loadAudit();
    },
    async setAuditOffset(offset) {
      set({ auditOffset: Math.max(0, offset) });
      await get().loadAudit();
    },
    auditChanged() {
      // Nobody is looking at the trail until the view has loaded it once.
      if (get().auditLoaded) live.request();
    },
    async exportAudit() {
      const result = await runAction(set, get, { key: actionKey.auditExport, label: 'Export the audit trail as CSV' }, () =>
        client.exportAudit({ ...get().auditFilter }),
      );
      return result?.ok ? result.value : undefined;
    },
  };
};
