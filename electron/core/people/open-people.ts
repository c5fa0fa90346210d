import type { ConsoleEvent } from '../../../shared/api/contract';
import type { ConsoleConfig } from '../config/schema';
import type { AccountRepo } from '../store/account-repo';
import { Accounts } from './accounts';
import { LocalAuthenticator } from './authenticator';
import { syncFileAccounts } from './file-accounts';
import { People } from './people';

/** How often idle sessions are looked for between calls, so a station nobody touches locks on time. */
const IDLE_CHECK_MS = 15_000;

export interface OpenedPeople {
  people: People;
  /** Ends the idle checks. */
  stop(): void;
}

/** The people at this station: the accounts (the machine-wide file's mirrored first), sign-in, and the idle lock. */
export function openPeople(
  repo: AccountRepo,
  config: Pick<ConsoleConfig, 'station' | 'training' | 'auth' | 'people' | 'language'>,
  osUser: string,
  now: () => Date,
  emit: (event: ConsoleEvent) => void,
  log: (line: string) => void,
): OpenedPeople {
  const accounts = new Accounts(repo, now);
  const { required, idleMinutes } = config.auth;
  const rules = { station: config.station, osUser, training: config.training !== undefined, required, idleMinutes, language: config.language };
  const people = new People(accounts, new LocalAuthenticator(repo, now), rules, now, emit);
  syncFileAccounts(config.people, repo, accounts, people.witness('machine-wide file'), now, log);
  const timer = setInterval(() => people.sessions.expireIdle(), IDLE_CHECK_MS);
  timer.unref();
  return { people, stop: () => clearInterval(timer) };
}
