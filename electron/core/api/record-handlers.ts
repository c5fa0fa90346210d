import { alertSubject } from '../../../shared/audit/alert-subject';
import { keysetPage } from '../../../shared/api/paging';
import { fail, ok } from '../../../shared/api/result';
import { personStampOf, stampOf } from '../people/audit-stamp';
import { actorOf, type CoreHandlers } from '../people/caller';
import { toView } from '../store/command-repo';
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

/** Supervisors' decisions, and the records people read afterwards: alerts, the audit trail, refused deliveries. */
export function recordHandlers(ctx: CoreContext, pin: PinGuard): RecordHandlers {
  return {
    listReviews: async ({ before, limit }) => {
      const recent = ctx.reviews.recent(limit, before);
      return ok({
        queue: ctx.reviews.queue(),
        recent: recent.rows,
        recentTotal: recent.total,
        ...(recent.next !== undefined ? { recentNext: recent.next } : {}),
      });
    },
    listReviewInspections: async ({ reviewId, offset, limit }) => ctx.reviews.inspections(reviewId, offset, limit),
    decide: async ({ reviewId, outcome, reason, pin: given }, caller) =>
      pin.check(given, { action: 'decide', reviewId, outcome }, actorOf(caller)) ??
      ctx.reviews.decide({ reviewId, outcome, reason }, actorOf(caller), 'supervisor', personStampOf(caller)),
    retryCommand: async ({ commandId }, caller) => {
      const retried = ctx.outbox.retry(commandId, actorOf(caller));
      return retried.ok ? ok(toView(retried.value)) : retried;
    },
    listAlertHistory: async ({ before, limit }) => ok(ctx.alerts.history(limit, before)),
    acknowledgeAlert: async ({ alertId }, caller) => {
      const at = ctx.now().toISOString();
      if (!ctx.alerts.acknowledge(alertId, actorOf(caller), at)) {
        return fail('not-allowed', 'this alert is closed already, or closes only when the machine runs again or stops');
      }
      ctx.audit.record({ ...stampOf(caller), at, kind: 'alert-acknowledged', subject: alertSubject([alertId]) });
      ctx.emit({ type: 'audit' });
      const active = ctx.alerts.active();
      ctx.emit({ type: 'alerts', active, summary: ctx.alerts.summary(at) });
      return ok(active);
    },
    listAudit: async ({ before, offset, limit, ...filter }) => {
      const found = ctx.commands.search(filter, limit + 1, offset, before);
      return ok({ ...keysetPage(found.rows.map(toView), limit, (c) => c.id), total: found.total, ...(found.capped ? { totalCapped: true } : {}) });
    },
    // Where an export goes is the transport's to say: serve-server.ts offers a download, the app's shell a save dialog.
    exportAudit: async () => fail('unavailable', "the audit export is offered by the console's window or its served page"),
    listPinRefusals: async ({ before, offset, limit }) => {
      const found = ctx.pinRefusals.recent(limit + 1, offset, before);
      return ok({ ...keysetPage(found.rows, limit, (r) => r.id), total: found.total });
    },
    listDeliveries: async ({ outcome, before, offset, limit }) => {
      const found = ctx.deliveries.list(outcome, offset, limit + 1, before);
      return ok({ ...found, ...keysetPage(found.rows, limit, (d) => d.id) });
    },
    getDelivery: async ({ id }) => {
      const d = ctx.deliveries.get(id);
      return d ? ok(d) : fail('not-found', `no delivery ${id}`);
    },
  };
}
