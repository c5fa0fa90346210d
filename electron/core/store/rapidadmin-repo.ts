import type { ActivityEntry } from '../../../shared/api/feeds';
import type { SequenceState } from '../domain/rapidadmin/sequence';
import type { Db } from './database';

/** RapIDadmin / EliteID projections: the last record of each person, sequence state, and the activity feed. */
export class RapidadminRepo {
  private readonly getPerson;
  private readonly putPerson;
  private readonly getSequence;
  private readonly putSequence;
  private readonly putActivity;

  constructor(private readonly db: Db) {
    this.getPerson = db.prepare<[string], { body: string }>('SELECT body FROM rapidadmin_persons WHERE person_id = ?');
    this.putPerson = db.prepare(
      `INSERT INTO rapidadmin_persons (person_id, body, deleted, last_seq) VALUES (?, ?, ?, ?)
       ON CONFLICT (person_id) DO UPDATE SET body = excluded.body, deleted = excluded.deleted, last_seq = excluded.last_seq`,
    );
    this.getSequence = db.prepare<[string], { state: string }>('SELECT state FROM rapidadmin_sequences WHERE sequence_key = ?');
    this.putSequence = db.prepare(
      `INSERT INTO rapidadmin_sequences (sequence_key, state, last_seq) VALUES (?, ?, ?)
       ON CONFLICT (sequence_key) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq`,
    );
    this.putActivity = db.prepare('INSERT OR REPLACE INTO feed_activity (seq, source, at, entry) VALUES (?, ?, ?, ?)');
  }

  person(personId: string): unknown {
    const row = this.getPerson.get(personId);
    return row ? (JSON.parse(row.body) as unknown) : undefined;
  }

  savePerson(personId: string, body: unknown, deleted: boolean, seq: number): void {
    this.putPerson.run(personId, JSON.stringify(body), deleted ? 1 : 0, seq);
  }

  sequence(key: string): SequenceState | undefined {
    const row = this.getSequence.get(key);
    return row ? (JSON.parse(row.state) as SequenceState) : undefined;
  }

  saveSequence(key: string, state: SequenceState, seq: number): void {
    this.putSequence.run(key, JSON.stringify(state), seq);
  }

  addActivity(entry: ActivityEntry): void {
    this.putActivity.run(entry.seq, 'rapidadmin', entry.at, JSON.stringify(entry));
  }

  /** Newest first. */
  recentActivity(limit: number): ActivityEntry[] {
    return this.db
      .prepare<[number], { entry: string }>('SELECT entry FROM feed_activity ORDER BY seq DESC LIMIT ?')
      .all(limit)
      .map((r) => JSON.parse(r.entry) as ActivityEntry);
  }
}
