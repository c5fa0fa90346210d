import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { resolvePriorities } from '../alerts/alert-priority';
import { DEFAULT_LANGUAGE } from '../../../shared/i18n/languages';
import { resolveRetention } from '../retention/retention-config';
import { resolveProduction } from '../production/production-config';
import { DEFAULT_SCENARIO } from '../simulator/scenarios';
import type { ConfigFile, ConsoleConfig } from './schema';
import { resolveSources } from './sources';

export const DEFAULT_WEBHOOK_PORT = 4567;
export const DEFAULT_UI_PORT = 4800;

export interface CliFlags {
  config?: string;
  dataDir?: string;
  webhookHost?: string;
  webhookPort?: number;
  uiHost?: string;
  uiPort?: number;
  aidaUrl?: string;
  /** A backup file to put in place of the database before the console starts (after a confirmation). */
  restore?: string;
  /** Confirms --restore without asking. */
  yes?: boolean;
}

export class ConfigError extends Error {}

export function defaultDataDir(): string {
  return process.platform === 'win32' && process.env['APPDATA']
    ? join(process.env['APPDATA'], 'IssuanceConsole')
    : join(homedir(), '.issuance-console');
}

/** Flags override the file; with no machine anywhere the console trains against its simulator. */
export function resolveConfig(flags: CliFlags, file: ConfigFile = {}, fallbackDataDir = defaultDataDir()): ConsoleConfig {
  const machines = flags.aidaUrl
    ? [{ id: 'aida-1', label: 'AIDA', apiUrl: flags.aidaUrl, kind: 'box' as const }]
    : (file.machines ?? []);
  const ids = new Set<string>();
  for (const m of machines) {
    if (ids.has(m.id)) throw new ConfigError(`machine id "${m.id}" is configured twice`);
    ids.add(m.id);
  }
  const training = machines.length === 0;
  const dataDir = flags.dataDir ?? file.dataDir ?? fallbackDataDir;
  return {
    dataDir,
    station: file.station ?? hostname(),
    // In training mode the listener stays on loopback unless asked otherwise, so a real machine's webhooks never
    // reach a console that is only practising.
    webhookHost: flags.webhookHost ?? file.webhook?.host ?? (training ? '127.0.0.1' : '0.0.0.0'),
    webhookPort: flags.webhookPort ?? file.webhook?.port ?? DEFAULT_WEBHOOK_PORT,
    uiPort: flags.uiPort ?? file.ui?.port ?? DEFAULT_UI_PORT,
    // Serve mode's UI: loopback unless IT opts in to a thin client on the LAN (which then needs ui.accessToken).
    uiHost: flags.uiHost ?? file.ui?.host ?? '127.0.0.1',
    uiAccessToken: file.ui?.accessToken,
    desktop: { startAtLogin: file.desktop?.startAtLogin ?? false, display: file.desktop?.display ?? 'window' },
    durability: file.durability ?? 'power-cut',
    backup: { dir: file.backup?.dir ?? join(dataDir, 'backups'), keep: file.backup?.keep ?? 7 },
    training: training
      ? {
          cardsPerBatch: file.training?.cardsPerBatch ?? 10,
          feederCapacity: file.training?.feederCapacity ?? 4,
          cardIntervalMs: file.training?.cardIntervalMs ?? 700,
          speed: file.training?.speed ?? 1,
          machines: file.training?.machines === 2 ? 2 : 1,
          scenario: file.training?.scenario ?? DEFAULT_SCENARIO,
          seed: file.training?.seed,
        }
      : undefined,
    machines,
    webhookAllowFrom: file.webhook?.allowFrom,
    webhookToken: file.webhook?.token,
    webhookPreviousToken: file.webhook?.previousToken,
    review: {
      confidenceThreshold: file.review?.confidenceThreshold ?? 0.8,
      autoApproveAbove: file.review?.autoApproveAbove,
      supervisorPin: file.review?.supervisorPin,
      ...(file.review?.keepSnapshots ? { keepSnapshots: true } : {}),
    },
    auth: { required: file.auth?.required ?? false, idleMinutes: file.auth?.idleMinutes ?? 10 },
    language: file.language ?? DEFAULT_LANGUAGE,
    people: file.people ?? [],
    encoder: {
      serviceUrl: file.encoder?.serviceUrl,
      serviceTimeoutMs: file.encoder?.serviceTimeoutMs ?? 60_000,
      waitAlertSeconds: file.encoder?.waitAlertSeconds ?? 60,
    },
    watchdog: { silenceSeconds: file.watchdog?.silenceSeconds ?? 120, pollSeconds: file.watchdog?.pollSeconds ?? 10 },
    alarms: { priorities: resolvePriorities(file.alarms?.priorities), latching: file.alarms?.latching ?? false },
    refusedDeliveries: {
      maxCount: file.webhook?.rejectedDeliveries?.maxCount ?? 10_000,
      maxBytes: (file.webhook?.rejectedDeliveries?.maxMegabytes ?? 100) * 1024 * 1024,
    },
    retention: resolveRetention(file.retention),
    production: resolveProduction(file.shifts, file.production),
    ...resolveSources(file),
  };
}
