import type { Person } from '../../../shared/api/people';
import type { AuditStamp } from '../store/audit-repo';
import type { PersonStamp } from '../store/command-repo';
import { actorOf, type Caller } from './caller';

/**
 * A caller as the guard hands it to a handler: after a supervisor's step-up, `person` is the supervisor and
 * `stepUpAt` the person signed in at the station, who stays signed in.
 */
export type ActingCaller = Caller & { stepUpAt?: Person | undefined };

/** Who the audit names for a call: the person (or the OS user on an open station), their role and the station. */
export function stampOf(caller: ActingCaller): AuditStamp {
  return {
    actor: actorOf(caller),
    ...(caller.person ? { accountId: caller.person.accountId, role: caller.person.role } : {}),
    station: caller.station,
    ...(caller.stepUpAt ? { signedIn: caller.stepUpAt.name } : {}),
  };
}

/** The same, for a command row, whose actor string is a column of its own. */
export function personStampOf(caller: ActingCaller): PersonStamp {
  const { actor: _actor, ...rest } = stampOf(caller);
  return rest;
}
