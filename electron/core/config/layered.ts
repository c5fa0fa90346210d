import type { ConfigProblem, SettingSource } from '../../../shared/api/settings';
import { keepValid, readConfigLayer } from './files';
import { COMMAND_LINE, flagsLayer, parseCliFlags } from './flags';
import { deletePath, getPath, setPath, settingKeys } from './keys';
import { defaultConfigLocations, type ConfigLocations } from './locations';
import { defaultDataDir, resolveConfig } from './resolve';
import type { ConfigFile, ConsoleConfig } from './schema';
import type { SecretKeychain } from './secrets';

export interface LoadOptions {
  locations?: ConfigLocations;
  /** Where the database goes when no layer says: the app's user-data folder in Electron. */
  fallbackDataDir?: string;
  keychain?: SecretKeychain;
}

export interface KeyOrigin {
  source: SettingSource;
  locked: boolean;
}

export interface LoadedConfig {
  config: ConsoleConfig;
  /** Everything wrong in the files and flags; each bad key was ignored, the console runs without it. */
  problems: ConfigProblem[];
  /** The layers merged, file-shaped, before defaults: what the files and flags say. */
  merged: ConfigFile;
  /** Which layer each key's value came from; keys no layer sets come from the defaults. */
  origins: Map<string, KeyOrigin>;
  /** The per-user file's keys, which the settings screen edits. */
  userKeys: Set<string>;
  locations: ConfigLocations;
  configFile: string | undefined;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;
export const isLoopbackHost = (host: string): boolean => LOOPBACK.test(host.replace(/^\[|\]$/g, ''));

interface Layer {
  source: SettingSource;
  where: string;
  values: ConfigFile;
}

/** `locked` lists keys or whole sections; names that match no key are reported, not silently ignored. */
function lockedKeys(machine: ConfigFile, where: string, allKeys: string[], problems: ConfigProblem[]): string[] {
  const locked: string[] = [];
  for (const name of machine.locked ?? []) {
    if (allKeys.some((k) => k === name || k.startsWith(`${name}.`))) locked.push(name);
    else problems.push({ where, key: 'locked', message: `"${name}" is not a setting that can be locked; ignored` });
  }
  return locked;
}

/** A secret kept valid during a changeover, beside the key of the one that replaces it. */
const PREVIOUS_OF: readonly [previous: string, current: string][] = [
  ['webhook.previousToken', 'webhook.token'],
  ['rapidadmin.previousSigningSecret', 'rapidadmin.signingSecret'],
];

/** A previous secret means something only beside its current one: alone it does nothing, and the screen says so. */
function dropLonePrevious(effective: Record<string, unknown>, origins: Map<string, KeyOrigin>, problems: ConfigProblem[]): void {
  for (const [previous, current] of PREVIOUS_OF) {
    if (getPath(effective, previous) === undefined || getPath(effective, current) !== undefined) continue;
    deletePath(effective, previous);
    problems.push({ where: 'settings', key: previous, message: `is set without ${current}: ignored (set ${current} to the new value first)` });
    origins.set(previous, { source: 'default', locked: origins.get(previous)?.locked ?? false });
  }
}

/**
 * Builds the effective configuration from every layer. Precedence, lowest first: defaults, the machine-wide file,
 * the per-user file, `--config`, the flags; a key the machine-wide file locks takes its value from that file (or
 * the default) whatever the others say. Nothing here stops the console: problems are collected and returned.
 */
export function loadLayeredConfig(argv: readonly string[], options: LoadOptions = {}): LoadedConfig {
  const locations = options.locations ?? defaultConfigLocations();
  const { flags, problems } = parseCliFlags(argv);
  const read = (where: string, required = false) => {
    const file = readConfigLayer(where, options.keychain, required);
    problems.push(...file.problems);
    return file.values;
  };

  const machine = read(locations.machine);
  const layers: Layer[] = [
    { source: 'machine', where: locations.machine, values: machine },
    { source: 'user', where: locations.user, values: read(locations.user) },
  ];
  if (flags.config) layers.push({ source: 'file', where: flags.config, values: read(flags.config, true) });
  const { layer: flagLayer, flagOf } = flagsLayer(flags);
  // Flags pass the same schema as the files (an address that is no address, a data folder that is no path).
  const flagProblems: ConfigProblem[] = [];
  const flagValues = keepValid(flagLayer, COMMAND_LINE, flagProblems);
  problems.push(...flagProblems.map((p) => (p.key && flagOf.has(p.key) ? { ...p, key: flagOf.get(p.key) } : p)));
  layers.push({ source: 'flag', where: COMMAND_LINE, values: flagValues });

  for (const layer of layers.slice(1)) {
    if (layer.values.locked) {
      problems.push({ where: layer.where, key: 'locked', message: 'only the machine-wide file can lock keys; ignored' });
    }
    if (layer.values.people) {
      problems.push({ where: layer.where, key: 'people', message: 'only the machine-wide file can provision accounts; ignored' });
    }
  }

  const keys = settingKeys().map((k) => k.key);
  const locked = lockedKeys(machine, locations.machine, keys, problems);
  const isLocked = (key: string) => locked.some((l) => key === l || key.startsWith(`${l}.`));

  const effective: Record<string, unknown> = {};
  const origins = new Map<string, KeyOrigin>();
  for (const key of keys) {
    if (isLocked(key)) {
      const value = getPath(machine, key);
      if (value !== undefined) setPath(effective, key, value);
      origins.set(key, { source: value === undefined ? 'default' : 'machine', locked: true });
      for (const layer of layers.slice(1)) {
        if (getPath(layer.values, key) === undefined) continue;
        const what = layer.source === 'flag' ? `${flagOf.get(key)} is ignored` : 'the value here is ignored';
        problems.push({ where: layer.where, key, message: `is locked by IT in ${locations.machine}: ${what}` });
      }
      continue;
    }
    let origin: KeyOrigin = { source: 'default', locked: false };
    for (const layer of layers) {
      const value = getPath(layer.values, key);
      if (value === undefined) continue;
      setPath(effective, key, value);
      origin = { source: layer.source, locked: false };
    }
    origins.set(key, origin);
  }

  if (machine.people) effective['people'] = machine.people;
  dropLonePrevious(effective, origins, problems);
  const config = resolveConfig({}, effective as ConfigFile, options.fallbackDataDir ?? defaultDataDir());
  // A UI reachable from the LAN must need a token someone chose; the per-start token is only for this machine.
  if (!isLoopbackHost(config.uiHost) && !config.uiAccessToken) {
    problems.push({
      where: origins.get('ui.host')?.source === 'flag' ? COMMAND_LINE : 'settings',
      key: 'ui.host',
      message: `"${config.uiHost}" is not loopback, which needs ui.accessToken (24 characters or more); the UI stays on 127.0.0.1`,
    });
    config.uiHost = '127.0.0.1';
  }
  const userKeys = new Set(keys.filter((k) => getPath(layers[1]?.values, k) !== undefined));
  return { config, problems, merged: effective as ConfigFile, origins, userKeys, locations, configFile: flags.config };
}
