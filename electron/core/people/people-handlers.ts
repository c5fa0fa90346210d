import type { Handler } from '../../../shared/api/dispatch';
import type { PEOPLE_METHODS } from '../../../shared/api/people';
import { ok, type Result } from '../../../shared/api/result';
import type { Caller } from './caller';
import type { People } from './people';

type PeopleHandlers = { [M in keyof typeof PEOPLE_METHODS]: Handler<M, Caller> };

/**
 * The sign-in and account methods of the ConsoleApi. Who may call the account methods (IT) is the guard's to
 * decide (guard.ts); here each change is made and audited under the caller, and the sessions it touches follow.
 */
export function peopleHandlers(people: People): PeopleHandlers {
  const { accounts } = people;
  const by = (caller: Caller) => people.witness(caller.via, caller.person);
  const changed = <T extends { id: number }>(result: Result<T>): Result<T> => {
    if (result.ok) people.accountChanged(result.value.id);
    return result;
  };
  return {
    getSession: async (_params, caller) => ok(people.view(caller.sessionId)),
    signIn: (credential, caller) => people.signIn(caller, credential),
    signOut: async (_params, caller) => ok(people.signOut(caller, 'signed-out')),
    lockStation: async (_params, caller) => ok(people.signOut(caller, 'idle')),
    changeOwnPin: ({ current, next }, caller) => people.changeOwnPin(caller, current, next),
    setOwnLanguage: async ({ language }, caller) => people.setOwnLanguage(caller, language),
    createFirstAccount: (input, caller) => people.createFirstAccount(caller, input),
    listAccounts: async () => ok(accounts.list()),
    createAccount: async (input, caller) => changed(await accounts.create(input, by(caller))),
    updateAccount: async ({ id, ...change }, caller) => changed(accounts.update(id, change, by(caller))),
    resetPin: async ({ id, pin, mustChangePin }, caller) => changed(await accounts.resetPin(id, pin, mustChangePin, by(caller))),
    clearLock: async ({ id }, caller) => changed(accounts.clearLock(id, by(caller))),
  };
}
