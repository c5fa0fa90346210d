import { ok } from '../../../shared/api/result';
import { stampOf } from '../people/audit-stamp';
import type { CoreHandlers } from '../people/caller';
import { auditEventsCsv } from './audit-csv';
import type { CoreContext } from './context';

type AuditHandlers = Pick<CoreHandlers, 'listAuditEvents' | 'exportAuditEvents' | 'silenceReminder'>;

const EXPORT_LIMIT = 100_000;

/** The audit trail beside the commands: read, exported, and told that a station silenced its reminder. */
export function auditHandlers(ctx: Pick<CoreContext, 'audit' | 'now' | 'emit'>): AuditHandlers {
  return {
    listAuditEvents: async ({ offset, limit, ...filter }) => ok(ctx.audit.search(filter, limit, offset)),
    exportAuditEvents: async ({ offset: _offset, limit: _limit, ...filter }) => {
      const page = ctx.audit.search(filter, EXPORT_LIMIT, 0);
      const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
      return ok({ filename: `issuance-audit-events-${stamp}.csv`, csv: auditEventsCsv(page.rows) });
    },
    // Anyone may silence the local sound, signed in or not: the trail says who was at the station, or that nobody was.
    silenceReminder: async ({ alertIds }, caller) => {
      ctx.audit.record({ ...stampOf(caller), at: ctx.now().toISOString(), kind: 'sound-silenced', subject: alertIds.map((id) => `alert ${id}`).join(', ') });
      ctx.emit({ type: 'audit' });
      return ok({});
    },
  };
}
