import type { SessionView } from '../../../../shared/api/people';
import { ok } from '../../../../shared/api/result';
import type { FakeClient } from '../../helpers/fake-client';

/** The people of the tests' station, as the sign-in screen lists them. */
export const NAMES: SessionView['signInNames'] = [
  { accountId: 1, name: 'Ida IT', role: 'it' },
  { accountId: 2, name: 'Olga Operator', role: 'operator' },
  { accountId: 3, name: 'Sam Supervisor', role: 'supervisor' },
  { accountId: 4, name: 'Sue Supervisor', role: 'supervisor' },
];

export const OLGA = { accountId: 2, name: 'Olga Operator', role: 'operator' } as const;

/** A station that requires sign-in, with nobody signed in; what a test cares about laid over it. */
export function session(overrides: Partial<SessionView> = {}): SessionView {
  return {
    station: 'Test station',
    osUser: 'floor',
    openStation: false,
    training: false,
    signInRequired: true,
    canCreateFirstAccount: false,
    mustChangePin: false,
    idleMinutes: 10,
    signInNames: NAMES,
    language: 'en',
    stationLanguage: 'en',
    ...overrides,
  };
}

/** The same station with Olga (an operator) signed in. */
export const signedInAsOlga = (): SessionView => session({ signInRequired: false, person: OLGA });

/** The core's answer to getSession from now on. */
export function answerSession(client: FakeClient, view: SessionView): void {
  client.handle('getSession', () => ok(view));
}
