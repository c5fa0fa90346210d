import type { ListenerAlertView } from '../../../shared/api/alerts';
import type { RebuildProgress, Snapshot } from '../../../shared/api/views';
import type { ViewId } from '../app/navigation';
import type { SliceCreator } from './types';
import { NO_SUMMARY } from './alerts-slice';

export interface SessionSlice {
  connected: boolean;
  /** Whether the transport has connected at least once: before that, a short wait is not an outage. */
  everConnected: boolean;
  loaded: boolean;
  mode: Snapshot['mode'] | undefined;
  station: string;
  webhookUrl: string;
  loadError: string | undefined;
  /** While the core rebuilds its job list and machine states from the log (after an upgrade): how far it has come. */
  rebuilding: RebuildProgress | undefined;
  /** What keeps webhooks from arriving since the console started (a listener not open, an allow-list admitting none). */
  listenerAlerts: ListenerAlertView[];
  view: ViewId;
  showView(view: ViewId): void;
  /** Loads everything the screen needs at once; called at start and after every reconnection. */
  loadSnapshot(): Promise<void>;
  setConnected(connected: boolean): void;
  /** The core's rebuild went on, or ended (undefined): at the end, everything is read again. */
  receiveRebuild(progress: RebuildProgress | undefined): void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, client) => ({
  connected: false,
  everConnected: false,
  loaded: false,
  mode: undefined,
  station: '',
  webhookUrl: '',
  loadError: undefined,
  rebuilding: undefined,
  listenerAlerts: [],
  view: 'operate',
  showView(view) {
    set({ view });
  },
  async loadSnapshot() {
    const result = await client.getSnapshot({});
    if (!result.ok) {
      set({ loadError: result.error.message });
      return;
    }
    const s = result.value;
    set({
      loaded: true,
      loadError: undefined,
      mode: s.mode,
      station: s.station,
      webhookUrl: s.webhookUrl,
      machines: s.machines,
      training: s.training,
      alerts: s.alerts,
      alarmSummary: s.alarmSummary ?? NO_SUMMARY,
      reviews: s.reviews,
      pinRequired: s.pinRequired,
      confidenceThreshold: s.confidenceThreshold,
      rejectedTotal: s.rejectedTotal,
      rebuilding: s.rebuilding,
      listenerAlerts: s.listenerAlerts ?? [],
    });
    get().receiveCommands(s.commands);
    await get().refreshJobs();
  },
  receiveRebuild(progress) {
    const ended = get().rebuilding !== undefined && progress === undefined;
    set({ rebuilding: progress });
    if (ended) void get().loadSnapshot();
  },
  setConnected(connected) {
    set((s) => ({ connected, everConnected: s.everConnected || connected }));
  },
});
