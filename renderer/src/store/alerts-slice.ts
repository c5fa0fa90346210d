import type { AlertView } from '../../../shared/api/alerts';
import type { SliceCreator } from './types';

export interface AlertsSlice {
  /** Open alerts, oldest first, as the core pushes them. */
  alerts: AlertView[];
  receiveAlerts(alerts: AlertView[]): void;
}

export const createAlertsSlice: SliceCreator<AlertsSlice> = (set) => ({
  alerts: [],
  receiveAlerts(alerts) {
    set({ alerts });
  },
});
