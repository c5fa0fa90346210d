import { renameSync, writeFileSync } from 'node:fs';
import { PRIVATE_FILE_MODE, privateDir } from '../files/private';
import { dirname } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { SettingEntry, SettingsView } from '../../../shared/api/settings';
import { readRawConfig } from './files';
import { deletePath, effectiveValue, getPath, isTree, setPath, settingKeys, type SettingKey } from './keys';
import type { LoadedConfig } from './layered';
import { ConfigFileSchema } from './schema';
import { maskDeep, openSealed, SECRET_SET, seal, type SecretKeychain } from './secrets';

const EDITABLE_KINDS = new Set(['string', 'number', 'boolean', 'enum']);

/**
 * The shell applies `desktop.*` as soon as it changes (window mode, login item), the pages `language`, the core
 * `review.keepSnapshots` (personal data: turned off, no further picture is kept); the rest needs a restart.
 */
const appliesLive = (key: string) => key.startsWith('desktop.') || key === 'language' || key === 'review.keepSnapshots';

function display(value: unknown, key: SettingKey): SettingEntry['value'] {
  if (value === undefined || value === null) return null;
  if (key.secret) return SECRET_SET;
  if (typeof value === 'object') return JSON.stringify(maskDeep(value));
  return value as string | number | boolean;
}

function writeAtomically(path: string, content: unknown): void {
  privateDir(dirname(path));
  const tmp = `${path}.${process.pid}.tmp`;
  // Owner-only: the file can hold secrets stored as written where no OS keychain exists.
  writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  renameSync(tmp, path);
}

/**
 * The settings screen's side in the core: every key's effective value and where it came from, and edits that go
 * to the per-user file only. The files are read again for each view, so the screen shows what the next start will
 * use and flags what differs from the running console.
 */
export class Settings {
  private readonly keys = settingKeys();

  constructor(
    private readonly running: LoadedConfig,
    private readonly reload: () => LoadedConfig,
    private readonly keychain: SecretKeychain | undefined,
  ) {}

  view(): SettingsView {
    const now = this.reload();
    const entries = this.keys.map((k): SettingEntry => {
      const origin = now.origins.get(k.key) ?? { source: 'default' as const, locked: false };
      const value = effectiveValue(now.config, k.key) ?? getPath(now.merged, k.key);
      const before = effectiveValue(this.running.config, k.key) ?? getPath(this.running.merged, k.key);
      return {
        key: k.key,
        kind: k.kind,
        ...(k.options ? { options: k.options } : {}),
        secret: k.secret,
        value: display(value, k),
        source: origin.source,
        locked: origin.locked,
        editable: !origin.locked && EDITABLE_KINDS.has(k.kind),
        userSet: now.userKeys.has(k.key),
        restartNeeded: !appliesLive(k.key) && JSON.stringify(value) !== JSON.stringify(before),
      };
    });
    return {
      entries,
      problems: now.problems,
      files: { machine: now.locations.machine, user: now.locations.user, ...(now.configFile ? { config: now.configFile } : {}) },
      secrets: this.keychain ? 'keychain' : 'plain',
    };
  }

  /** Saves one value in the per-user file, after checking it against the config file's schema. */
  set(key: string, value: string | number | boolean): Result<SettingsView> {
    const k = this.keys.find((x) => x.key === key);
    if (!k) return fail('not-found', `there is no setting "${key}"`);
    const userFile = this.running.locations.user;
    if (this.reload().origins.get(key)?.locked) {
      return fail('not-allowed', `${key} is locked by IT in ${this.running.locations.machine}`);
    }
    if (!EDITABLE_KINDS.has(k.kind)) return fail('not-allowed', `${key} is edited in a config file, e.g. ${userFile}`);
    if (k.secret && value === '') return fail('invalid-request', `${key}: enter the new value, or reset it`);
    const current = this.userFile();
    if ('error' in current) return current.error;
    const candidate = structuredClone(current.raw);
    setPath(candidate, key, k.secret && typeof value === 'string' ? seal(value, this.keychain) : value);
    const checked = ConfigFileSchema.safeParse(openSealed(candidate, this.keychain, () => {}));
    const mine = checked.success
      ? []
      : checked.error.issues.filter((i) => {
          const path = i.path.join('.');
          return path === key || path.startsWith(`${key}.`) || key.startsWith(`${path}.`);
        });
    if (mine.length > 0) return fail('invalid-request', `${key}: ${mine.map((i) => i.message).join('; ')}`);
    writeAtomically(userFile, candidate);
    return ok(this.view());
  }

  /** Removes the per-user value: the key falls back to the layers below. */
  reset(key: string): Result<SettingsView> {
    if (!this.keys.some((x) => x.key === key)) return fail('not-found', `there is no setting "${key}"`);
    const current = this.userFile();
    if ('error' in current) return current.error;
    if (getPath(current.raw, key) !== undefined) {
      deletePath(current.raw, key);
      writeAtomically(this.running.locations.user, current.raw);
    }
    return ok(this.view());
  }

  private userFile(): { raw: Record<string, unknown> } | { error: Result<never> } {
    const path = this.running.locations.user;
    const read = readRawConfig(path);
    if (read === undefined) return { raw: {} };
    if ('error' in read) return { error: fail('unavailable', `${path} ${read.error}: fix or delete it first`) };
    if (!isTree(read.raw)) return { error: fail('unavailable', `${path} must hold a JSON object: fix or delete it first`) };
    return { raw: read.raw };
  }
}
