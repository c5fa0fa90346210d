import { alertSubject } from '../../../shared/audit/alert-subject';
import { fail, ok } from '../../../shared/api/result';
import { stampOf } from '../people/audit-stamp';
import type { CoreHandlers } from '../people/caller';
import type { CoreContext } from './context';

type AuditHandlers = Pick<CoreHandlers, 'listAuditEvents' | 'exportAuditEvents' | 'silenceReminder'>;

/** The audit trail beside the commands: read, exported, and told that a station silenced its reminder. */
export function auditHandlers(ctx: Pick<CoreContext, 'audit' | 'now' | 'emit'>): AuditHandlers {
  return {
    listAuditEvents: async ({ offset, limit, ...filter }) => ok(ctx.audit.search(filter, limit, offset)),
    // Streamed as the commands' export is (AuditExporter): each transport sends it where its UI can take it.
    exportAuditEvents: async () => fail('unavailable', "the audit export is offered by the console's window or its served page"),
    // Anyone may silence the local sound, signed in or not: the trail says who was at the station, or that nobody was.
    silenceReminder: async ({ alertIds }, caller) => {
      ctx.audit.record({ ...stampOf(caller), at: ctx.now().toISOString(), kind: 'sound-silenced', subject: alertSubject(alertIds) });
      ctx.emit({ type: 'audit' });
      return ok({});
    },
  };
}
