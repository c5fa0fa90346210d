import type { ConsoleEvent } from '../../../shared/api/contract';
import type { MachineView } from '../../../shared/api/views';
import type { TrainingSettings } from '../config/schema';
import type { Fleet } from '../machines/fleet';
import { TrainingFloor } from './training';

export interface TrainingModeDeps {
  settings: TrainingSettings;
  /** The console's own webhook listener, on loopback. */
  webhookUrl: string;
  /** `webhook.token`, when set: the simulators carry it as a real machine would, or the listener refuses them. */
  token?: string | undefined;
  dataDir: string;
  fleet: Fleet;
  emit: (event: ConsoleEvent) => void;
  machineViews: () => MachineView[];
  log: (line: string) => void;
}

/** Opens the training floor and makes its simulators the console's machines, following their kind as scenarios change. */
export async function openTrainingMode(deps: TrainingModeDeps): Promise<TrainingFloor> {
  const { fleet, emit } = deps;
  // As IT configures a real AIDA: the token as the webhook URL's last segment (AIDA's settings take no headers).
  const webhookUrl = deps.token === undefined ? deps.webhookUrl : `${deps.webhookUrl}/${encodeURIComponent(deps.token)}`;
  const training = await TrainingFloor.open({ settings: deps.settings, webhookUrl, dataDir: deps.dataDir, log: deps.log });
  fleet.replace(training.machineConfigs());
  training.onChange(({ kinds }) => {
    // A scenario that plays a desktop system changes what the console may offer (no Resume after a card jam).
    if (kinds) {
      fleet.replace(training.machineConfigs());
      emit({ type: 'machines', machines: deps.machineViews() });
    }
    emit({ type: 'training', training: training.view() });
  });
  return training;
}
