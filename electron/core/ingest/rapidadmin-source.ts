import { createHash } from 'node:crypto';
import { parseRapidadminMessage, type RapidadminMessage } from '../../../shared/rapidadmin/message';
import { asRecord, field, idText } from '../../../shared/json-values';
import type { RapidadminSettings } from '../config/sources';
import { activityEntry } from '../domain/rapidadmin/activity';
import { applyPrintEvent, RAPIDADMIN_MACHINE_ID, type PrintAction } from '../domain/rapidadmin/print-job';
import { foldRun } from '../domain/rapidadmin/replay';
import { advanceSequence, type SequenceOutcome, type Step } from '../domain/rapidadmin/sequence';
import type { ActivityRepo } from '../store/activity-repo';
import type { FeedAlertRepo } from '../store/feed-alert-repo';
import type { JobRepo } from '../store/job-repo';
import type { RapidadminRepo } from '../store/rapidadmin-repo';
import { RAPIDADMIN_SOURCE } from '../webhooks/rapidadmin-route';
import { jobChangeKey } from './aida-source';
import type { Changes, Delivery, ParsedEvent, SourceHandler, StoredEvent } from './source';

function stepOf(m: RapidadminMessage): Step | undefined {
  if (m.kind === 'credential') return m.action === 'Created' ? 'CredentialCreated' : 'CredentialUpdated';
  if (m.kind === 'printJob') return m.action === 'Started' ? 'PrintStarted' : m.action === 'Complete' ? 'PrintComplete' : 'PrintFailed';
  return undefined;
}

/** Event name and body, as logged: what makes two deliveries identical (the body's bytes are all the signature covers). */
function runDigest(m: RapidadminMessage): string {
  return createHash('sha256')
    .update(JSON.stringify([m.event, m.readable ? (m.body ?? null) : null, m.raw ?? null]))
    .digest('hex');
}

/**
 * RapIDadmin / EliteID webhooks: people and credentials into the activity feed, print jobs into the shared job
 * queue (machine "rapidadmin"), the doc's sequences followed per person and card template, a failed print alerted.
 * A delivery identical to one of the last 5 minutes is marked as a repeat and alerts nothing (domain/rapidadmin/replay.ts).
 */
export class RapidadminSource implements SourceHandler {
  readonly source = RAPIDADMIN_SOURCE;
  // Print jobs live in `jobs` beside AIDA's; every event is replayed in order after the tables are emptied.
  readonly projectionTables = ['jobs', 'rapidadmin_persons', 'rapidadmin_sequences', 'feed_activity', 'feed_alerts'];
  private readonly repo: RapidadminRepo;
  private readonly activity: ActivityRepo;
  private readonly jobs: JobRepo;
  private readonly alerts: FeedAlertRepo;

  constructor(
    repos: { rapidadmin: RapidadminRepo; activity: ActivityRepo; jobs: JobRepo; feedAlerts: FeedAlertRepo },
    private readonly settings: () => RapidadminSettings,
  ) {
    this.repo = repos.rapidadmin;
    this.activity = repos.activity;
    this.jobs = repos.jobs;
    this.alerts = repos.feedAlerts;
  }

  parse(delivery: Delivery): ParsedEvent {
    const message = parseRapidadminMessage({
      eventHeader: delivery.headers['x-event-name'],
      text: delivery.body.toString('utf8'),
      printJobKeyPath: this.settings().printJobKey,
    });
    // A print job with no identity is still a job: it is keyed by its own delivery, once and for all, in the log.
    if (message.kind === 'printJob' && message.readable && !message.printJobKey) {
      message.printJobKey = `unidentified-${createHash('sha256').update(delivery.receivedAt).update(delivery.body).digest('hex').slice(0, 12)}`;
    }
    return { type: message.event, subject: RAPIDADMIN_SOURCE, message };
  }

  project(event: StoredEvent, changes: Changes): void {
    const m = event.message as RapidadminMessage;
    const body = asRecord(m.body);
    const personId = idText(field(body, m.kind === 'person' ? 'Id' : 'PersonId'));
    const knownPerson = personId ? this.repo.person(personId) : undefined;
    if (m.kind === 'person' && personId && body) this.repo.savePerson(personId, body, m.action === 'Deleted', event.seq);

    // The card's thread: where its documented sequence stands, and its last credential event.
    const thread = m.sequenceKey ? this.repo.thread(m.sequenceKey) : {};
    const knownCredential = thread.credential;
    let sequence: SequenceOutcome | undefined;
    const step = m.readable ? stepOf(m) : undefined;
    if (m.sequenceKey && step) {
      sequence = advanceSequence(thread.sequence, step, event.receivedAt);
      const credential = m.kind === 'credential' && body ? body : thread.credential;
      this.repo.saveThread(m.sequenceKey, { sequence: sequence.state, ...(credential !== undefined ? { credential } : {}) }, event.seq);
    }
    // Runs are folded in log order from the log's own times, so a rebuild marks the same repeats.
    const digest = runDigest(m);
    const replay = foldRun(this.repo.run(digest), event.seq, event.receivedAt);
    this.repo.saveRun(digest, replay.run, event.seq);
    const repeat = replay.repeat ? { count: replay.run.repeats, firstSeq: replay.run.firstSeq, firstAt: replay.run.firstAt } : undefined;
    const entry = activityEntry(event.seq, event.receivedAt, m, {
      ...(knownPerson !== undefined ? { knownPerson } : {}),
      ...(knownCredential !== undefined ? { knownCredential } : {}),
      ...(sequence ? { sequence } : {}),
      ...(repeat ? { repeat } : {}),
    });
    if (step && !m.sequenceKey) entry.notes = [...entry.notes, 'No PersonId + CardTemplateId: not matched to a sequence'];
    this.activity.add(entry, RAPIDADMIN_SOURCE);
    changes.topics.add('activity');

    if (m.kind !== 'printJob' || !m.action || !m.printJobKey) return;
    const key = m.printJobKey;
    const job = applyPrintEvent(this.jobs.get(RAPIDADMIN_MACHINE_ID, key), m.action as PrintAction, m.event, key, event.receivedAt);
    this.jobs.put(job, event.seq);
    changes.jobs.set(jobChangeKey(RAPIDADMIN_MACHINE_ID, key), job);
    // Its run's first alerted already: a replay of a signed failure must not sound the alarm again and again.
    if (m.action !== 'Failed' || replay.repeat) return;
    const who = [entry.name ?? 'Unknown person', entry.idNumber ? `ID ${entry.idNumber}` : undefined].filter(Boolean).join(', ');
    const card = entry.cardTemplateName ?? entry.cardTemplateId ?? 'unknown card template';
    this.alerts.raise({
      id: `rapidadmin:print-failed:${event.seq}`,
      source: 'rapidadmin',
      kind: 'print-failed',
      title: 'Card failed to print',
      text: `${who} — ${card} (print job ${key}). Check the printer, then reprint from RapIDadmin.`,
      subject: key,
      at: event.receivedAt,
      seq: event.seq,
    });
    changes.topics.add('alerts');
  }
}
