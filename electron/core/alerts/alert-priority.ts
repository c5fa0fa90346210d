import type { AlertKind, AlertPriority } from '../../../shared/api/alerts';

/**
 * Each kind's priority unless IT sets another (`alarms.priorities`), by what waits on it:
 * - critical: the console's disk filling up. When it is full the console stops storing messages, machines retry and
 *   then stop: every line stands still, and nobody at a machine can fix it.
 * - high: a line standing still or about to (a suspension, an error stop, the scheduler in error), or the console cut
 *   off from a machine (it does not answer, or refuses the console's calls): Resume and Stop cannot reach it.
 * - medium: work that waits without stopping the line yet (a card in the encoder), a machine gone quiet (it may still
 *   issue; its webhooks do not arrive), a failed backup (the data is safe until the disk fails).
 * - low: worth looking at within the shift: a reused MessageId (nothing is applied from it), a backup over a day old,
 *   the machine's own warning before a stop (a cartridge running low: have the next one ready).
 */
export const DEFAULT_PRIORITIES: Readonly<Record<AlertKind, AlertPriority>> = {
  'disk-low': 'critical',
  suspension: 'high',
  stopped: 'high',
  'scheduler-error': 'high',
  unreachable: 'high',
  'api-refused': 'high',
  'encoder-wait': 'medium',
  silence: 'medium',
  'backup-failed': 'medium',
  'message-conflict': 'low',
  'backup-stale': 'low',
  'machine-warning': 'low',
};

/** The defaults with what the config sets over them. */
export function resolvePriorities(set: { [K in AlertKind]?: AlertPriority | undefined } | undefined): Record<AlertKind, AlertPriority> {
  const out = { ...DEFAULT_PRIORITIES };
  for (const [kind, p] of Object.entries(set ?? {}) as [AlertKind, AlertPriority | undefined][]) if (p) out[kind] = p;
  return out;
}
