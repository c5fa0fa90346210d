import { fail, ok } from '../../../shared/api/result';
import { personStampOf, stampOf } from '../people/audit-stamp';
import { actorOf, type CoreHandlers } from '../people/caller';
import { toView } from '../store/command-repo';
import { auditCsv } from './audit-csv';
import type { CoreContext } from './context';
import type { PinGuard } from './pin';

type RecordHandlers = Pick<
  CoreHandlers,
  | 'listReviews'
  | 'listReviewInspections'
  | 'decide'
  | 'retryCommand'
  | 'listAlertHistory'
  | 'acknowledgeAlert'
  | 'listAudit'
  | 'exportAudit'
  | 'listPinRefusals'
  | 'listDeliveries'
  | 'getDelivery'
>;

const EXPORT_LIMIT = 100_000;

/** Supervisors' decisions, and the records people read afterwards: alerts, the audit trail, refused deliveries. */
export function recordHandlers(ctx: CoreContext, pin: PinGuard): RecordHandlers {
  return {
    listReviews: async () => ok({ queue: ctx.reviews.queue(), recent: ctx.reviews.recent(50) }),
    listReviewInspections: async ({ reviewId, offset, limit }) => ctx.reviews.inspections(reviewId, offset, limit),
    decide: async ({ reviewId, outcome, reason, pin: given }, caller) =>
      pin.check(given, { action: 'decide', reviewId, outcome }, actorOf(caller)) ??
      ctx.reviews.decide({ reviewId, outcome, reason }, actorOf(caller), 'supervisor', personStampOf(caller)),
    retryCommand: async ({ commandId }, caller) => {
      const retried = ctx.outbox.retry(commandId, actorOf(caller));
      return retried.ok ? ok(toView(retried.value)) : retried;
    },
    listAlertHistory: async ({ limit }) => ok(ctx.alerts.history(limit)),
    acknowledgeAlert: async ({ alertId }, caller) => {
      const at = ctx.now().toISOString();
      if (!ctx.alerts.acknowledge(alertId, actorOf(caller), at)) {
        return fail('not-allowed', 'this alert is closed already, or closes only when the machine runs again or stops');
      }
      ctx.audit.record({ ...stampOf(caller), at, kind: 'alert-acknowledged', subject: `alert ${alertId}` });
      ctx.emit({ type: 'audit' });
      const active = ctx.alerts.active();
      ctx.emit({ type: 'alerts', active });
      return ok(active);
    },
    listAudit: async ({ offset, limit, ...filter }) => {
      const page = ctx.commands.search(filter, limit, offset);
      return ok({ rows: page.rows.map(toView), total: page.total });
    },
    exportAudit: async ({ offset: _offset, limit: _limit, ...filter }) => {
      const page = ctx.commands.search(filter, EXPORT_LIMIT, 0);
      const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
      return ok({ filename: `issuance-audit-${stamp}.csv`, csv: auditCsv(page.rows.map(toView)) });
    },
    listPinRefusals: async ({ offset, limit }) => ok(ctx.pinRefusals.recent(limit, offset)),
    listDeliveries: async ({ outcome, offset, limit }) => ok(ctx.deliveries.list(outcome, offset, limit)),
    getDelivery: async ({ id }) => {
      const d = ctx.deliveries.get(id);
      return d ? ok(d) : fail('not-found', `no delivery ${id}`);
    },
  };
}
