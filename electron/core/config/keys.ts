import { z } from 'zod';
import type { SettingKind } from '../../../shared/api/settings';
import { ConfigFileSchema } from './schema';

/** One leaf of the config file: what the settings screen lists and what layering merges key by key. */
export interface SettingKey {
  /** Dotted path in the file, e.g. `webhook.port`. */
  key: string;
  kind: SettingKind;
  options?: string[];
  secret: boolean;
}

/**
 * `locked` is about the other keys, not a setting of its own; `people` (accounts IT provisions) is read from the
 * machine-wide file alone and managed on the accounts screen, never on the settings screen.
 */
const META_KEYS = new Set(['locked', 'people']);

/**
 * Secrets are recognised by name, so that sections other modules add to the schema (machine credentials, signing
 * secrets, API keys, PINs, auth headers) are masked and sealed without registering anywhere: a key is secret when
 * it is, or ends in, Password, Passphrase, Secret, Token, ApiKey, Pin or AuthHeader, or sits under `credentials`,
 * `auth` or `authorization`. Masking a harmless key (a user name under `credentials`) is the safe mistake.
 */
const SECRET_NAME =
  /^(password|passphrase|secret|token|apiKey|pin|authHeader|auth|authorization|credentials)$|[a-z0-9](Password|Passphrase|Secret|Token|ApiKey|Pin|AuthHeader)$/;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Looser than isSecretName, for names that are no setting at all (a misspelled key, an unknown flag): any name that
 * contains a secret's word, whatever the case, separators or words around it (`supervisorPIN`, `signing_secret`,
 * `WEBHOOK-TOKEN`, `apikey`, `passwd`), or a word one typo away from a long one (`tokn`, `secert`, `pasword`).
 * Their values are never quoted back. It also matches harmless names (`keyFile`, `mapping`): hiding those is the
 * safe mistake.
 */
const SECRET_WORD = /pass|pwd|secret|token|key|pin|auth|cred|cookie|jwt|bearer/;
const LONG_SECRET_WORDS = ['password', 'passwd', 'secret', 'token', 'apikey', 'passphrase', 'credentials'];

/** Optimal-string-alignment distance, at most 2 (enough to tell one typo from none). */
function typos(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, (d[i - 2]?.[j - 2] as number) + 1);
    }
  }
  return Math.min(2, d[a.length]?.[b.length] ?? 2);
}

export function looksSecret(name: string): boolean {
  const lower = name.toLowerCase();
  if (SECRET_WORD.test(lower)) return true;
  const words = name.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+/g) ?? [];
  return words.some((w) => w.length >= 4 && LONG_SECRET_WORDS.some((s) => typos(w.toLowerCase(), s) <= 1));
}

/** The top-level `auth` section (sign-in rules: required, idle minutes) holds no secret, unlike `idv.auth`. */
export function isSecretKey(key: string): boolean {
  return key.split('.').some((part, i) => isSecretName(part) && !(i === 0 && part === 'auth'));
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType;
  return s;
}

function kindOf(schema: z.ZodType): Pick<SettingKey, 'kind' | 'options'> {
  if (schema instanceof z.ZodString) return { kind: 'string' };
  if (schema instanceof z.ZodNumber) return { kind: 'number' };
  if (schema instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (schema instanceof z.ZodEnum) return { kind: 'enum', options: schema.options.map(String) };
  if (schema instanceof z.ZodArray) return { kind: 'list' };
  return { kind: 'value' };
}

function collect(schema: z.ZodType, prefix: string, out: SettingKey[]): void {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) {
    for (const [name, child] of Object.entries(inner.shape as Record<string, z.ZodType>)) {
      const key = prefix ? `${prefix}.${name}` : name;
      if (!prefix && META_KEYS.has(name)) continue;
      collect(child, key, out);
    }
    return;
  }
  out.push({ key: prefix, ...kindOf(inner), secret: isSecretKey(prefix) });
}

/** Every leaf key of the config file, read from ConfigFileSchema itself so keys other modules add appear too. */
export function settingKeys(schema: z.ZodType = ConfigFileSchema): SettingKey[] {
  const out: SettingKey[] = [];
  collect(schema, '', out);
  return out;
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getPath(tree: unknown, key: string): unknown {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (!isTree(node)) return undefined;
    node = node[part];
  }
  return node;
}

export function setPath(tree: Tree, key: string, value: unknown): void {
  const parts = key.split('.');
  const last = parts.pop() as string;
  let node = tree;
  for (const part of parts) {
    const next = node[part];
    if (!isTree(next)) node[part] = {};
    node = node[part] as Tree;
  }
  node[last] = value;
}

/** Removes a key and any section it leaves empty, so a reset file does not fill up with `{}`. */
export function deletePath(tree: Tree, key: string): void {
  const parts = key.split('.');
  const head = parts.shift() as string;
  if (parts.length === 0) {
    delete tree[head];
    return;
  }
  const child = tree[head];
  if (!isTree(child)) return;
  deletePath(child, parts.join('.'));
  if (Object.keys(child).length === 0) delete tree[head];
}

/**
 * The value in effect for a key, read from the resolved ConsoleConfig: by the same path (`training.cardsPerBatch`)
 * or by its camel-cased path (`webhook.port` → `webhookPort`), the two ways ConsoleConfig names what it resolved.
 */
export function effectiveValue(config: object, key: string): unknown {
  const nested = getPath(config, key);
  if (nested !== undefined) return nested;
  const [first, ...rest] = key.split('.');
  const camel = (first ?? '') + rest.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
  return (config as Tree)[camel];
}

export { isTree };
