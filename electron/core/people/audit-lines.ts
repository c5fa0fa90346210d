import type { CodedParam, CodedText } from '../../../shared/api/coded-text';
import type { Credential, Role } from '../../../shared/api/people';
import { asParam, coded, type StoredText } from '../../../shared/i18n/stored-text';
import type { auditDetails } from '../../../shared/i18n/texts/audit-details';

/**
 * The people audit's sentences (shared/i18n/texts/audit-details.ts): coded, so each reader reads them in their own
 * language, with the English words rows were always written in.
 */

/** What happened to an account: every event the people audit records has its words in the catalog. */
export type AccountEventName = keyof typeof auditDetails.en.event;

/** A detail sentence of the audit (`path` under `auditDetails:`). */
export const detail = (path: string, params?: Record<string, CodedParam>): StoredText => coded(`auditDetails:${path}`, params);

/** A role as the audit names it ("operator"). */
export const roleOf = (role: Role): CodedText => ({ code: `auditDetails:role.${role}` });

/** How someone signed in or was refused: by badge or by name. */
export const howOf = (credential: Credential): StoredText => detail(credential.badge !== undefined ? 'how.badge' : 'how.name');

/** Several changes as one detail, in order ("role operator → supervisor, badge changed"); undefined for none. */
export function listOf(parts: readonly StoredText[]): StoredText | undefined {
  const [first, ...rest] = parts;
  if (!first) return undefined;
  const tail = listOf(rest);
  return tail ? detail('list', { first: asParam(first), rest: asParam(tail) }) : first;
}

/** An account event's line as the trail shows it: the event, and its detail after a colon. */
export function accountLine(event: AccountEventName, said: StoredText | undefined): CodedText {
  const name: CodedText = { code: `auditDetails:event.${event}` };
  return said ? { code: 'auditDetails:line', params: { event: name, detail: asParam(said) } } : name;
}
