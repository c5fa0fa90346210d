import type { DeliveryRun } from '../domain/rapidadmin/replay';
import type { SequenceState } from '../domain/rapidadmin/sequence';
import type { Db } from './database';

/**
 * What the console knows of one card (a person and a card template): where its documented sequence stands, and its
 * last credential event, whose id number and template name print events do not carry.
 */
export interface CardThread {
  sequence?: SequenceState;
  credential?: unknown;
}

/**
 * Runs of identical deliveries share the sequences table (a projection, rebuilt from the log; no migration): under
 * `replay:<hex digest>`, which no card's `<PersonId>/<CardTemplateId>` key can equal, since it has no slash.
 */
const RUN_PREFIX = 'replay:';

/**
 * RapIDadmin / EliteID projections: the last record of each person, the thread of each card, and the run of each
 * event and body (for repeats, domain/rapidadmin/replay.ts).
 */
export class RapidadminRepo {
  private readonly getPerson;
  private readonly putPerson;
  private readonly getThread;
  private readonly putThread;

  constructor(db: Db) {
    this.getPerson = db.prepare<[string], { body: string }>('SELECT body FROM rapidadmin_persons WHERE person_id = ?');
    this.putPerson = db.prepare(
      `INSERT INTO rapidadmin_persons (person_id, body, deleted, last_seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET body = excluded.body, deleted = excluded.deleted, last_seq = excluded.last_seq`,
    );
    this.getThread = db.prepare<[string], { state: string }>('SELECT state FROM rapidadmin_sequences WHERE sequence_key = ?');
    this.putThread = db.prepare(
      `INSERT INTO rapidadmin_sequences (sequence_key, state, last_seq) VALUES (?, ?, ?)
       ON CONFLICT (sequence_key) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq`,
    );
  }

  person(personId: string): unknown {
    const row = this.getPerson.get(personId);
    return row ? (JSON.parse(row.body) as unknown) : undefined;
  }

  savePerson(personId: string, body: unknown, deleted: boolean, seq: number): void {
    this.putPerson.run(personId, JSON.stringify(body), deleted ? 1 : 0, seq);
  }

  thread(key: string): CardThread {
    const row = this.getThread.get(key);
    return row ? (JSON.parse(row.state) as CardThread) : {};
  }

  saveThread(key: string, thread: CardThread, seq: number): void {
    this.putThread.run(key, JSON.stringify(thread), seq);
  }

  /** The run of deliveries whose event and body hash to `digest` (hex). */
  run(digest: string): DeliveryRun | undefined {
    const row = this.getThread.get(RUN_PREFIX + digest);
    return row ? (JSON.parse(row.state) as DeliveryRun) : undefined;
  }

  saveRun(digest: string, run: DeliveryRun, seq: number): void {
    if (!/^[0-9a-f]+$/.test(digest)) throw new Error('a run is keyed by a hex digest');
    this.putThread.run(RUN_PREFIX + digest, JSON.stringify(run), seq);
  }
}
