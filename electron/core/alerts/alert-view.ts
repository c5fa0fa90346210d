import { CONSOLE_SUBJECT, type AlertPriority, type AlertKind, type AlertView, type ClosedReasonCode } from '../../../shared/api/alerts';
import { alertTexts, closedReasonText } from '../../../shared/alerts/alert-texts';
import { translator } from '../../../shared/i18n/translate';
import type { AlertRow } from '../store/alert-repo';
import type { ShelfRow } from '../store/alert-shelf-repo';
import { causeOf } from './alert-cause';

export interface AlertViewContext {
  machineLabel: (id: string) => string;
  priorities: Readonly<Record<AlertKind, AlertPriority>>;
  /** Whether a latched row shows as latched (alarms.latching is on). */
  latching: boolean;
  shelf?: ShelfRow | undefined;
  actions: AlertView['actions'];
}

const english = translator('en');

/** The label of an alert's subject: the machine's, or "This console" for the console's own. */
export function subjectLabelOf(machineId: string, machineLabel: (id: string) => string): string {
  return machineId === CONSOLE_SUBJECT ? english('alerts:consoleSubject') : machineLabel(machineId);
}

/**
 * A stored alert as the page reads it: its structured fields, from which the page composes the texts in the viewer's
 * language, and the English texts the core still writes beside them (see the note atop shared/api/alerts.ts).
 */
export function alertView(row: AlertRow, ctx: AlertViewContext): AlertView {
  const label = subjectLabelOf(row.machine_id, ctx.machineLabel);
  const structured = {
    machineId: row.machine_id,
    machineLabel: label,
    kind: row.kind,
    ...(row.code !== null ? { code: row.code } : {}),
    ...(row.detail !== null ? { detail: row.detail } : {}),
  };
  const closed = {
    ...(row.closed_code !== null ? { closedReasonCode: row.closed_code as ClosedReasonCode } : {}),
    ...(row.closed_params !== null ? { closedReasonParams: JSON.parse(row.closed_params) as Record<string, string> } : {}),
    ...(row.closed_reason !== null ? { closedReason: row.closed_reason } : {}),
  };
  const reason = closedReasonText(english, closed);
  return {
    id: row.id,
    ...structured,
    priority: ctx.priorities[row.kind],
    cause: causeOf(row.kind, row.code ?? undefined),
    ...(row.suppressed_by !== null ? { suppressedBy: row.suppressed_by } : {}),
    ...(row.first_out === 1 ? { firstOut: true as const } : {}),
    ...(ctx.shelf ? { shelved: { until: ctx.shelf.until, reason: ctx.shelf.reason, by: ctx.shelf.actor } } : {}),
    ...(ctx.latching && row.latched === 1 ? { latched: true as const } : {}),
    ...alertTexts(english, structured),
    openedAt: row.opened_at,
    ...(row.closed_at !== null ? { closedAt: row.closed_at } : {}),
    ...closed,
    ...(reason !== undefined ? { closedReason: reason } : {}),
    actions: ctx.actions,
  };
}
