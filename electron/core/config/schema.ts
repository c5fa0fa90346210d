import { isIP } from 'node:net';
import { z } from 'zod';
import { AlertKindSchema, AlertPrioritySchema, type AlertKind, type AlertPriority } from '../../../shared/api/alerts';
import { RoleSchema } from '../../../shared/api/people';
import { LanguageSchema, type Language } from '../../../shared/i18n/languages';
import { MachineKindSchema } from '../../../shared/api/views';
import { RetentionConfigSchema, type RetentionSettings } from '../retention/retention-config';
import { ProductionConfigSchema, ShiftsConfigSchema, type ProductionSettings } from '../production/production-config';
import { isPinHash } from '../people/pin-hash';
import { SCENARIO_IDS, type ScenarioId } from '../simulator/scenarios';
import { parseAllowEntry } from './allow-from';
import {
  IdvConfigSchema,
  RapidadminConfigSchema,
  TlsConfigSchema,
  type IdvSettings,
  type RapidadminSettings,
  type TlsSettings,
} from './sources';

export const MachineConfigSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().max(200).optional(),
  apiUrl: z.url({ protocol: /^https?$/ }),
  kind: MachineKindSchema.default('box'),
  /** Matched against MachineSerial, then HostName, then MachineName of each message. */
  serial: z.string().optional(),
  hostName: z.string().optional(),
  machineName: z.string().optional(),
  /** AIDA's API is Bearer-JWT protected: with credentials the console fetches a token and renews it on 401. */
  credentials: z
    .object({
      userName: z.string().min(1),
      password: z.string(),
      clientId: z.string().optional(),
      clientSecret: z.string().optional(),
    })
    .strict()
    .optional(),
  /** The doc spells the signal endpoint and its instance key inconsistently (PROTOCOLS.md): both configurable. */
  signal: z
    .object({
      path: z.string().startsWith('/').optional(),
      instanceKey: z.string().min(1).optional(),
      /**
       * Signal a message's CallbackUrl (on this machine's own host and port only) instead of `path`. Off by default:
       * the seed says it "can be ignored" and documents neither its method nor its body.
       */
      useCallbackUrl: z.boolean().optional(),
    })
    .strict()
    .optional(),
  /** Per-call timeout of the machine's REST API. */
  timeoutMs: z.number().int().min(100).max(120_000).optional(),
});
export type MachineConfig = z.infer<typeof MachineConfigSchema>;

const HOST_NAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** An address to listen on: an IP address (IPv6 without a zone) or a host name; anything else could not be bound. */
const ListenHostSchema = z
  .string()
  .refine((h) => (isIP(h) !== 0 && !h.includes('%')) || HOST_NAME.test(h), { message: 'must be an IP address (such as 0.0.0.0) or a host name' });

/** One allow-list entry, checked as the listener will read it (`allow-from.ts`). */
const AllowFromEntrySchema = z.string().superRefine((entry, ctx) => {
  const read = parseAllowEntry(entry);
  if ('error' in read) ctx.addIssue({ code: 'custom', message: read.error });
});

export const FileAccountSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    role: RoleSchema,
    pinHash: z.string().refine(isPinHash, { message: 'must be a hash printed by --hash-pin' }),
    badgeHash: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a hash printed by --hash-badge').optional(),
  })
  .strict();
export type FileAccount = z.infer<typeof FileAccountSchema>;

/** One optional priority per alert kind: each is its own row in the settings screen. */
const priorityPerKind = Object.fromEntries(AlertKindSchema.options.map((k) => [k, AlertPrioritySchema.optional()]));
const AlarmPrioritiesSchema = z.object(priorityPerKind as Record<AlertKind, z.ZodOptional<typeof AlertPrioritySchema>>).strict();

