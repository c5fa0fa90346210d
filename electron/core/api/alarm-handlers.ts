import { alertSubject } from '../../../shared/audit/alert-subject';
import { fail, ok } from '../../../shared/api/result';
import { asSent, coded } from '../../../shared/i18n/stored-text';
import { SHELVE_REFUSALS } from '../alerts/alert-shelving';
import { stampOf } from '../people/audit-stamp';
import { actorOf, type CoreHandlers } from '../people/caller';
import type { CoreContext } from './context';
import type { PinGuard } from './pin';

type AlarmHandlers = Pick<CoreHandlers, 'shelveAlert' | 'unshelveAlert' | 'alarmKpis' | 'testAlarm'>;

const KPI_DEFAULT_MS = 7 * 24 * 60 * 60_000;

/**
 * Shelving, the alarm KPIs and the shift's alarm test (issue 14). Who may shelve is permissions.ts's (a supervisor, or
 * an operator with a supervisor's step-up); on an open station the shared supervisor PIN, when set, stands in.
 */
export function alarmHandlers(ctx: CoreContext, pin: PinGuard): AlarmHandlers {
  const changed = (at: string) => {
    ctx.emit({ type: 'audit' });
    const active = ctx.alerts.active();
    ctx.emit({ type: 'alerts', active, summary: ctx.alerts.summary(at) });
    return ok(active);
  };
  const machineOf = (id: number) => ctx.alerts.active().find((a) => a.id === id)?.machineId;

  return {
    shelveAlert: async ({ id, minutes, reason, pin: given }, caller) => {
      const machineId = machineOf(id);
      const refusedPin = pin.check(given, { action: 'shelve', ...(machineId !== undefined ? { machineId } : {}) }, actorOf(caller));
      if (refusedPin) return refusedPin;
      const at = ctx.now().toISOString();
      const stamp = stampOf(caller);
      const refusal = ctx.alerts.shelve(id, { minutes, reason, actor: stamp.actor, accountId: stamp.accountId }, at);
      if (refusal) return fail(refusal === 'not-found' ? 'not-found' : 'not-allowed', SHELVE_REFUSALS[refusal]);
      ctx.audit.record({ ...stamp, at, kind: 'alert-shelved', subject: alertSubject([id]), newValue: `${minutes} min`, detail: asSent(reason) });
      return changed(at);
    },
    unshelveAlert: async ({ id, pin: given }, caller) => {
      const machineId = machineOf(id);
      const refusedPin = pin.check(given, { action: 'shelve', ...(machineId !== undefined ? { machineId } : {}) }, actorOf(caller));
      if (refusedPin) return refusedPin;
      const at = ctx.now().toISOString();
      if (!ctx.alerts.unshelve(id, actorOf(caller), at)) return fail('not-found', 'This alert is not shelved.');
      ctx.audit.record({ ...stampOf(caller), at, kind: 'alert-unshelved', subject: alertSubject([id]) });
      return changed(at);
    },
    alarmKpis: async ({ from, to }) => {
      const end = to !== undefined ? Date.parse(to) : ctx.now().getTime();
      const start = from !== undefined ? Date.parse(from) : end - KPI_DEFAULT_MS;
      if (Number.isNaN(start) || Number.isNaN(end) || start >= end) return fail('invalid-request', 'from and to must be times, from before to');
      return ok(ctx.alerts.kpis(start, end));
    },
    testAlarm: async (_params, caller) => {
      const at = ctx.now().toISOString();
      ctx.audit.record({ ...stampOf(caller), at, kind: 'alarm-tested', detail: coded('auditDetails:alarmTested') });
      ctx.emit({ type: 'audit' });
      return ok({ at });
    },
  };
}
