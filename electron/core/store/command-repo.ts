import type { CommandKind, CommandState, CommandView } from '../../../shared/api/views';
import type { Db } from './database';

interface CommandRow {
  id: number;
  machine_id: string;
  kind: CommandKind;
  payload: string;
  actor: string;
  state: CommandState;
  outcome: string | null;
  created_at: string;
  updated_at: string;
}

function toView(row: CommandRow): CommandView {
  return {
    id: row.id,
    machineId: row.machine_id,
    kind: row.kind,
    state: row.state,
    actor: row.actor,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    ...(row.outcome !== null ? { outcome: row.outcome } : {}),
  };
}

/** The command outbox: a command is written here before it is sent, and its state follows the call. */
export class CommandRepo {
  constructor(private readonly db: Db) {}

  create(input: { machineId: string; kind: CommandKind; payload: unknown; actor: string; at: string }): CommandView {
    const info = this.db
      .prepare(
        `INSERT INTO commands (machine_id, kind, payload, actor, state, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
      )
      .run(input.machineId, input.kind, JSON.stringify(input.payload ?? null), input.actor, input.at, input.at);
    return this.get(Number(info.lastInsertRowid));
  }

  update(id: number, state: CommandState, outcome: string | undefined, at: string): CommandView {
    this.db
      .prepare('UPDATE commands SET state = ?, outcome = ?, updated_at = ? WHERE id = ?')
      .run(state, outcome ?? null, at, id);
    return this.get(id);
  }

  get(id: number): CommandView {
    const row = this.db.prepare<[number], CommandRow>('SELECT * FROM commands WHERE id = ?').get(id);
    if (!row) throw new Error(`no command ${id}`);
    return toView(row);
  }

  recent(limit = 50): CommandView[] {
    return this.db
      .prepare<[number], CommandRow>('SELECT * FROM commands ORDER BY id DESC LIMIT ?')
      .all(limit)
      .map(toView);
  }
}
