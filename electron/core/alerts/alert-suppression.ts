import type { AlertKind } from '../../../shared/api/alerts';

/** What the suppression rules read of an open alert. */
export interface SuppressionSubject {
  id: number;
  machineId: string;
  kind: AlertKind;
  code?: string | undefined;
}

interface SuppressionRule {
  root: AlertKind;
  follower: AlertKind;
  /** Further condition on the pair (same machine is always required); absent: any. */
  when?: (root: SuppressionSubject, follower: SuppressionSubject) => boolean;
}

const codesOf = (a: SuppressionSubject) => (a.code ?? '').split(',').filter((c) => c !== '');

/** Scheduler errors that say only that the machine cannot reach the console: the network, again. */
const NETWORK_CODES = new Set(['WebhooksServerUnreachable']);

/**
 * Follow-on alerts of a root cause, on the same machine. A follower is still recorded and listed under its root, never
 * sounded; it stands alone again when its root closes. A suspension or error stop is never a follower: its
 * Resume/Stop must stay in view. No root is a follower, so suppression never chains.
 *
 * - The machine does not answer: silence (its webhooks cannot arrive either), its API refusing the console (the last
 *   answer before it went away), a scheduler error that only says it cannot reach the console.
 * - An error stop or a suspension: the scheduler error that reports the same code (AIDA reports a jam three ways).
 * - A line already standing still, or a machine not answering (its last health read grows old): the machine's warning
 *   before a stop.
 */
export const SUPPRESSION_RULES: readonly SuppressionRule[] = [
  { root: 'unreachable', follower: 'silence' },
  { root: 'unreachable', follower: 'api-refused' },
  { root: 'unreachable', follower: 'scheduler-error', when: (_r, f) => codesOf(f).length > 0 && codesOf(f).every((c) => NETWORK_CODES.has(c)) },
  { root: 'stopped', follower: 'scheduler-error', when: (r, f) => r.code !== undefined && codesOf(f).includes(r.code) },
  { root: 'suspension', follower: 'scheduler-error', when: (r, f) => r.code !== undefined && codesOf(f).includes(r.code) },
  { root: 'suspension', follower: 'machine-warning' },
  { root: 'stopped', follower: 'machine-warning' },
  { root: 'unreachable', follower: 'machine-warning' },
];

/** The root an open alert follows from, among the open ones (the oldest such root); undefined: it stands alone. */
export function suppressorOf(alert: SuppressionSubject, open: readonly SuppressionSubject[]): number | undefined {
  let root: number | undefined;
  for (const rule of SUPPRESSION_RULES) {
    if (rule.follower !== alert.kind) continue;
    for (const r of open) {
      if (r.id === alert.id || r.kind !== rule.root || r.machineId !== alert.machineId) continue;
      if (rule.when && !rule.when(r, alert)) continue;
      if (root === undefined || r.id < root) root = r.id;
    }
  }
  return root;
}
