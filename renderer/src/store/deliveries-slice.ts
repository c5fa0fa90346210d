import type { DeliveryView } from '../../../shared/api/records';
import { LatestRead, loadable, type Loadable } from './loads';
import { RefreshScheduler } from './refresh-scheduler';
import type { SliceCreator } from './types';

export interface RejectedPage {
  rows: DeliveryView[];
  total: number;
  offset: number;
  /** How many older refused deliveries the core pruned to keep within its caps. */
  pruned?: number | undefined;
}

export interface DeliveriesSlice {
  /** How many deliveries were refused (not JSON, too large, failed authentication): shown on the navigation. */
  rejectedTotal: number;
  /** The page of refused deliveries on screen, newest first; undefined until the view first asks. */
  rejectedPage: RejectedPage | undefined;
  rejectedError: string | undefined;
  /** The refused delivery whose whole kept body and headers are open. */
  rejectedDetail: { id: number; delivery: Loadable<DeliveryView> } | undefined;
  receiveRejectedTotal(total: number): void;
  loadRejected(offset: number): Promise<void>;
  openRejected(id: number): Promise<void>;
  closeRejected(): void;
}

export const REJECTED_PAGE_SIZE = 25;
const REFRESH_MS = 500;

export const createDeliveriesSlice: SliceCreator<DeliveriesSlice> = (set, get, client) => {
  const reads = new LatestRead();
  const live = new RefreshScheduler(REFRESH_MS, () => get().loadRejected(get().rejectedPage?.offset ?? 0));
  return {
    rejectedTotal: 0,
    rejectedPage: undefined,
    rejectedError: undefined,
    rejectedDetail: undefined,

    receiveRejectedTotal(rejectedTotal) {
      set({ rejectedTotal });
      // The list follows while it is on screen; a flood of refusals is read at most every REFRESH_MS.
      if (get().rejectedPage) live.request();
    },

    async loadRejected(offset) {
      const read = reads.begin();
      const result = await client.listDeliveries({ outcome: 'rejected', offset, limit: REJECTED_PAGE_SIZE });
      if (!read.isCurrent()) return;
      set(result.ok ? { rejectedPage: { ...result.value, offset }, rejectedError: undefined } : { rejectedError: result.error.message });
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
