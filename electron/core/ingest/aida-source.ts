import { coded } from '../../../shared/i18n/stored-text';
import { AidaMessageSchema, parseAidaMessage, type AidaMessage } from '../../../shared/aida/message';
import { applyToJob, isJobMessage, jobKeyOf } from '../domain/job-state';
import { matchMachine, type MachineIdentity } from '../domain/machine-match';
import { applyToMachine } from '../domain/machine-state';
import { isReconciled, type Reconciliation } from '../domain/reconciliation';
import { reviewOpenedBy } from '../domain/reviews';
import type { JobRepo } from '../store/job-repo';
import type { MachineRepo } from '../store/machine-repo';
import type { ReviewRepo } from '../store/review-repo';
import type { Changes, Delivery, ParsedEvent, SourceHandler, StoredEvent } from './source';

export const jobChangeKey = (machineId: string, key: string) => `${machineId}\u0000${key}`;

/** An AIDA message as logged: the normalised fields, plus any properties this console does not know, verbatim. */
export type LoggedAidaMessage = AidaMessage & { extra?: Record<string, unknown> };

const KNOWN_KEYS = new Set([...Object.keys(AidaMessageSchema.shape), 'type', 'encodername'].map((k) => k.toLowerCase()));

function unknownProperties(json: unknown): Record<string, unknown> | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const extra = Object.fromEntries(Object.entries(json).filter(([k]) => !KNOWN_KEYS.has(k.toLowerCase())));
  return Object.keys(extra).length ? extra : undefined;
}

/** AIDA webhooks: matched to a machine, folded into that machine's scheduler state and job queue. */
export class AidaSource implements SourceHandler {
  readonly source = 'aida';
  // Reviews are not emptied on a rebuild: they hold people's decisions, and reopening is idempotent.
  readonly projectionTables = ['jobs', 'machine_state'];
  private readonly jobs: JobRepo;
  private readonly machines: MachineRepo;
  private readonly reviews: ReviewRepo;

  constructor(
    repos: { jobs: JobRepo; machines: MachineRepo; reviews: ReviewRepo },
    private readonly identities: () => readonly MachineIdentity[],
  ) {
    this.jobs = repos.jobs;
    this.machines = repos.machines;
    this.reviews = repos.reviews;
  }

  endBatch(): void {
    this.machines.flush();
  }

  discardBatch(): void {
    this.machines.discard();
  }

  parse(delivery: Delivery): ParsedEvent {
    const parsed = parseAidaMessage(delivery.json);
    const extra = unknownProperties(delivery.json);
    const message: LoggedAidaMessage = extra ? { ...parsed, extra } : parsed;
    // MessageIds are unique per machine: the key is the sender's identity as sent (never the configured match, which
    // an edit of the config would change while AIDA still retries) and the id.
    const sender = message.machineSerial ?? message.hostName ?? message.machineName ?? '';
    return {
      ...(message.messageId ? { dedupeKey: `${sender}\u001f${message.messageId}` } : {}),
      type: message.messageType,
      subject: matchMachine(this.identities(), message),
      message,
    };
  }

  project(event: StoredEvent, changes: Changes): void {
    const message = event.message as LoggedAidaMessage;
    const machineId = event.subject;
    // A reconciliation answers for the moment it asked: a webhook logged since then is the fresher fact.
    const stale = isReconciled(message) && this.machines.lastSeq(machineId) > message.reconciliation.asOfSeq;
    if (!stale) this.machines.put(machineId, applyToMachine(this.machines.get(machineId), message, event.receivedAt), event.seq);
    changes.machines.add(machineId);
    this.projectReviews(event.seq, event.receivedAt, machineId, message, changes);
    if (!isJobMessage(message)) return;
    const key = jobKeyOf(message);
    if (key === undefined) return;
    const prev = this.jobs.get(machineId, key);
    const job = applyToJob(prev, message, machineId, key, event.receivedAt);
    this.jobs.put(job, event.seq);
    changes.jobs.set(jobChangeKey(machineId, key), job);
    // Cancelled jobs whose messages came before this job's are listed under it once it is known: they leave the list.
    if (prev === undefined || prev.workflowInstanceId !== job.workflowInstanceId) {
      for (const adopted of this.jobs.adoptCancelled(job)) changes.jobs.set(jobChangeKey(machineId, adopted.key), adopted);
    }
    // The job whose error cancelled this one counts it: its row changes too.
    const source = job.status === 'Cancelled' ? this.jobs.sourceOf(job) : undefined;
    if (source) changes.jobs.set(jobChangeKey(machineId, source.key), source);
  }

  /** A newer message of an instance closes what it waited for; a suspending message opens a new review. */
  private projectReviews(seq: number, at: string, machineId: string, message: LoggedAidaMessage, changes: Changes): void {
    if (isReconciled(message)) {
      this.reconcileReviews(seq, at, machineId, message.reconciliation, changes);
      return;
    }
    const instance = message.workflowInstanceId;
    if (!instance) return;
    const closed = this.reviews.closeMovedOn(machineId, instance, seq, at, coded('outcomes:movedOnWith', { message: message.messageType }));
    const opens = reviewOpenedBy(message, message.extra);
    if (opens) {
      const key = jobKeyOf(message);
      this.reviews.open({ machineId, workflowInstanceId: instance, jobKey: key, kind: opens.kind, seq, at, payload: opens.payload });
    }
    if (closed.length > 0 || opens) changes.topics.add('reviews');
  }

  /**
   * The API's list of suspended instances closes reviews the machine no longer has, and shows instances suspended
   * without any message the console holds as "reason unknown".
   */
  private reconcileReviews(seq: number, at: string, machineId: string, r: Reconciliation, changes: Changes): void {
    if (r.suspendedInstanceIds === undefined) return;
    const still = new Set(r.suspendedInstanceIds);
    const open = this.reviews.unanswered().filter((x) => x.machine_id === machineId);
    for (const review of open) {
      if (review.opened_seq <= r.asOfSeq && !still.has(review.workflow_instance_id)) {
        this.reviews.close(review.id, at, coded('outcomes:noLongerWaitsChecked'));
        changes.topics.add('reviews');
      }
    }
    const explained = new Set(open.map((x) => x.workflow_instance_id));
    for (const instance of still) {
      if (explained.has(instance)) continue;
      const job = this.jobs.byWorkflowInstance(machineId, instance);
      this.reviews.open({ machineId, workflowInstanceId: instance, jobKey: job?.key, kind: 'unknown', seq, at, payload: {} });
      changes.topics.add('reviews');
    }
  }
}
