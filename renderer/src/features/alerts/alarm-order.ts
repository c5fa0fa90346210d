import { PRIORITY_ORDER, UNSHELVABLE_KINDS, type AlertView } from '../../../../shared/api/alerts';

/** One row of the band: an alert, with the follow-on alerts its cause raised folded under it. */
export interface BandRow {
  alert: AlertView;
  followOn: AlertView[];
}

const rank = (a: AlertView) => PRIORITY_ORDER.indexOf(a.priority);

/** Most urgent first; within a priority, the newest first (ISO timestamps compare as text). */
export const byUrgency = (a: AlertView, b: AlertView): number => rank(a) - rank(b) || b.openedAt.localeCompare(a.openedAt) || b.id - a.id;

/**
 * The band's rows from the core's open alerts: shelved ones leave the band (they are counted apart), a suppressed
 * alert folds under its root, most urgent and newest first. A follow-on whose root is not in the band (shelved, or
 * closed in between) stands as a row of its own rather than vanish.
 */
export function bandRows(alerts: readonly AlertView[]): BandRow[] {
  const shown = alerts.filter((a) => !a.shelved);
  const ids = new Set(shown.map((a) => a.id));
  const followOn = new Map<number, AlertView[]>();
  const roots: AlertView[] = [];
  for (const a of shown) {
    if (a.suppressedBy !== undefined && ids.has(a.suppressedBy)) followOn.set(a.suppressedBy, [...(followOn.get(a.suppressedBy) ?? []), a]);
    else roots.push(a);
  }
  return roots.sort(byUrgency).map((alert) => ({ alert, followOn: (followOn.get(alert.id) ?? []).sort(byUrgency) }));
}

/** The shelved alerts, returning soonest first. */
export const shelvedAlerts = (alerts: readonly AlertView[]): AlertView[] =>
  alerts.filter((a) => a.shelved).sort((a, b) => (a.shelved?.until ?? '').localeCompare(b.shelved?.until ?? ''));

/** The alerts that sound: not shelved, not a follow-on, not merely latched (cleared, waiting for an acknowledgement). */
export const soundingAlerts = (alerts: readonly AlertView[]): AlertView[] => alerts.filter((a) => !a.shelved && a.suppressedBy === undefined && !a.latched);

/** Whether the core may let this alert be shelved: never one whose Resume / Stop must stay in view. */
export const mayBeShelved = (a: AlertView): boolean => !UNSHELVABLE_KINDS.includes(a.kind) && !a.latched;
