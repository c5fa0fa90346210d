import type { MachineSessions, ReviewSnapshot } from '../../../shared/api/health';
import { runAction } from './actions';
import type { ConsoleState, SliceCreator } from './types';

export interface HealthSlice {
  /** The machine's session totals beside the console's, by machine: read when a person asks. */
  machineSessions: Record<string, MachineSessions>;
  /** The camera's picture beside a review, by review: fetched when a person asks, never kept in the page beyond it. */
  snapshots: Record<number, ReviewSnapshot>;
  compareWithMachine(machineId: string, label: string): Promise<void>;
  takeSnapshot(reviewId: number, label: string): Promise<void>;
}

/** The actions' keys: what marks their buttons busy and finds their failures. */
export const healthKey = {
  sessions: (machineId: string) => `machine-sessions:${machineId}`,
  snapshot: (reviewId: number) => `review-snapshot:${reviewId}`,
} as const;

export const createHealthSlice: SliceCreator<HealthSlice> = (set, get, client) => ({
  machineSessions: {},
  snapshots: {},
  async compareWithMachine(machineId, label) {
    await runAction(set, get, { key: healthKey.sessions(machineId), label }, () => client.machineSessions({ machineId }), (value) =>
      set((s) => ({ machineSessions: { ...s.machineSessions, [machineId]: value } })),
    );
  },
  async takeSnapshot(reviewId, label) {
    await runAction(set, get, { key: healthKey.snapshot(reviewId), label }, () => client.reviewSnapshot({ reviewId }), (value) =>
      set((s) => ({ snapshots: { ...s.snapshots, [reviewId]: value } })),
    );
  },
});

export const selectMachineSessions =
  (machineId: string) =>
  (s: ConsoleState): MachineSessions | undefined =>
    s.machineSessions[machineId];

export const selectSnapshot =
  (reviewId: number) =>
  (s: ConsoleState): ReviewSnapshot | undefined =>
    s.snapshots[reviewId];
