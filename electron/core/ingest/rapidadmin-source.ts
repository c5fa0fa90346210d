import { createHash } from 'node:crypto';
import { parseRapidadminMessage, type RapidadminMessage } from '../../../shared/rapidadmin/message';
import { asRecord, field, idText } from '../../../shared/json-values';
import type { RapidadminSettings } from '../config/sources';
import { activityEntry } from '../domain/rapidadmin/activity';
import { applyPrintEvent, RAPIDADMIN_MACHINE_ID, type PrintAction } from '../domain/rapidadmin/print-job';
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

/**
 * RapIDadmin / EliteID webhooks: people and credentials into the activity feed, print jobs into the shared job
 * queue (machine "rapidadmin"), the doc's sequences followed per person and card template, a failed print alerted.
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
    const entry = activityEntry(event.seq, event.receivedAt, m, {
      ...(knownPerson !== undefined ? { knownPerson } : {}),
      ...(knownCredential !== undefined ? { knownCredential } : {}),
      ...(sequence ? { sequence } : {}),
    });
    if (step && !m.sequenceKey) entry.notes = [...entry.notes, 'No PersonId + CardTemplateId: not matched to a sequence'];
    this.activity.add(entry, RAPIDADMIN_SOURCE);
    changes.topics.add('activity');

    if (m.kind !== 'printJob' || !m.action || !m.printJobKey) return;
    const key = m.printJobKey;
    const job = applyPrintEvent(this.jobs.get(RAPIDADMIN_MACHINE_ID, key), m.action as PrintAction, m.event, key, event.receivedAt);
    this.jobs.put(job, event.seq);
    changes.jobs.set(jobChangeKey(RAPIDADMIN_MACHINE_ID, key), job);
    if (m.action !== 'Failed') return;
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
