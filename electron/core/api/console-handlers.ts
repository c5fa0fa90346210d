import type { ListenerAlertView } from '../../../shared/api/alerts';
import type { StorageView } from '../../../shared/api/storage';
import { callingFirst } from '../../../shared/api/dispatch';
import { fail, ok } from '../../../shared/api/result';
import { backupHandlers } from '../backup/backup-handlers';
import type { BackupService } from '../backup/backup-service';
import type { Settings } from '../config/settings';
import { settingsHandlers } from '../config/settings-api';
import type { Feeds } from '../feeds/feeds';
import type { IngestQueue } from '../ingest/ingest-queue';
import type { ProductionFigures } from '../production/production-figures';
import type { ShiftReports } from '../production/shift-reports';
import type { Projections } from '../ingest/projections';
import { storageHandlers } from '../retention/storage-handlers';
import type { CoreHandlers } from '../people/caller';
import type { People } from '../people/people';
import { peopleHandlers } from '../people/people-handlers';
import { Guard } from '../people/guard';
import type { TrainingFloor } from '../simulator/training';
import { toView } from '../store/command-repo';
import { alarmHandlers } from './alarm-handlers';
import { auditHandlers } from './audit-handlers';
import { healthHandlers } from './health-handlers';
import type { MachineEvidence } from '../machines/machine-evidence';
import type { CoreContext } from './context';
import { machineHandlers } from './machine-handlers';
import { PinGuard } from './pin';
import { productionHandlers } from './production-handlers';
import { recordHandlers } from './record-handlers';

export interface HandlerParts {
  ingest: IngestQueue;
  projections: Projections;
  feeds: Feeds;
  backup: BackupService;
  /** The store's size, oldest live day and free disk (retention/storage-view.ts). */
  storage: () => Promise<StorageView>;
  /** The machine's session totals and camera picture, on request (issue 15). */
  evidence: MachineEvidence;
  settings: Settings | undefined;
  training: TrainingFloor | undefined;
  webhookUrl: string;
  /** Who is signed in where, and the accounts. */
  people: People;
  /** Production figures and the shift reports (issue 15). */
  production: { figures: ProductionFigures; reports: ShiftReports };
  /** What keeps webhooks from arriving since the start: shown on every screen. */
  listenerAlerts?: ListenerAlertView[];
}

/**
 * Every ConsoleApi method. Each first folds what was acknowledged but not yet projected: what the UI reads always
 * includes every message the machines were told was received.
 */
export function consoleHandlers(ctx: CoreContext, parts: HandlerParts): CoreHandlers {
  const { ingest, projections, feeds, settings, training, webhookUrl, listenerAlerts = [] } = parts;
  const { now, emit } = ctx;
  const { people } = parts;
  // The shared supervisor PIN gives way to supervisors' own once the first supervisor account exists (issue 13).
  const supervisorAccounts = () => people.accounts.signInNames().some((a) => a.role === 'supervisor');
  const sharedPin = () => (supervisorAccounts() ? undefined : ctx.config.review.supervisorPin);
  // One guard for every action that asks for the PIN: a wait after a wrong PIN holds for all of them.
  const pin = new PinGuard({ configured: sharedPin, refusals: ctx.pinRefusals, now, emit });
  // Who may call what, checked on every call before its handler (permissions.ts), refusals audited.
  const guard = new Guard({
    audit: ctx.audit,
    commands: ctx.commands,
    verifyCredential: (caller, credential) => people.stepUp(caller, credential),
    sharedPinStandsIn: () => sharedPin() !== undefined,
    emit,
    now,
  });
  const machine = machineHandlers(ctx, pin);
  const rebuilding = () => {
    const progress = projections.rebuilding();
    return progress ? { rebuilding: progress } : {};
  };
  const handlers = callingFirst(() => ingest.projectPending(), {
    ...machine,
    ...feeds.decorating(machine),
    ...feeds.handlers(),
    ...recordHandlers(ctx, pin),
    ...alarmHandlers(ctx, pin),
    ...settingsHandlers(settings, ctx.emit, { audit: ctx.audit, now, supervisorAccounts }),
    ...auditHandlers(ctx),
    ...peopleHandlers(parts.people),
    ...backupHandlers(parts.backup),
    ...storageHandlers(parts.storage),
    ...productionHandlers(parts.production.figures, parts.production.reports),
    ...healthHandlers(parts.evidence),
    getSnapshot: async () =>
      ok({
        mode: ctx.config.training ? 'training' : 'live',
        station: ctx.config.station,
        webhookUrl,
        machines: ctx.machineViews(),
        commands: ctx.commands.recent().map(toView),
        reviews: ctx.reviews.queue(),
        alerts: ctx.alerts.active(),
        alarmSummary: ctx.alerts.summary(now().toISOString()),
        rejectedTotal: ctx.deliveries.rejectedTotal(),
        pinRequired: sharedPin() !== undefined,
        confidenceThreshold: ctx.config.review.confidenceThreshold,
        ...(training ? { training: training.view() } : {}),
        ...rebuilding(),
        listenerAlerts,
      }),
    trainingAction: async (action) => (training ? training.act(action) : fail('not-allowed', 'training actions exist only in training mode')),
  });
  return guard.wrap(handlers);
}
