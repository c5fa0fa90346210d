import { fail, ok, type Result } from '../../../shared/api/result';
import type { MachineSessions, ReviewSnapshot } from '../../../shared/api/health';
import { answerJson } from '../aida/answers';
import { describeAnswer, isSuccess, type AidaAnswer } from '../aida/aida-answer';
import { imageType, metricNumbers, readSessionDays, readSessions } from '../aida/health-answers';
import { compareSession } from '../domain/session-reconciliation';
import type { JobOutcomeCounts } from '../store/job-outcome-counts';
import type { ReviewRepo } from '../store/review-repo';
import type { SnapshotRepo } from '../store/snapshot-repo';
import type { MachineRegistry } from './registry';

export interface MachineEvidenceDeps {
  registry: () => MachineRegistry;
  counts: JobOutcomeCounts;
  reviews: ReviewRepo;
  snapshots: SnapshotRepo;
  /** `review.keepSnapshots`: read at each request, so a settings change applies to the next picture. */
  keepSnapshots: () => boolean;
  now: () => Date;
}

/** The reviews beside which a camera picture makes sense: a text read off the card. */
const READ_KINDS = new Set(['ocr', 'ocr-readback']);

/** Sessions shown, newest first: a shift's worth and more, never the machine's whole history. */
const SESSIONS_SHOWN = 50;

/** The largest picture accepted from a machine: a camera frame is far smaller; a bigger body is not a frame. */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

/**
 * The messages of a session's last jobs are posted as it ends and arrive after its end time (and the two clocks may
 * differ by a little): the console counts what it received until a while after the end, never into the next session.
 */
const LATE_MESSAGES_MS = 60_000;

function countUntil(end: string | undefined, nextStart: string | undefined, now: string): string {
  if (end === undefined) return now;
  const late = new Date(Date.parse(end) + LATE_MESSAGES_MS).toISOString();
  const until = nextStart !== undefined && nextStart < late ? nextStart : late;
  return until < now ? until : now;
}

const notOffered = (a: AidaAnswer) => a.reach === 'answered' && (a.status === 404 || a.status === 405);

/**
 * What the console asks a machine on a person's request, off the poller: AIDA's own totals per personalization
 * session beside the console's counts (reconciliation), and the camera's picture beside an OCR review (evidence).
 */
export class MachineEvidence {
  constructor(private readonly deps: MachineEvidenceDeps) {}

  async sessions(machineId: string): Promise<Result<MachineSessions>> {
    const machine = this.deps.registry().configured().find((m) => m.id === machineId);
    if (!machine?.client) return fail('not-found', `machine "${machineId}" is not configured: the console cannot ask it`);
    const client = machine.client;
    const at = this.deps.now().toISOString();
    const answer = await client.personalizationSessions();
    const metrics = await client.metrics();
    const figures = isSuccess(metrics) ? metricNumbers(answerJson(metrics)) : undefined;
    const base = { machineId, at, sessions: [], ...(figures ? { metrics: figures } : {}) };
    if (notOffered(answer)) return ok({ ...base, state: 'not-offered' });
    const read = isSuccess(answer) ? readSessions(answer) : undefined;
    if (!read) return ok({ ...base, state: 'unreachable', detail: describeAnswer(answer) });
    const days = await client.sessionDays();
    const perDay = isSuccess(days) ? readSessionDays(days) : undefined;
    const ordered = read.sort((a, b) => a.start.localeCompare(b.start));
    const sessions = ordered
      .map((s, i) => compareSession(s, this.deps.counts.between(machineId, s.start, countUntil(s.end, ordered[i + 1]?.start, at))))
      .reverse()
      .slice(0, SESSIONS_SHOWN);
    return ok({ ...base, state: 'read', sessions, ...(perDay ? { days: perDay } : {}) });
  }

  async snapshot(reviewId: number): Promise<Result<ReviewSnapshot>> {
    const review = this.deps.reviews.get(reviewId);
    if (!review) return fail('not-found', `no review ${reviewId}`);
    if (!READ_KINDS.has(review.kind)) return fail('not-allowed', 'a camera picture is shown only beside a text read off the card');
    if (review.state !== 'pending') return fail('not-allowed', 'this review is no longer waiting: the camera no longer shows its card');
    const client = this.deps.registry().configured().find((m) => m.id === review.machine_id)?.client;
    if (!client) return fail('not-allowed', `machine "${review.machine_id}" is not configured: the console cannot ask it`);
    const answer = await client.snapshot();
    if (notOffered(answer)) return fail('unavailable', 'this machine offers no camera picture');
    const bytes = answer.bytes;
    if (!isSuccess(answer) || !bytes) return fail('unavailable', `the machine sent no picture: ${describeAnswer(answer)}`);
    const mime = bytes.byteLength <= MAX_IMAGE_BYTES ? imageType(bytes) : undefined;
    if (!mime) return fail('unavailable', 'the machine sent something that is not a PNG or JPEG picture');
    const takenAt = this.deps.now().toISOString();
    const image = Buffer.from(bytes);
    const stored = this.deps.keepSnapshots();
    if (stored) this.deps.snapshots.add({ reviewId, machineId: review.machine_id, takenAt, mime, image });
    return ok({ reviewId, dataUrl: `data:${mime};base64,${image.toString('base64')}`, takenAt, stored });
  }
}
