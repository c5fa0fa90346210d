import type { AidaMessage } from '../../../shared/aida/message';
import type { DowntimeCause, MachineTime, Stand } from '../../../shared/api/production';
import { applyToMachine, INITIAL_MACHINE_STATE, type MachineState } from './machine-state';

/**
 * How long each machine ran, stood suspended or stood stopped, folded from its scheduler messages with the same
 * reducer as the machine panel (domain/machine-state.ts). Pure: the messages and the range are passed in.
 */

export type LineState = 'running' | 'suspended' | 'stopped' | 'unknown';

export interface Segment {
  state: LineState;
  /** The suspension's code or the stop's reason. */
  cause?: string;
  /** Milliseconds; `from` may lie before the range (the state the range began in), `to` is clipped to it. */
  from: number;
  to: number;
  /** Whether the machine left this state within the range (else it still stood at its end). */
  ended: boolean;
}

export interface TimedMessage {
  receivedAt: string;
  message: unknown;
}

/** Stops the line plans for: they count as stopped, not against availability. */
const PLANNED_STOPS = new Set(['BatchCompleted', 'ManualStop']);

function lineOf(state: MachineState): { state: LineState; cause?: string } {
  switch (state.scheduler) {
    case 'running':
    case 'stopping':
      return { state: 'running' };
    case 'suspended':
      return { state: 'suspended', cause: state.suspension?.code ?? 'not-reported' };
    case 'stopped':
      return { state: 'stopped', cause: state.stopReason ?? 'not-reported' };
    case 'unknown':
      return { state: 'unknown' };
  }
}

/**
 * The machine's states over [from, to): the state the last message before the range left it in, then one segment per
 * change. A repeated suspension with the same code continues the same stand.
 */
export function segmentsOf(before: TimedMessage | undefined, events: readonly TimedMessage[], from: number, to: number): Segment[] {
  let machine = before ? applyToMachine(INITIAL_MACHINE_STATE, before.message as AidaMessage, before.receivedAt) : INITIAL_MACHINE_STATE;
  let current: Segment = { ...lineOf(machine), from: before ? Date.parse(before.receivedAt) : from, to, ended: false };
  const out: Segment[] = [];
  for (const event of events) {
    machine = applyToMachine(machine, event.message as AidaMessage, event.receivedAt);
    const next = lineOf(machine);
    if (next.state === current.state && next.cause === current.cause) continue;
    const at = Date.parse(event.receivedAt);
    out.push({ ...current, to: at, ended: true });
    current = { ...next, from: at, to, ended: false };
  }
  out.push(current);
  return out.filter((s) => s.to > Math.max(s.from, from));
}

/**
 * The segment cut where the machine was seen taking a card again (a job started) while it stood suspended or its
 * state was unknown: it ran from then on, even if no scheduler message said so.
 */
export function cutAtJobStart(segment: Segment, jobStart: number | undefined): Segment[] {
  if (jobStart === undefined || (segment.state !== 'suspended' && segment.state !== 'unknown')) return [segment];
  if (jobStart <= segment.from || jobStart >= segment.to) return [segment];
  return [
    { ...segment, to: jobStart, ended: true },
    { state: 'running', from: jobStart, to: segment.to, ended: segment.ended },
  ];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The segments the line stood in, as stands (seconds within the range). */
export function standsOf(machineId: string, segments: readonly Segment[], from: number, resumedBy: (s: Segment) => string | undefined): Stand[] {
  return segments
    .filter((s) => s.state === 'suspended' || s.state === 'stopped')
    .map((s) => {
      const by = s.ended ? resumedBy(s) : undefined;
      return {
        machineId,
        kind: s.state as Stand['kind'],
        cause: s.cause ?? 'not-reported',
        from: iso(s.from),
        ...(s.ended ? { to: iso(s.to) } : {}),
        seconds: (s.to - Math.max(s.from, from)) / 1000,
        ...(by !== undefined ? { resumedBy: by } : {}),
      };
    });
}

/** Totals per cause and kind, largest first; the mean time to resume over the stands that ended, whole. */
export function causesOf(stands: readonly Stand[]): DowntimeCause[] {
  const byCause = new Map<string, { cause: string; kind: Stand['kind']; count: number; seconds: number; resumed: number[] }>();
  for (const s of stands) {
    const key = `${s.kind}:${s.cause}`;
    const entry = byCause.get(key) ?? { cause: s.cause, kind: s.kind, count: 0, seconds: 0, resumed: [] };
    entry.count += 1;
    entry.seconds += s.seconds;
    if (s.to !== undefined) entry.resumed.push((Date.parse(s.to) - Date.parse(s.from)) / 1000);
    byCause.set(key, entry);
  }
  return [...byCause.values()]
    .map(({ resumed, ...rest }) => ({ ...rest, meanSecondsToResume: resumed.length ? resumed.reduce((a, b) => a + b, 0) / resumed.length : null }))
    .sort((a, b) => b.seconds - a.seconds || a.cause.localeCompare(b.cause));
}

/** What the machine made in the range, for performance and quality. */
export interface MachineOutput {
  /** Jobs started (cards taken from the feeder). */
  started: number;
  yield: number | null;
}

/**
 * Below this much running time a rate says nothing: a few cards over seconds of "running" (or cards taken while the
 * console did not know the state) read as thousands of percent. Performance and OEE stay empty until then.
 */
const MIN_RUNNING_SECONDS_FOR_PERFORMANCE = 15 * 60;

/**
 * Time per state and OEE, computed from the console's messages: availability = running ÷ (running + suspended +
 * stopped for a fault), performance = cards taken ÷ (running hours × nominal cards per hour), quality = yield.
 */
export function machineTime(machineId: string, segments: readonly Segment[], from: number, output: MachineOutput, nominal?: number): MachineTime {
  const seconds: Record<LineState, number> = { running: 0, suspended: 0, stopped: 0, unknown: 0 };
  let faultStopped = 0;
  for (const s of segments) {
    const length = (s.to - Math.max(s.from, from)) / 1000;
    seconds[s.state] += length;
    if (s.state === 'stopped' && !PLANNED_STOPS.has(s.cause ?? '')) faultStopped += length;
  }
  const loaded = seconds.running + seconds.suspended + faultStopped;
  const availability = loaded > 0 ? seconds.running / loaded : null;
  const judged = nominal !== undefined && seconds.running >= MIN_RUNNING_SECONDS_FOR_PERFORMANCE;
  const performance = judged ? output.started / ((seconds.running / 3600) * nominal) : null;
  const quality = output.yield;
  const oee = availability !== null && performance !== null && quality !== null ? availability * performance * quality : null;
  return {
    machineId,
    runningSeconds: seconds.running,
    suspendedSeconds: seconds.suspended,
    stoppedSeconds: seconds.stopped,
    unknownSeconds: seconds.unknown,
    availability,
    ...(nominal !== undefined ? { nominalCardsPerHour: nominal } : {}),
    performance,
    quality,
    oee,
  };
}
