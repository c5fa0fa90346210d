import { asRecord } from '../../../shared/json-values';
import type { AidaAnswer } from './aida-answer';
import { answerJson } from './answers';

/**
 * Readers of what the machine says about itself (AIDA `system/status`, 1.6 `machine/status`, the personalization
 * sessions). Each keeps only what was sent, typed as the spec declares it, and returns undefined for a body it cannot
 * read; nothing is guessed.
 */

type Body = Pick<AidaAnswer, 'body'>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(asRecord).filter((r) => r !== undefined) : []);

/** `SystemStatusDto`: status and error codes, each as sent (a number is kept as its text: another version's). */
export function readSystemStatus(answer: Body): { status?: string; errors: string[] } | undefined {
  const dto = asRecord(answerJson(answer));
  if (!dto) return undefined;
  const status = text(dto['status']) ?? (typeof dto['status'] === 'number' ? String(dto['status']) : undefined);
  const errors = Array.isArray(dto['errors']) ? dto['errors'].map((e) => (typeof e === 'string' ? e : JSON.stringify(e))) : [];
  return { ...(status ? { status } : {}), errors };
}

export interface MachineStatusRead {
  hasOpenInterlocks?: boolean;
  allFeedersEmpty?: boolean;
  schedulerStatus?: string;
  transportBusy?: boolean;
  modules: { name: string; status: string }[];
  feeders: { name: string; status: string }[];
  laserBoards: { name: string; laser?: string | undefined; openInterlocks?: boolean | undefined; interlocks: { name: string; open: boolean }[] }[];
}

/** `MachineStatusDto` in full: transport (modules, feeders), laser boards with their interlocks. */
export function readMachineStatus(answer: Body): MachineStatusRead | undefined {
  const dto = asRecord(answerJson(answer));
  if (!dto) return undefined;
  const transport = asRecord(dto['transport']);
  const out: MachineStatusRead = {
    modules: list(transport?.['modules']).map((m, i) => ({
      name: text(m['serialNumber']) ?? `${text(m['moduleType']) ?? 'module'} ${int(m['moduleId']) ?? i + 1}`,
      status: text(m['moduleStatus']) ?? 'not reported',
    })),
    feeders: list(transport?.['feeders']).map((f, i) => ({ name: text(f['positionId']) ?? `feeder ${i + 1}`, status: text(f['status']) ?? 'not reported' })),
    laserBoards: list(dto['laserBoards']).map((b, i) => ({
      name: text(b['serialNumber']) ?? `laser board ${i + 1}`,
      ...(text(b['laserPen']) ? { laser: text(b['laserPen']) } : {}),
      ...(bool(b['hasOpenInterlocks']) !== undefined ? { openInterlocks: bool(b['hasOpenInterlocks']) } : {}),
      interlocks: list(b['interlocks']).flatMap((l) => {
        const open = bool(l['isOpen']);
        const name = text(l['displayName']) ?? text(l['name']);
        return open === undefined || !name ? [] : [{ name, open }];
      }),
    })),
  };
  const set = <K extends keyof MachineStatusRead>(key: K, value: MachineStatusRead[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('hasOpenInterlocks', bool(dto['hasOpenInterlocks']));
  set('allFeedersEmpty', bool(dto['allFeedersEmpty']));
  set('schedulerStatus', text(dto['schedulerStatus']));
  set('transportBusy', bool(transport?.['isExecutingCommand']));
  return out;
}

export interface MachineSession {
  id: string;
  jobTemplateName?: string;
  start: string;
  end?: string;
  jobsCompleted: number;
  jobsFaulted: number;
  cardsProcessed?: number;
  cardsPerHour?: number;
}

/** An instant as the console compares instants (ISO UTC); undefined when the text is no date. */
function instant(v: unknown): string | undefined {
  const t = text(v);
  const ms = t ? Date.parse(t) : Number.NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * `PersonalizationSessionDto[]`. A session without a start or without its two job counts cannot be compared and is
 * left out; an end of null is a session still running.
 */
export function readSessions(answer: Body): MachineSession[] | undefined {
  const json = answerJson(answer);
  if (!Array.isArray(json)) return undefined;
  return json.flatMap((item, i) => {
    const s = asRecord(item);
    const start = instant(s?.['startTime']);
    const completed = int(s?.['jobsCompleted']);
    const faulted = int(s?.['jobsFaulted']);
    if (!s || !start || completed === undefined || faulted === undefined) return [];
    const end = instant(s['endTime']);
    const cards = int(s['cardsProcessed']);
    const perHour = num(s['cardsPerHour']);
    const template = text(s['jobTemplateName']);
    return [
      {
        id: text(s['id']) ?? `#${i + 1}`,
        start,
        jobsCompleted: completed,
        jobsFaulted: faulted,
        ...(end ? { end } : {}),
        ...(template ? { jobTemplateName: template } : {}),
        ...(cards !== undefined ? { cardsProcessed: cards } : {}),
        ...(perHour !== undefined ? { cardsPerHour: perHour } : {}),
      },
    ];
  });
}

/** `PersoSessionAggregateDto[]`: one count per day. */
export function readSessionDays(answer: Body): { date: string; count: number }[] | undefined {
  const json = answerJson(answer);
  if (!Array.isArray(json)) return undefined;
  return list(json).flatMap((d) => {
    const date = text(d['date']);
    const count = int(d['count']);
    return date && count !== undefined ? [{ date, count }] : [];
  });
}

/** A JSON object's numeric fields (GET …/metrics), as sent; undefined for anything else. */
export function metricNumbers(value: unknown): Record<string, number> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

/** The image types the page can show; the spec declares none, so the bytes are checked, not the header. */
export function imageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return undefined;
}
