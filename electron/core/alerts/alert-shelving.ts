import { UNSHELVABLE_KINDS } from '../../../shared/api/alerts';
import type { AlertRow } from '../store/alert-repo';

/** Why an alert cannot be shelved: a code the tests and the handler read; SHELVE_REFUSALS says it in words. */
export type ShelveRefusal = 'not-found' | 'closed' | 'unshelvable' | 'shelved-already';

export const SHELVE_REFUSALS: Readonly<Record<ShelveRefusal, string>> = {
  'not-found': 'There is no such alert.',
  closed: 'This alert is closed already: there is nothing to shelve.',
  unshelvable: 'Suspensions and error stops cannot be shelved: their Resume and Stop must stay in view. Silence the reminder instead.',
  'shelved-already': 'This alert is shelved already: unshelve it first to shelve it again.',
};

/** Whether a supervisor may shelve this alert now. Pure: only notices still open and not shelved may be. */
export function shelveRefusal(row: AlertRow | undefined, shelved: boolean): ShelveRefusal | undefined {
  if (!row) return 'not-found';
  if (row.closed_at !== null) return 'closed';
  if (UNSHELVABLE_KINDS.includes(row.kind)) return 'unshelvable';
  if (shelved) return 'shelved-already';
  return undefined;
}
