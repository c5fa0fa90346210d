import { z } from 'zod';
import { LAST_EVENTS, WEBHOOK_RESULTS, termText } from './vocabulary';
import type { IdvMessage } from './message';

/**
 * Which verification results and last events raise an alert. The vendor asks that the events a receiver reacts to
 * be configuration, not constants: these rules come from the config file and can be changed in the console at run
 * time.
 */
export const AlertRulesSchema = z
  .object({
    results: z.array(z.string().trim().min(1).max(100)).max(50),
    events: z.array(z.string().trim().min(1).max(100)).max(100),
  })
  .strict();
export type AlertRules = z.infer<typeof AlertRulesSchema>;

export const DEFAULT_ALERT_RULES: AlertRules = { results: ['invalid_identity', 'expired'], events: [] };

const has = (list: readonly string[], value: string | undefined) =>
  value !== undefined && list.some((v) => v.toLowerCase() === value.toLowerCase());

/** Why a message raises an alert under these rules, in words; undefined when it does not. */
export function alertReason(message: IdvMessage, rules: AlertRules): string | undefined {
  const reasons: string[] = [];
  if (has(rules.results, message.result)) {
    reasons.push(termText(WEBHOOK_RESULTS, message.result) ?? `Result "${message.result}"`);
  }
  if (has(rules.events, message.lastEvent)) {
    reasons.push(`Last event: ${termText(LAST_EVENTS, message.lastEvent) ?? message.lastEvent}`);
  }
  if (reasons.length === 0) return undefined;
  if (message.lastEventDescription && !reasons.some((r) => r.includes(message.lastEventDescription ?? ''))) {
    reasons.push(message.lastEventDescription);
  }
  return reasons.join(' — ');
}
