import { parseAidaMessage, type AidaMessage } from '../../../shared/aida/message';
import { applyToJob, isJobMessage, jobKeyOf } from '../domain/job-state';
import { matchMachine, type MachineIdentity } from '../domain/machine-match';
import { applyToMachine } from '../domain/machine-state';
import type { Db } from '../store/database';
import { JobRepo } from '../store/job-repo';
import { MachineRepo } from '../store/machine-repo';
import type { Changes, Delivery, ParsedEvent, SourceHandler, StoredEvent } from './source';

export const jobChangeKey = (machineId: string, key: string) => `${machineId}\u0000${key}`;

/** AIDA webhooks: matched to a machine, folded into that machine's scheduler state and job queue. */
export class AidaSource implements SourceHandler {
  readonly source = 'aida';
  readonly projectionTables = ['jobs', 'machine_state'];
  readonly jobs: JobRepo;
  readonly machines: MachineRepo;

  constructor(
    db: Db,
    private readonly identities: () => readonly MachineIdentity[],
  ) {
    this.jobs = new JobRepo(db);
    this.machines = new MachineRepo(db);
  }

  parse(delivery: Delivery): ParsedEvent {
    const message = parseAidaMessage(delivery.json);
    return {
      ...(message.messageId ? { dedupeKey: message.messageId } : {}),
      type: message.messageType,
      subject: matchMachine(this.identities(), message),
      message,
    };
  }

  project(event: StoredEvent, changes: Changes): void {
    const message = event.message as AidaMessage;
    const machineId = event.subject;
    this.machines.put(machineId, applyToMachine(this.machines.get(machineId), message, event.receivedAt), event.seq);
    changes.machines.add(machineId);
    if (!isJobMessage(message)) return;
    const key = jobKeyOf(message);
    if (key === undefined) return;
    const job = applyToJob(this.jobs.get(machineId, key), message, machineId, key, event.receivedAt);
    this.jobs.put(job, event.seq);
    changes.jobs.set(jobChangeKey(machineId, key), job);
  }
}
