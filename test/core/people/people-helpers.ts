import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { TestConsole } from '../../helpers/core';

/** A clock the test moves: the core reads it for idle sign-out, waits and locks. */
export function testClock(start = '2026-03-02T08:00:00Z') {
  let t = new Date(start);
  return {
    now: () => t,
    advance(ms: number) {
      t = new Date(t.getTime() + ms);
    },
  };
}

export interface PeopleEventRow {
  event: string;
  account_name: string;
  role: string | null;
  station: string;
  via: string;
  by_name: string | null;
  detail: string | null;
}

/** The sign-in and account events the console recorded, oldest first (read from its database). */
export function peopleEvents(core: TestConsole): PeopleEventRow[] {
  const db = new Database(join(core.config.dataDir, 'console.sqlite'), { readonly: true });
  try {
    return db.prepare<[], PeopleEventRow>('SELECT event, account_name, role, station, via, by_name, detail FROM account_events ORDER BY id').all();
  } finally {
    db.close();
  }
}

/** The first IT account made on the test's own session, and an operator and a supervisor IT then adds. */
export async function staffed(core: TestConsole): Promise<{ it: number; operator: number; supervisor: number }> {
  const first = await core.handlers.createFirstAccount({ name: 'Ida', pin: '246810' });
  if (!first.ok || !first.value.person) throw new Error(`first account: ${JSON.stringify(first)}`);
  const operator = await core.handlers.createAccount({ name: 'Olga', role: 'operator', pin: '1357', badge: '00123456', mustChangePin: false });
  const supervisor = await core.handlers.createAccount({ name: 'Sven', role: 'supervisor', pin: '8642', mustChangePin: false });
  if (!operator.ok || !supervisor.ok) throw new Error(`accounts: ${JSON.stringify([operator, supervisor])}`);
  return { it: first.value.person.accountId, operator: operator.value.id, supervisor: supervisor.value.id };
}
