import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { ConfigProblem } from '../../../shared/api/settings';
import { looksSecret, setPath } from './keys';
import type { CliFlags } from './resolve';
import type { ConfigFile } from './schema';

export const COMMAND_LINE = 'command line';

const STRING_FLAGS = ['config', 'data-dir', 'webhook-host', 'webhook-port', 'ui-host', 'ui-port', 'aida-url', 'restore'] as const;
/** Flags without a value: `--yes` confirms --restore. */
const BOOLEAN_FLAGS = ['yes'] as const;

function port(flag: string, value: string, problems: ConfigProblem[]): number | undefined {
  const n = Number(value);
  if (value.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= 65535) return n;
  problems.push({ where: COMMAND_LINE, message: `--${flag} must be a port number 0-65535, got "${value}"; ignored` });
  return undefined;
}

/**
 * Parses the flags shared by `npm start` and `npm run serve`. A wrong flag never stops the console (an operator
 * station must come up): it is ignored and reported, like a wrong key in a config file.
 */
export function parseCliFlags(argv: readonly string[]): { flags: CliFlags; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const { values, tokens } = parseArgs({
    args: [...argv],
    options: {
      ...Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const }])),
      ...Object.fromEntries(BOOLEAN_FLAGS.map((f) => [f, { type: 'boolean' as const }])),
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const given: Partial<Record<(typeof STRING_FLAGS)[number], string>> = {};
  const switches: Partial<Record<(typeof BOOLEAN_FLAGS)[number], boolean>> = {};
  for (const [name, value] of Object.entries(values)) {
    if ((BOOLEAN_FLAGS as readonly string[]).includes(name)) {
      if (value === true) switches[name as (typeof BOOLEAN_FLAGS)[number]] = true;
      else problems.push({ where: COMMAND_LINE, message: `--${name} takes no value; ignored` });
      continue;
    }
    const known = (STRING_FLAGS as readonly string[]).includes(name);
    if (!known) problems.push({ where: COMMAND_LINE, message: `--${name} is not a console flag; ignored` });
    else if (typeof value !== 'string') problems.push({ where: COMMAND_LINE, message: `--${name} needs a value; ignored` });
    else given[name as (typeof STRING_FLAGS)[number]] = value;
  }
  // `--supervisor-pin 2468` is an unknown flag followed by its value: a value after a flag whose name looks secret
  // is never quoted back (the log and the settings screen show problems).
  const hidden = new Set<number>();
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.kind === 'option' && t.value === undefined && looksSecret(t.name) && next?.kind === 'positional') hidden.add(next.index);
  });
  for (const t of tokens) {
    if (t.kind !== 'positional') continue;
    const text = hidden.has(t.index) ? 'an argument (not shown: it follows a flag that looks like a secret)' : `argument "${t.value}"`;
    problems.push({ where: COMMAND_LINE, message: `unexpected ${text}; ignored` });
  }

  const flags: CliFlags = {};
  if (given.config !== undefined) flags.config = given.config;
  if (given['data-dir'] !== undefined) flags.dataDir = given['data-dir'];
  if (given['webhook-host'] !== undefined) flags.webhookHost = given['webhook-host'];
  if (given['ui-host'] !== undefined) flags.uiHost = given['ui-host'];
  const webhookPort = given['webhook-port'] === undefined ? undefined : port('webhook-port', given['webhook-port'], problems);
  if (webhookPort !== undefined) flags.webhookPort = webhookPort;
  const uiPort = given['ui-port'] === undefined ? undefined : port('ui-port', given['ui-port'], problems);
  if (uiPort !== undefined) flags.uiPort = uiPort;
  if (given.restore !== undefined) flags.restore = given.restore;
  if (switches.yes) flags.yes = true;
  if (given['aida-url'] !== undefined) {
    const parsed = z.url({ protocol: /^https?$/ }).safeParse(given['aida-url']);
    if (parsed.success) flags.aidaUrl = parsed.data;
    else problems.push({ where: COMMAND_LINE, message: `--aida-url must be an http(s) URL, got "${given['aida-url']}"; ignored` });
  }
  return { flags, problems };
}

/** The flags as a layer of the config file, the top one: each flag sets exactly one key. */
export function flagsLayer(flags: CliFlags): { layer: ConfigFile; flagOf: Map<string, string> } {
  const layer: Record<string, unknown> = {};
  const flagOf = new Map<string, string>();
  const entries: [unknown, string, string][] = [
    [flags.dataDir, 'dataDir', '--data-dir'],
    [flags.webhookHost, 'webhook.host', '--webhook-host'],
    [flags.webhookPort, 'webhook.port', '--webhook-port'],
    [flags.uiHost, 'ui.host', '--ui-host'],
    [flags.uiPort, 'ui.port', '--ui-port'],
    [flags.aidaUrl && [{ id: 'aida-1', label: 'AIDA', apiUrl: flags.aidaUrl, kind: 'box' }], 'machines', '--aida-url'],
  ];
  for (const [value, key, flag] of entries) {
    if (value === undefined) continue;
    setPath(layer, key, value);
    flagOf.set(key, flag);
  }
  return { layer: layer as ConfigFile, flagOf };
}
