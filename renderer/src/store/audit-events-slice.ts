import { translator } from '../../../shared/i18n/translate';
import type { AuditEventKind, AuditEventView } from '../../../shared/api/audit';
import type { AuditExport } from '../../../shared/api/records';
import { actionKey, runAction } from './actions';
import { LatestRead } from './loads';
import { RefreshScheduler } from './refresh-scheduler';
import type { SliceCreator } from './types';

/**
 * The audit trail beside the commands (issue 13): sign-ins, sign-outs and refused PINs, settings and account changes,
 * refused calls, acknowledgements, the silenced reminder. Narrowed by the same person, name and time range as the commands.
 */
export interface AuditEventsSlice {
  auditEvents: AuditEventView[];
  auditEventTotal: number;
  auditEventsError: string | undefined;
  auditEventKind: AuditEventKind | undefined;
  loadAuditEvents(): Promise<void>;
  setAuditEventKind(kind: AuditEventKind | undefined): Promise<void>;
  /** The core recorded something: the list on screen is read again, at most every REFRESH_MS. */
  auditEventsChanged(): void;
  /**
   * Every event the filters and the kind select, as CSV (not only the newest shown): a download the core streams
   * (the served page), or a file the app saved, as the commands' export.
   */
  exportAuditEvents(): Promise<AuditExport | undefined>;
}

export const AUDIT_EVENTS_SHOWN = 50;
const REFRESH_MS = 300;

export const createAuditEventsSlice: SliceCreator<AuditEventsSlice> = (set, get, client) => {
  const reads = new LatestRead();
  let loaded = false;
  const live = new RefreshScheduler(REFRESH_MS, () => get().loadAuditEvents());
  /** The person, name and time filters the commands share, and this section's kind. */
  const query = () => {
    const { accountId, actor, since, until } = get().auditFilter;
    const kind = get().auditEventKind;
    return {
      ...(accountId !== undefined ? { accountId } : {}),
      ...(actor !== undefined ? { actor } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(until !== undefined ? { until } : {}),
      ...(kind !== undefined ? { kind } : {}),
    };
  };
  return {
    auditEvents: [],
    auditEventTotal: 0,
    auditEventsError: undefined,
    auditEventKind: undefined,
    async loadAuditEvents() {
      const read = reads.begin();
      const result = await client.listAuditEvents({ ...query(), offset: 0, limit: AUDIT_EVENTS_SHOWN });
      if (!read.isCurrent()) return;
      loaded = true;
      if (result.ok) set({ auditEvents: result.value.rows, auditEventTotal: result.value.total, auditEventsError: undefined });
      else set({ auditEventsError: result.error.message });
    },
    async setAuditEventKind(auditEventKind) {
      set({ auditEventKind });
      await get().loadAuditEvents();
    },
    auditEventsChanged() {
      // Nobody is looking at the list until the audit view has read it once.
      if (loaded) live.request();
    },
    async exportAuditEvents() {
      const result = await runAction(set, get, { key: actionKey.auditEventsExport, label: translator(get().language)('actions:exportEvents') }, () =>
        client.exportAuditEvents(query()),
      );
      return result?.ok ? result.value : undefined;
    },
  };
};
