import { INITIAL_MACHINE_STATE, type MachineState } from '../domain/machine-state';
import type { Db } from './database';

/**
 * Each machine's scheduler state. Within a projection batch every message folds into it, so puts are held in memory
 * and written once per machine when the batch ends (`flush`).
 */
export class MachineRepo {
  private readonly held = new Map<string, { state: MachineState; seq: number }>();
  private readonly getStmt;
  private readonly putStmt;
  private readonly lastSeqStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { state: string }>('SELECT state FROM machine_state WHERE machine_id = ?');
    this.lastSeqStmt = db.prepare<[string], { last_seq: number }>('SELECT last_seq FROM machine_state WHERE machine_id = ?');
    this.putStmt = db.prepare(
      `INSERT INTO machine_state (machine_id, state, last_seq) VALUES (?, ?, ?)
       ON CONFLICT (machine_id) DO UPDATE SET state = excluded.state, last_seq = excluded.last_seq`,
    );
  }

  get(machineId: string): MachineState {
    const held = this.held.get(machineId);
    if (held) return held.state;
    const row = this.getStmt.get(machineId);
    return row ? (JSON.parse(row.state) as MachineState) : INITIAL_MACHINE_STATE;
  }

  lastSeq(machineId: string): number {
    return this.held.get(machineId)?.seq ?? this.lastSeqStmt.get(machineId)?.last_seq ?? 0;
  }

  /** Whether any message about this machine has been folded. */
  seen(machineId: string): boolean {
    return this.held.has(machineId) || this.lastSeqStmt.get(machineId) !== undefined;
  }

  put(machineId: string, state: MachineState, seq: number): void {
    this.held.set(machineId, { state, seq });
  }

  discard(): void {
    this.held.clear();
  }

  flush(): void {
    for (const [machineId, { state, seq }] of this.held) this.putStmt.run(machineId, JSON.stringify(state), seq);
    this.held.clear();
  }
}
