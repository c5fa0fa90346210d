import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { ConfigProblem } from '../../../shared/api/settings';
import { deletePath, getPath, isTree, looksSecret, setPath } from './keys';
import { jsonFaultPlace } from './json-fault';
import { ConfigFileSchema, type ConfigFile } from './schema';
import { openSealed, type SecretKeychain } from './secrets';

export interface ReadFile {
  /** The valid part of the file, secrets opened. */
  values: ConfigFile;
  problems: ConfigProblem[];
}

/** Reads the file's JSON as written (secrets still sealed); undefined when there is no file. */
export function readRawConfig(path: string): { raw: unknown } | { error: string } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { error: `cannot be read: ${(err as Error).message}` };
  }
  // Notepad saves UTF-8 with a byte-order mark, which JSON.parse refuses.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { raw: JSON.parse(json) as unknown };
  } catch {
    // Never the parser's message: it quotes the text around the fault, which may be a secret.
    return { error: `is not valid JSON (${jsonFaultPlace(json)})` };
  }
}

/**
 * A value worth quoting back to IT in a problem: short scalars under keys that do not look secret. A misspelled key
 * (`supervisorPIN`, `signing_secret`) is no known secret, but its value is treated as one all the same.
 */
function shown(value: unknown, key: string): string {
  if (key.split('.').some(looksSecret) || value === undefined || (typeof value === 'object' && value !== null)) return '';
  const text = JSON.stringify(value);
  return text.length <= 80 ? ` (got ${text})` : '';
}

/**
 * The part of the file an issue makes unusable: the key itself, or for anything inside a list (machines) the
 * whole list, since lists replace each other between layers and half a list could address the wrong machine.
 */
function prunePaths(issue: z.core.$ZodIssue): { full: string; prune: string }[] {
  const path = issue.path.map(String);
  const inList = issue.path.findIndex((p) => typeof p === 'number');
  const base = inList === -1 ? path : path.slice(0, inList);
  const fulls = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...path, k].join('.')) : [path.join('.')];
  return fulls.map((full) => ({
    full,
    prune: issue.code === 'unrecognized_keys' && inList === -1 ? full : base.join('.'),
  }));
}

/**
 * Lists whose entries each narrow what is allowed (`webhook.allowFrom`). Dropping such a list would widen it to
 * the default (any address), so a bad entry is dropped alone, and a list that cannot be read at all, or keeps no
 * entry, allows nothing.
 */
const NARROWING_LISTS = ['webhook.allowFrom'];

const narrowingListOf = (full: string) => NARROWING_LISTS.find((l) => full === l || full.startsWith(`${l}.`));

/** Applies one round's verdicts on narrowing lists: bad entries removed, an unreadable list replaced by `[]`. */
function narrow(candidate: Record<string, unknown>, badEntries: Map<string, Set<number>>): void {
  for (const [list, bad] of badEntries) {
    const value = getPath(candidate, list);
    setPath(candidate, list, Array.isArray(value) && !bad.has(-1) ? value.filter((_, i) => !bad.has(i)) : []);
  }
}

/**
 * Validates a parsed file against ConfigFileSchema, dropping each key that fails (and reporting it) instead of
 * refusing the file: the console starts with every good key and safe defaults for the rest.
 */
export function keepValid(raw: unknown, where: string, problems: ConfigProblem[]): ConfigFile {
  if (!isTree(raw)) {
    problems.push({ where, message: 'must hold a JSON object ({...}); the whole file is ignored' });
    return {};
  }
  const candidate = structuredClone(raw);
  for (let attempt = 0; attempt < 100; attempt++) {
    const parsed = ConfigFileSchema.safeParse(candidate);
    if (parsed.success) {
      reportEmptiedLists(raw, parsed.data, where, problems);
      return parsed.data;
    }
    const badEntries = new Map<string, Set<number>>();
    for (const issue of parsed.error.issues) {
      for (const { full, prune } of prunePaths(issue)) {
        if (!prune) {
          problems.push({ where, message: `${issue.message}; the whole file is ignored` });
          return {};
        }
        const list = narrowingListOf(full);
        if (list !== undefined && issue.code !== 'unrecognized_keys') {
          const index = full === list ? -1 : Number(full.slice(list.length + 1).split('.')[0]);
          badEntries.set(list, (badEntries.get(list) ?? new Set()).add(index));
          const what = index === -1 ? 'is not a list of addresses; no address is allowed' : 'this entry is ignored (the list is not widened)';
          problems.push({ where, key: full, message: `${issue.message}; ${what}` });
          continue;
        }
        const what = issue.code === 'unrecognized_keys' ? 'is not a known setting' : issue.message;
        const dropped = prune === full ? 'ignored' : `the whole "${prune}" setting is ignored`;
        problems.push({ where, key: full, message: `${what}${shown(getPath(raw, full), full)}; ${dropped}` });
        deletePath(candidate, prune);
      }
    }
    narrow(candidate, badEntries);
  }
  problems.push({ where, message: 'too many problems; the whole file is ignored' });
  return {};
}

/** A narrowing list that had entries and kept none now allows nothing: said once, beside its entries' problems. */
function reportEmptiedLists(raw: Record<string, unknown>, kept: ConfigFile, where: string, problems: ConfigProblem[]): void {
  for (const list of NARROWING_LISTS) {
    const before = getPath(raw, list);
    const after = getPath(kept, list);
    if (Array.isArray(before) && before.length > 0 && Array.isArray(after) && after.length === 0) {
      problems.push({ where, key: list, message: 'has no valid entry: no address is allowed, every webhook is refused (403) until it is fixed' });
    }
  }
}

/** Reads one config file leniently: a missing file is simply absent; a broken one is reported, never fatal. */
export function readConfigLayer(path: string, keychain: SecretKeychain | undefined, required = false): ReadFile {
  const problems: ConfigProblem[] = [];
  const read = readRawConfig(path);
  if (read === undefined) {
    if (required) problems.push({ where: path, message: 'does not exist; ignored' });
    return { values: {}, problems };
  }
  if ('error' in read) {
    problems.push({ where: path, message: `${read.error}; the whole file is ignored` });
    return { values: {}, problems };
  }
  const opened = openSealed(read.raw, keychain, (key, message) => problems.push({ where: path, key, message }));
  return { values: keepValid(opened, path, problems), problems };
}
