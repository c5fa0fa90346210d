import { readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigFileSchema, type ConfigFile, type ConsoleConfig } from './schema';

export const DEFAULT_WEBHOOK_PORT = 4567;
export const DEFAULT_UI_PORT = 4800;

export interface CliFlags {
  config?: string;
  dataDir?: string;
  webhookHost?: string;
  webhookPort?: number;
  uiPort?: number;
  aidaUrl?: string;
}

export class ConfigError extends Error {}

function port(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${flag} must be a port number 0-65535, got "${value}"`);
  return n;
}

/** Parses the flags shared by `npm start` and `npm run serve`. Unknown flags are an error, not ignored. */
export function parseCliFlags(argv: readonly string[]): CliFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        config: { type: 'string' },
        'data-dir': { type: 'string' },
        'webhook-host': { type: 'string' },
        'webhook-port': { type: 'string' },
        'ui-port': { type: 'string' },
        'aida-url': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const flags: CliFlags = {};
  if (values.config !== undefined) flags.config = values.config;
  if (values['data-dir'] !== undefined) flags.dataDir = values['data-dir'];
  if (values['webhook-host'] !== undefined) flags.webhookHost = values['webhook-host'];
  const webhookPort = port('--webhook-port', values['webhook-port']);
  if (webhookPort !== undefined) flags.webhookPort = webhookPort;
  const uiPort = port('--ui-port', values['ui-port']);
  if (uiPort !== undefined) flags.uiPort = uiPort;
  if (values['aida-url'] !== undefined) {
    const parsed = z.url({ protocol: /^https?$/ }).safeParse(values['aida-url']);
    if (!parsed.success) throw new ConfigError(`--aida-url must be an http(s) URL, got "${values['aida-url']}"`);
    flags.aidaUrl = parsed.data;
  }
  return flags;
}

export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read config file ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`config file ${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ConfigError(`config file ${path} is invalid: ${problems}`);
  }
  return parsed.data;
}

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
  return {
    dataDir: flags.dataDir ?? file.dataDir ?? fallbackDataDir,
    station: file.station ?? hostname(),
    // In training mode the listener stays on loopback unless asked otherwise, so a real machine's webhooks never
    // reach a console that is only practising.
    webhookHost: flags.webhookHost ?? file.webhook?.host ?? (training ? '127.0.0.1' : '0.0.0.0'),
    webhookPort: flags.webhookPort ?? file.webhook?.port ?? DEFAULT_WEBHOOK_PORT,
    uiPort: flags.uiPort ?? file.ui?.port ?? DEFAULT_UI_PORT,
    durability: file.durability ?? 'power-cut',
    training: training
      ? {
          cardsPerBatch: file.training?.cardsPerBatch ?? 10,
          feederCapacity: file.training?.feederCapacity ?? 4,
          cardIntervalMs: file.training?.cardIntervalMs ?? 700,
        }
      : undefined,
    machines,
  };
}

export function loadConfig(argv: readonly string[], fallbackDataDir?: string): ConsoleConfig {
  const flags = parseCliFlags(argv);
  const file = flags.config ? readConfigFile(flags.config) : {};
  return resolveConfig(flags, file, fallbackDataDir);
}
