import type { ConsoleHandlers } from '../../../shared/api/dispatch';
import type { Person } from '../../../shared/api/people';

/** How a call reached the core: the Electron window, a browser on this machine, or a thin client on the LAN. */
export type Via = 'app' | 'serve-loopback' | 'serve-lan';

/**
 * Who makes one ConsoleApi call, as the transport knows them: the session it came on and the person signed in
 * there. Built by the core for each call from the session the transport attached (never from the call's argument).
 */
export interface Caller {
  sessionId: string;
  /** Signed in, with any forced PIN change done. */
  person?: Person;
  /** The operating-system user running the console: whom an open station's actions are recorded as. */
  osUser: string;
  station: string;
  via: Via;
  /**
   * No person is needed to act on this call: an open station (no account yet, `auth.required` off, not a LAN
   * client), or training mode. Otherwise a call without `person` may read but not act.
   */
  open: boolean;
}

/** The core's handlers: each is given the caller. */
export type CoreHandlers = ConsoleHandlers<Caller>;

/** The actor string the records carry: the person signed in, else the OS user at the station (as before accounts). */
export function actorOf(caller: Caller): string {
  return `${caller.person?.name ?? caller.osUser}@${caller.station}`;
}
