import type { ConsoleEvent } from '../../../shared/api/contract';
import type { MachineView } from '../../../shared/api/views';
import type { AlertTracker } from '../alerts/alert-tracker';
import type { Outbox } from '../commands/outbox';
import type { ConsoleConfig } from '../config/schema';
import type { MachineRegistry } from '../machines/registry';
import type { AuditRepo } from '../store/audit-repo';
import type { ReviewService } from '../reviews/review-service';
import type { CommandRepo } from '../store/command-repo';
import type { DeliveryRepo } from '../store/delivery-repo';
import type { JobRepo } from '../store/job-repo';
import type { PinRefusalRepo } from '../store/pin-refusal-repo';

/** The parts of a running console the API handlers work with. */
export interface CoreContext {
  config: ConsoleConfig;
  registry: () => MachineRegistry;
  jobs: JobRepo;
  commands: CommandRepo;
  deliveries: DeliveryRepo;
  /** Refused supervisor PINs, for the audit trail. */
  pinRefusals: PinRefusalRepo;
  /** What the audit keeps beside the commands: settings, refusals, acknowledgements (issue 13). */
  audit: AuditRepo;
  outbox: Outbox;
  reviews: ReviewService;
  alerts: AlertTracker;
  machineViews: () => MachineView[];
  emit: (event: ConsoleEvent) => void;
  now: () => Date;
}