/** The config file's shape. Every key is optional: flags and defaults fill the rest. */
export const ConfigFileSchema = z
  .object({
    dataDir: z.string().min(1).max(1000).refine((d) => !d.includes('\0'), { message: 'must be a folder path' }).optional(),
    station: z.string().max(100).optional(),
    /** The station's language; a signed-in person with a language of their own reads theirs. */
    language: LanguageSchema.optional(),
    webhook: z
      .object({
        host: ListenHostSchema.optional(),
        port: z.number().int().min(0).max(65535).optional(),
        /**
         * Optional protection of the LAN listener: source addresses allowed (IPs or CIDR ranges). A bad entry is
         * dropped alone and reported (files.ts), never read as a wider range; a list with no valid entry allows none.
         */
        allowFrom: z.array(AllowFromEntrySchema).optional(),
        /** Optional shared token, accepted as a last path segment or in the X-Console-Token header. */
        token: z.string().min(16).optional(),
        /** During a changeover, the token being replaced: accepted as well as `token` until it is removed. */
        previousToken: z.string().min(16).optional(),
        /** HTTPS beside the plain listener (senders that post only to https URLs). */
        tls: TlsConfigSchema.optional(),
        /** How many refused deliveries the log keeps, and how many megabytes of them: past either, the oldest go. */
        rejectedDeliveries: z
          .object({
            maxCount: z.number().int().min(100).max(1_000_000).optional(),
            maxMegabytes: z.number().int().min(10).max(100_000).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** RapIDadmin / EliteID webhooks (POST /rapidadmin/webhooks). */
    rapidadmin: RapidadminConfigSchema.optional(),
    /** Identity-verification webhooks (POST /idv/webhooks). */
    idv: IdvConfigSchema.optional(),
    review: z
      .object({
        /** OCR reads whose lowest confidence is below this (0..1) are highlighted. */
        confidenceThreshold: z.number().min(0).max(1).optional(),
        /** When set, OCR reads whose lowest confidence is at or above it are approved automatically, and audited. */
        autoApproveAbove: z.number().min(0).max(1).optional(),
        /** When set, Approve, Reject and Abort ask for it. */
        supervisorPin: z.string().min(4).max(64).optional(),
        /** Keep the camera pictures shown beside OCR reviews (personal data, removed by retention.personalDataDays). */
        keepSnapshots: z.boolean().optional(),
      })
      .strict()
      .optional(),
    encoder: z
      .object({
        /** An external encoder service: gets the EncoderLoaded payload, answers {outcome, errorReason?}. */
        serviceUrl: z.url({ protocol: /^https?$/ }).optional(),
        serviceTimeoutMs: z.number().int().min(1000).max(600_000).optional(),
        /** An alert is raised while a card waits in an encoder longer than this. It never faults the card. */
        waitAlertSeconds: z.number().int().min(1).max(3600).optional(),
      })
      .strict()
      .optional(),
    watchdog: z
      .object({
        /** Alert when a running machine has sent nothing for this long. */
        silenceSeconds: z.number().int().min(5).max(3600).optional(),
        /** How often each machine's API is polled (state and metrics). */
        pollSeconds: z.number().int().min(1).max(600).optional(),
      })
      .strict()
      .optional(),
    /** Alarm handling (ISA-18.2, issue 14): each kind's priority, and whether cleared alerts wait for an acknowledgement. */
    alarms: z
      .object({
        /** Per kind, overriding the defaults (electron/core/alerts/alert-priority.ts). One key per kind, so each is a setting. */
        priorities: AlarmPrioritiesSchema.optional(),
        /** A cleared alert stays in the band, marked cleared, until someone acknowledges it. Off by default. */
        latching: z.boolean().optional(),
      })
      .strict()
      .optional(),
    ui: z
      .object({
        port: z.number().int().min(0).max(65535).optional(),
        /** Serve mode only. Loopback by default; any other address opens the UI to the LAN and needs accessToken. */
        host: ListenHostSchema.optional(),
        /** Serve mode's fixed access token for thin clients (instead of the random one made at each start). */
        accessToken: z.string().min(24).max(200).optional(),
      })
      .strict()
      .optional(),
    /** The Electron app only. */
    desktop: z
      .object({
        startAtLogin: z.boolean().optional(),
        /** `kiosk` for dedicated operator stations: full screen, no window frame, closing is refused. */
        display: z.enum(['window', 'full-screen', 'kiosk']).optional(),
      })
      .strict()
      .optional(),
    /**
     * Machine-wide file only: keys (`webhook.port`) or whole sections (`machines`) IT fixes for everyone. A locked
     * key takes the machine-wide value (or the default) whatever the other files and flags say, and is read-only
     * in the settings screen.
     */
    locked: z.array(z.string().min(1)).optional(),
    /** Named people (issue 13): sign-in, and how long an idle station stays signed in. */
    auth: z
      .object({
        /** Sign-in from the first start: the first screen creates the first IT account. IT may lock it. */
        required: z.boolean().optional(),
        /** A person is signed out after this many minutes without touching the station. */
        idleMinutes: z.number().int().min(1).max(720).optional(),
      })
      .strict()
      .optional(),
    /**
     * Machine-wide file only: accounts IT provisions for many stations at once, read-only in the console. `pinHash`
     * is what `--hash-pin` prints, `badgeHash` what `--hash-badge` prints. Removing an entry disables the account.
     */
    people: z.array(FileAccountSchema).optional(),
    /**
     * `power-cut`: SQLite synchronous=FULL, an acknowledged message survives losing power. `crash`: synchronous=NORMAL
     * in WAL, survives a crash of the console but not of the OS; faster.
     */
    durability: z.enum(['power-cut', 'crash']).optional(),
    /** How long rows stay in the live file before the year's archive, and personal data before it is redacted. */
    retention: RetentionConfigSchema.optional(),
    /** The station's shifts (default three 8-hour shifts from 06:00), cut in production.timeZone. */
    shifts: ShiftsConfigSchema.optional(),
    /** The shift report's time zone and the machines' nominal speed (issue 15). */
    production: ProductionConfigSchema.optional(),
    /** Daily copies of the database (and one before each migration), each checked; the newest `keep` are kept. */
    backup: z
      .object({
        /** Best on another disk than dataDir: a copy on the same disk is lost with it. Default `<dataDir>/backups`. */
        dir: z.string().min(1).max(1000).refine((d) => !d.includes('\0'), { message: 'must be a folder path' }).optional(),
        keep: z.number().int().min(1).max(365).optional(),
      })
      .strict()
      .optional(),
    machines: z
      .array(MachineConfigSchema)
      .superRefine((machines, ctx) => {
        const seen = new Set<string>();
        for (const m of machines) {
          if (seen.has(m.id)) ctx.addIssue({ code: 'custom', message: `machine id "${m.id}" is configured twice` });
          seen.add(m.id);
        }
      })
      .optional(),
    training: z
      .object({
        cardsPerBatch: z.number().int().min(1).max(10_000).optional(),
        feederCapacity: z.number().int().min(0).max(10_000).optional(),
        cardIntervalMs: z.number().int().min(0).max(60_000).optional(),
        /** Machine time runs this many times faster than real time (tests use a large one). */
        speed: z.number().min(0.1).max(10_000).optional(),
        /** Two simulated machines at once (different MachineSerial, HostName, REST port). */
        machines: z.number().int().min(1).max(2).optional(),
        /** The scenario each simulated machine starts with. */
        scenario: z.enum(SCENARIO_IDS).optional(),
        /** Same seed, same job and message ids in the same order. */
        seed: z.string().min(1).max(100).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export interface TrainingSettings {
  cardsPerBatch: number;
  feederCapacity: number;
  cardIntervalMs: number;
  speed: number;
  machines: 1 | 2;
  scenario: ScenarioId;
  seed: string | undefined;
}

/** The effective configuration the core is created from. */
export interface ConsoleConfig {
  dataDir: string;
  station: string;
  language: Language;
  webhookHost: string;
  webhookPort: number;
  uiPort: number;
  uiHost: string;
  uiAccessToken: string | undefined;
  desktop: { startAtLogin: boolean; display: 'window' | 'full-screen' | 'kiosk' };
  durability: 'power-cut' | 'crash';
  /** Where the database is copied (daily, before each migration) and how many copies are kept. */
  backup: { dir: string; keep: number };
  /** Training mode: no machine configured, an embedded simulator plays one on loopback. */
  training: TrainingSettings | undefined;
  machines: MachineConfig[];
  /** Undefined: any source address; a list: only those (an empty list: none, and the console raises an alert). */
  webhookAllowFrom: string[] | undefined;
  /** The listener token, and during a changeover the one it replaces (both accepted). */
  webhookToken: string | undefined;
  webhookPreviousToken?: string | undefined;
  review: { confidenceThreshold: number; autoApproveAbove: number | undefined; supervisorPin: string | undefined; keepSnapshots?: boolean };
  auth: { required: boolean; idleMinutes: number };
  /** Accounts from the machine-wide file (only from there). */
  people: FileAccount[];
  encoder: { serviceUrl: string | undefined; serviceTimeoutMs: number; waitAlertSeconds: number };
  watchdog: { silenceSeconds: number; pollSeconds: number };
  /** Every kind's priority (defaults filled in), and latching (default off). */
  alarms: { priorities: Record<AlertKind, AlertPriority>; latching: boolean };
  /** Caps on the refused deliveries the log keeps (absent: the store's defaults, 10,000 and 100 MiB). */
  refusedDeliveries?: { maxCount: number; maxBytes: number };
  /** Absent: defaults (unsigned RapIDadmin, open identity-verification endpoint, no TLS). */
  rapidadmin?: RapidadminSettings;
  idv?: IdvSettings;
  webhookTls?: TlsSettings;
  /** Absent: the defaults (90 days for everything, personal data kept as long as its rows). */
  retention?: RetentionSettings;
  /** Absent: the default shifts in the system's time zone, no nominal speeds. */
  production?: ProductionSettings;
}
