import { z } from 'zod';
import { CredentialSchema } from './people';

/*
 * For the page (issue 14, floor screen): the ALARM MODEL in one place.
 *
 * - Texts: compose every alert's title, sentence and "What to do" in the viewer's language with
 *   `alertTexts(t, alert)` from shared/alerts/alert-texts.ts, and its closing reason with `closedReasonText(t, alert)`
 *   (`t` from useT()). `title`/`text`/`action`/`closedReason` below stay in English, written by the core, only until the
 *   page has moved to those functions; `closedReason` alone is a row stored before codes (shown as written).
 * - The band shows, of `active`: alerts without `shelved` and without `suppressedBy` (those are listed under their root:
 *   `suppressedBy` is the root's id), ordered by priority (PRIORITY_ORDER) then newest first. `latched`: cleared by the
 *   machine but not yet acknowledged (only when IT turns latching on): shown, not sounded, acknowledged to leave.
 * - Sound: only for alerts neither shelved, suppressed nor latched; by `priority`.
 * - The `alerts` event and the snapshot carry `AlarmSummary`: how many are shelved ("2 shelved"), and `flood` while more
 *   than 10 alerts opened within 10 minutes (one banner, grouped by cause).
 * - Shelving: `shelveAlert` (supervisor; an operator with a supervisor's credential; on an open station the shared
 *   supervisor PIN when one is set). Refused for kinds in UNSHELVABLE_KINDS: their Resume/Stop must stay in view.
 * - `testAlarm` at the start of a shift: audited, then the page plays each priority's sound.
 */

export const AlertKindSchema = z.enum([
  'suspension',
  'stopped',
  'silence',
  'unreachable',
  'encoder-wait',
  'message-conflict',
  'api-refused',
  'scheduler-error',
  /** The console's own: free space on its data volume runs low (machineId is CONSOLE_SUBJECT). */
  'disk-low',
  /** The console's own: its last backup failed (copy or integrity check). */
  'backup-failed',
  /** The console's own: no good backup for over a day while it runs. */
  'backup-stale',
  /**
   * The machine's own health read says it will stop if nobody acts (a cartridge running low or expiring, one feeder of
   * several empty). `code`: see shared/alerts/machine-warning-code.ts.
   */
  'machine-warning',
]);
export type AlertKind = z.infer<typeof AlertKindSchema>;

/** The machineId of an alert about the console itself, not a machine (no configured machine id is empty). */
export const CONSOLE_SUBJECT = '';

export const AlertPrioritySchema = z.enum(['critical', 'high', 'medium', 'low']);
export type AlertPriority = z.infer<typeof AlertPrioritySchema>;
/** Most urgent first: the band's order, and the order of the sounds. */
export const PRIORITY_ORDER: readonly AlertPriority[] = ['critical', 'high', 'medium', 'low'];

/**
 * The root condition an alert names, for grouping (a flood's banner, the KPIs' most frequent causes): several kinds and
 * codes share one (a card jam suspends or stops; both are `jam`).
 */
export const AlertCauseSchema = z.enum([
  'machine-unreachable',
  'credentials',
  'machine-silent',
  'feeder',
  'interlock',
  'jam',
  'machine-fault',
  'scheduler',
  'encoder',
  'message-conflict',
  'disk',
  'backup',
  'supplies',
]);
export type AlertCause = z.infer<typeof AlertCauseSchema>;

/** Kinds whose Resume/Stop must stay in view: never shelved (only their reminder sound is silenced). */
export const UNSHELVABLE_KINDS: readonly AlertKind[] = ['suspension', 'stopped'];

/** Why an alert closed, as a code the page renders in the viewer's language (shared/alerts/alert-texts.ts). */
export const ClosedReasonCodeSchema = z.enum([
  'runs-again',
  'issuance-stopped',
  'now-reports',
  'no-longer-reported',
  'started-again',
  'heard-again',
  'answers-again',
  'left-encoder-queue',
  'stopped-answering',
  'accepts-again',
  'other-errors-now',
  'no-longer-in-error',
  'newer-collision',
  'disk-space-back',
  'newer-backup',
  'acknowledged',
]);
export type ClosedReasonCode = z.infer<typeof ClosedReasonCodeSchema>;

export const ShelfViewSchema = z.object({
  /** When it returns by itself. */
  until: z.string(),
  reason: z.string(),
  /** Who shelved it (the person's name, or the OS user on an open station). */
  by: z.string(),
});
export type ShelfView = z.infer<typeof ShelfViewSchema>;

