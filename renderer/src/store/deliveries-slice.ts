import type { DeliveryView } from '../../../shared/api/records';
import { emptyList, withFreshHead, withOlder, type KeysetList } from './keyset-list';
import { LatestRead, loadable, type Loadable } from './loads';
import { RefreshScheduler } from './refresh-scheduler';
import type { SliceCreator } from './types';

export interface RejectedList extends KeysetList<DeliveryView> {
  /** How many older refused deliveries the core pruned to keep within its caps. */
  pruned?: number | undefined;
}

export interface DeliveriesSlice {
  /** How many deliveries were refused (not JSON, too large, failed authentication): shown on the navigation. */
  rejectedTotal: number;
  /** The refused deliveries on screen, newest first (the first page, and what "Show more" added); undefined until the view first asks. */
  rejected: RejectedList | undefined;
  rejectedError: string | undefined;
  /** The refused delivery whose whole kept body and headers are open. */
  rejectedDetail: { id: number; delivery: Loadable<DeliveryView> } | undefined;
  receiveRejectedTotal(total: number): void;
  /** Reads the first page again, keeping the older pages shown. */
  loadRejected(): Promise<void>;
  loadMoreRejected(): Promise<void>;
  openRejected(id: number): Promise<void>;
  closeRejected(): void;
}

export const REJECTED_PAGE_SIZE = 25;
const REFRESH_MS = 500;

export const createDeliveriesSlice: SliceCreator<DeliveriesSlice> = (set, get, client) => {
  const reads = new LatestRead();
  const live = new RefreshScheduler(REFRESH_MS, () => get().loadRejected());
  return {
    rejectedTotal: 0,
    rejected: undefined,
    rejectedError: undefined,
    rejectedDetail: undefined,

    receiveRejectedTotal(rejectedTotal) {
      set({ rejectedTotal });
      // The list follows while it is on screen; a flood of refusals is read at most every REFRESH_MS.
      if (get().rejected) live.request();
    },

    async loadRejected() {
      const read = reads.begin();
      const result = await client.listDeliveries({ outcome: 'rejected', limit: REJECTED_PAGE_SIZE });
      if (!read.isCurrent()) return;
      if (!result.ok) return set({ rejectedError: result.error.message });
      const { pruned } = result.value;
      set((s) => ({ rejected: { ...withFreshHead(s.rejected ?? emptyList(), result.value, (d) => d.id), pruned }, rejectedError: undefined }));
    },

    async loadMoreRejected() {
      const before = get().rejected?.next;
      if (before === undefined) return;
      const result = await client.listDeliveries({ outcome: 'rejected', before, limit: REJECTED_PAGE_SIZE });
      if (!result.ok) return set({ rejectedError: result.error.message });
      set((s) => (s.rejected ? { rejected: { ...withOlder(s.rejected, before, result.value), pruned: result.value.pruned }, rejectedError: undefined } : {}));
    },

    async openRejected(id) {
      set({ rejectedDetail: { id, delivery: { state: 'loading' } } });
      const result = await client.getDelivery({ id });
      if (get().rejectedDetail?.id !== id) return;
      set({ rejectedDetail: { id, delivery: loadable(result) } });
    },

    closeRejected() {
      set({ rejectedDetail: undefined });
    },
  };
};
