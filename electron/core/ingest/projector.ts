import type { AidaMessage } from '../../../shared/aida/message';
import { applyToJob, isJobMessage, jobKeyOf, type JobState } from '../domain/job-state';
import { applyToMachine } from '../domain/machine-state';
import type { Db } from '../store/database';
import { JobRepo } from '../store/job-repo';
import { MachineRepo } from '../store/machine-repo';

/** Bump when a reducer changes meaning: the projections are then rebuilt from the event log at start-up. */
export const PROJECTION_VERSION = 1;

export interface StoredEvent {
  seq: number;
  machineId: string;
  receivedAt: string;
  message: AidaMessage;
}

export interface Changes {
  machines: Set<string>;
  jobs: Map<string, JobState>;
}

export const noChanges = (): Changes => ({ machines: new Set(), jobs: new Map() });

/** Applies stored events to the job and machine tables. Runs inside the caller's transaction. */
export class Projector {
  readonly jobs: JobRepo;
  readonly machines: MachineRepo;

  constructor(private readonly db: Db) {
    this.jobs = new JobRepo(db);
    this.machines = new MachineRepo(db);
  }

  apply(event: StoredEvent, changes: Changes): void {
    const { machineId, message, receivedAt, seq } = event;
    this.machines.put(machineId, applyToMachine(this.machines.get(machineId), message, receivedAt), seq);
    changes.machines.add(machineId);
    if (!isJobMessage(message)) return;
    const key = jobKeyOf(message);
    if (key === undefined) return;
    const job = applyToJob(this.jobs.get(machineId, key), message, machineId, key, receivedAt);
    this.jobs.put(job, seq);
    changes.jobs.set(`${machineId}\u0000${key}`, job);
  }

  /**
   * Rebuilds the projections when they are missing or were written by another reducer version. Returns how many
   * events were replayed, or undefined when the projections were current.
   */
  rebuildIfStale(): number | undefined {
    const row = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'projection_version'").get();
    if (row && Number(row.value) === PROJECTION_VERSION) return undefined;
    let replayed = 0;
    this.db.transaction(() => {
      this.db.exec('DELETE FROM jobs; DELETE FROM machine_state;');
      const events = this.db
        .prepare<[], { seq: number; machine_id: string; received_at: string; message: string }>(
          'SELECT seq, machine_id, received_at, message FROM events ORDER BY seq',
        )
        .iterate();
      const scratch = noChanges();
      for (const e of events) {
        this.apply(
          { seq: e.seq, machineId: e.machine_id, receivedAt: e.received_at, message: JSON.parse(e.message) as AidaMessage },
          scratch,
        );
        scratch.jobs.clear();
        replayed += 1;
      }
      this.db
        .prepare("INSERT INTO meta (key, value) VALUES ('projection_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .run(String(PROJECTION_VERSION));
    })();
    return replayed;
  }
}
