import { FLOOD, ISA_TARGETS, type AlarmKpis, type AlertCause, type AlertKind } from '../../../shared/api/alerts';
import type { AlertRow } from '../store/alert-repo';
import { causeOf } from './alert-cause';
import { FLOOD_WINDOW_MS } from './alert-flood';

const HOUR_MS = 60 * 60_000;
const CHATTER_MS = ISA_TARGETS.chatterSeconds * 1000;

export interface KpiInput {
  from: number;
  to: number;
  /** Alerts opened within [from, to), oldest first. */
  opened: readonly AlertRow[];
  /** Open longer than the standing limit within the period (AlertRepo.standing). */
  standing: readonly AlertRow[];
  label: (machineId: string) => string;
}

/** Share of [from, to) during which more than FLOOD.count annunciated alerts had opened within the last 10 minutes. */
function floodShare(times: readonly number[], from: number, to: number): number {
  const edges = [...times.map((t) => [t, 1] as const), ...times.map((t) => [t + FLOOD_WINDOW_MS, -1] as const)].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inWindow = 0;
  let flooded = 0;
  let last = from;
  for (const [at, step] of edges) {
    const clipped = Math.min(Math.max(at, from), to);
    if (inWindow > FLOOD.count) flooded += clipped - last;
    last = clipped;
    inWindow += step;
  }
  return to > from ? flooded / (to - from) : 0;
}

function busiest(times: readonly number[]): { start: string; count: number } | undefined {
  let best: { start: number; count: number } | undefined;
  let hi = 0;
  for (let i = 0; i < times.length; i++) {
    while (hi < times.length && (times[hi] as number) < (times[i] as number) + FLOOD_WINDOW_MS) hi++;
    if (!best || hi - i > best.count) best = { start: times[i] as number, count: hi - i };
  }
  return best && { start: new Date(best.start).toISOString(), count: best.count };
}

function top<K extends string>(keys: readonly K[], total: number): { key: K; count: number; share: number }[] {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([key, count]) => ({ key, count, share: total > 0 ? count / total : 0 }));
}

/**
 * ISA-18.2's figures over a period. Pure. Only annunciated alerts count (a suppressed follow-on was never sounded);
 * chattering reads every raise, since a chattering alert is one a person keeps being told about.
 */
export function alarmKpis(input: KpiInput): AlarmKpis {
  const { from, to } = input;
  const annunciated = input.opened.filter((r) => r.suppressed_by === null);
  const times = annunciated.map((r) => Date.parse(r.opened_at));
  const total = annunciated.length;
  const perHour = to > from ? total / ((to - from) / HOUR_MS) : 0;
  const chatter = new Map<string, { row: AlertRow; times: number[]; firstAt?: number }>();
  for (const r of input.opened) {
    const key = `${r.machine_id}|${r.kind}|${r.code ?? ''}`;
    const entry = chatter.get(key) ?? { row: r, times: [] };
    const t = Date.parse(r.opened_at);
    entry.times.push(t);
    const third = entry.times[entry.times.length - ISA_TARGETS.chatterCount];
    if (entry.firstAt === undefined && third !== undefined && t - third <= CHATTER_MS) entry.firstAt = third;
    chatter.set(key, entry);
  }
  const busy = busiest(times);
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    total,
    suppressed: input.opened.length - total,
    perHour,
    rating: perHour <= ISA_TARGETS.acceptablePerHour ? 'acceptable' : perHour <= ISA_TARGETS.manageablePerHour ? 'manageable' : 'overloaded',
    ...(busy ? { busiest10Minutes: busy } : {}),
    floodShare: floodShare(times, from, to),
    targets: {
      acceptablePerHour: ISA_TARGETS.acceptablePerHour,
      manageablePerHour: ISA_TARGETS.manageablePerHour,
      floodPer10Minutes: ISA_TARGETS.floodPer10Minutes,
    },
    standing: input.standing.map((r) => ({
      id: r.id,
      machineLabel: input.label(r.machine_id),
      kind: r.kind,
      ...(r.code !== null ? { code: r.code } : {}),
      openedAt: r.opened_at,
      hours: Math.round(((r.closed_at ? Math.min(Date.parse(r.closed_at), to) : to) - Date.parse(r.opened_at)) / HOUR_MS * 10) / 10,
    })),
    chattering: [...chatter.values()]
      .filter((c) => c.firstAt !== undefined)
      .map((c) => ({
        machineLabel: input.label(c.row.machine_id),
        kind: c.row.kind,
        ...(c.row.code !== null ? { code: c.row.code } : {}),
        count: c.times.length,
        firstAt: new Date(c.firstAt as number).toISOString(),
      })),
    topCauses: top<AlertCause>(annunciated.map((r) => causeOf(r.kind, r.code ?? undefined)), total).map(({ key, ...rest }) => ({ cause: key, ...rest })),
    topKinds: top<AlertKind>(annunciated.map((r) => r.kind), total).map(({ key, ...rest }) => ({ kind: key, ...rest })),
  };
}
