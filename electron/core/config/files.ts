import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { ConfigProblem } from '../../../shared/api/settings';
import { deletePath, getPath, isSecretKey, isTree } from './keys';
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
  try {
    return { raw: JSON.parse(text) as unknown };
  } catch (err) {
    return { error: `is not valid JSON: ${(err as Error).message}` };
  }
}

/** A value worth quoting back to IT in a problem: short scalars that are not secrets. */
function shown(value: unknown, key: string): string {
  if (isSecretKey(key) || value === undefined || (typeof value === 'object' && value !== null)) return '';
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
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      for (const { full, prune } of prunePaths(issue)) {
        if (!prune) {
          problems.push({ where, message: `${issue.message}; the whole file is ignored` });
          return {};
        }
        const what = issue.code === 'unrecognized_keys' ? 'is not a known setting' : issue.message;
        const dropped = prune === full ? 'ignored' : `the whole "${prune}" setting is ignored`;
        problems.push({ where, key: full, message: `${what}${shown(getPath(raw, full), full)}; ${dropped}` });
        deletePath(candidate, prune);
      }
    }
  }
  problems.push({ where, message: 'too many problems; the whole file is ignored' });
  return {};
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
