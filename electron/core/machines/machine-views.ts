import type { MachineView } from '../../../shared/api/views';
import { schedulerErrorView, suspensionNote } from '../domain/machine-report';
import { UNKNOWN_MACHINE_ID } from '../domain/machine-match';
import type { MachineRepo } from '../store/machine-repo';
import { machineView } from '../views';
import type { Fleet } from './fleet';
import type { MachinePoller } from './poller';

/** Every configured machine as the UI shows it (scheduler state and API health), and "unknown machine" once heard. */
export function machineViews(fleet: Fleet, machines: MachineRepo, poller: MachinePoller): MachineView[] {
  const registry = fleet.registry();
  const ids = registry.configured().map((m) => m.id);
  if (machines.seen(UNKNOWN_MACHINE_ID)) ids.push(UNKNOWN_MACHINE_ID);
  return ids.map((id) => {
    const health = poller.healthOf(id);
    const view: MachineView = {
      ...machineView(registry.get(id), machines.get(id)),
      ...(health.reachable !== undefined ? { apiReachable: health.reachable } : {}),
      ...(health.lastPolledAt ? { lastPolledAt: health.lastPolledAt } : {}),
      ...(health.metrics ? { metrics: health.metrics } : {}),
      ...(health.api ? { api: health.api } : {}),
      ...(health.schedulerError ? { schedulerError: schedulerErrorView(health.schedulerError) } : {}),
      ...(health.report ? { machineReport: health.report } : {}),
      ...(health.health ? { health: health.health } : {}),
    };
    const note = view.suspension ? suspensionNote(view.suspension.code, view.suspension.since, health.report) : undefined;
    if (view.suspension && note) view.suspension = { ...view.suspension, machineNote: note };
    return view;
  });
}