/** Something a person must see: raised by the core, closed by the machine's own reports (or acknowledged). */
export const AlertViewSchema = z.object({
  id: z.number().int(),
  machineId: z.string(),
  machineLabel: z.string(),
  kind: AlertKindSchema,
  code: z.string().optional(),
  /** What it was raised with (the free bytes of a low disk, a backup's failure): read by alertTexts. */
  detail: z.string().optional(),
  priority: AlertPrioritySchema,
  cause: AlertCauseSchema,
  /** The root alert this one follows from: recorded, shown under the root, never sounded. */
  suppressedBy: z.number().int().optional(),
  /** The first alert of a burst: no other alert opened in the 10 minutes before it. */
  firstOut: z.literal(true).optional(),
  /** Shelved by a supervisor: out of the band until `until`, counted in the summary. */
  shelved: ShelfViewSchema.optional(),
  /** Cleared by the machine, not yet acknowledged (only with `alarms.latching`). */
  latched: z.literal(true).optional(),
  /** English, by the core, until the page composes with alertTexts(t, alert). */
  title: z.string(),
  text: z.string(),
  action: z.string().optional(),
  openedAt: z.string(),
  closedAt: z.string().optional(),
  /** Why it closed, as a code and its parameters (closedReasonText(t, alert) renders it). */
  closedReasonCode: ClosedReasonCodeSchema.optional(),
  closedReasonParams: z.record(z.string(), z.string()).optional(),
  /** Why it closed, in English: as written for rows stored before the codes, else closedReasonText in English. */
  closedReason: z.string().optional(),
  /** Who acted while it was open, and what they did, oldest first. */
  actions: z.array(z.object({ at: z.string(), actor: z.string(), what: z.string(), state: z.string() })),
});
export type AlertView = z.infer<typeof AlertViewSchema>;

/** Above FLOOD.count new alerts within FLOOD.windowMinutes for the station: a flood (ISA-18.2). */
export const FLOOD = { count: 10, windowMinutes: 10 } as const;

export const AlertFloodSchema = z.object({
  /** Alerts opened since the flood began (suppressed ones not counted). */
  count: z.number().int(),
  /** When the first alert of the flood opened. */
  since: z.string(),
  /** Most first. */
  byCause: z.array(z.object({ cause: AlertCauseSchema, count: z.number().int() })),
});
export type AlertFlood = z.infer<typeof AlertFloodSchema>;

/** What the band says beside the alerts: "2 shelved", and the flood banner. */
export const AlarmSummarySchema = z.object({ shelved: z.number().int().min(0), flood: AlertFloodSchema.optional() });
export type AlarmSummary = z.infer<typeof AlarmSummarySchema>;

/** ISA-18.2's benchmarks, per station: alerts per hour on average, and a flood per 10 minutes. */
export const ISA_TARGETS = {
  acceptablePerHour: 6,
  manageablePerHour: 12,
  floodPer10Minutes: 10,
  standingHours: 24,
  chatterCount: 3,
  chatterSeconds: 60,
} as const;

/**
 * The alarm KPIs over a period (the alert history). Suppressed alerts are counted apart: they were never annunciated.
 * `rating` reads `perHour` against the targets: up to 6 acceptable, up to 12 manageable, beyond overloaded.
 */
export const AlarmKpisSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  suppressed: z.number().int(),
  perHour: z.number(),
  rating: z.enum(['acceptable', 'manageable', 'overloaded']),
  busiest10Minutes: z.object({ start: z.string(), count: z.number().int() }).optional(),
  /** Share of the period (0..1) in flood. */
  floodShare: z.number(),
  targets: z.object({
    acceptablePerHour: z.number(),
    manageablePerHour: z.number(),
    floodPer10Minutes: z.number(),
  }),
  /** Open for more than 24 hours within the period (still open: counted to `to`). */
  standing: z.array(
    z.object({ id: z.number().int(), machineLabel: z.string(), kind: AlertKindSchema, code: z.string().optional(), openedAt: z.string(), hours: z.number() }),
  ),
  /**
   * The same alert (machine, kind, code) raised 3 times or more within a minute: `count` raises in the period, `firstAt`
   * the first of the three.
   */
  chattering: z.array(z.object({ machineLabel: z.string(), kind: AlertKindSchema, code: z.string().optional(), count: z.number().int(), firstAt: z.string() })),
  /** Top 10, most first; `share` 0..1 of `total`. */
  topCauses: z.array(z.object({ cause: AlertCauseSchema, count: z.number().int(), share: z.number() })),
  topKinds: z.array(z.object({ kind: AlertKindSchema, count: z.number().int(), share: z.number() })),
});
export type AlarmKpis = z.infer<typeof AlarmKpisSchema>;

/** The step-up a supervisor gives at an operator's station, or the shared PIN on an open station. */
const SupervisorProof = { pin: z.string().max(64).optional(), supervisor: CredentialSchema.optional() };

export const ALARM_METHODS = {
  /** Out of the band for `minutes` with a reason; returns by itself. The active alerts after. */
  shelveAlert: {
    params: z
      .object({ id: z.number().int().positive(), minutes: z.number().int().min(1).max(12 * 60), reason: z.string().trim().min(1).max(200), ...SupervisorProof })
      .strict(),
    result: z.array(AlertViewSchema),
  },
  unshelveAlert: { params: z.object({ id: z.number().int().positive(), ...SupervisorProof }).strict(), result: z.array(AlertViewSchema) },
  /** Default: the 7 days to now. ISO timestamps. */
  alarmKpis: { params: z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() }).strict(), result: AlarmKpisSchema },
  /** "Alarm tested" at the start of a shift: audited; the page then plays the sounds. */
  testAlarm: { params: z.object({}).strict(), result: z.object({ at: z.string() }) },
} as const;

/**
 * Something that keeps webhooks from arriving, found when the console started: a listener that could not open (a
 * port in use, TLS files it cannot read) or an allow-list that admits no address. Shown on every screen for as long
 * as the console runs; fixing the configuration and restarting clears it.
 */
export const ListenerAlertViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  /** What to do about it, in one sentence. */
  action: z.string(),
});
export type ListenerAlertView = z.infer<typeof ListenerAlertViewSchema>;
