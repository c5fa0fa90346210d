import type { SliceCreator } from './types';

export interface DeliveriesSlice {
  /** How many deliveries were refused (not JSON, too large, failed authentication): shown on the navigation. */
  rejectedTotal: number;
  receiveRejectedTotal(total: number): void;
}

export const createDeliveriesSlice: SliceCreator<DeliveriesSlice> = (set) => ({
  rejectedTotal: 0,
  receiveRejectedTotal(rejectedTotal) {
    set({ rejectedTotal });
  },
});
