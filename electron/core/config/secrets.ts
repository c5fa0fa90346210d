import { isSecretName, isTree } from './keys';

/**
 * The OS keychain, as the Electron shell offers it (safeStorage). The core never imports Electron: the shell passes
 * one in when the OS really encrypts; without one (serve mode, Linux with no keyring) secrets are stored as written.
 */
export interface SecretKeychain {
  /** Returns printable ciphertext (base64). */
  encrypt(plain: string): string;
  /** Throws when the ciphertext was sealed by another user or machine. */
  decrypt(sealed: string): string;
}

/** How a sealed secret sits in a config file: `{"$encrypted": "<base64>"}` in place of the plain string. */
export const SEALED = '$encrypted';

export function isSealed(value: unknown): value is { [SEALED]: string } {
  return isTree(value) && typeof value[SEALED] === 'string' && Object.keys(value).length === 1;
}

export function seal(plain: string, keychain: SecretKeychain | undefined): unknown {
  return keychain ? { [SEALED]: keychain.encrypt(plain) } : plain;
}

/** Far deeper than any setting: a file nested deeper holds no setting there, and is not walked (nor overflows the stack). */
const MAX_DEPTH = 32;

/**
 * Replaces every sealed value in a parsed file with its plain text. One that cannot be opened is removed and
 * reported by its dotted path, so the key falls back to the next layer instead of stopping the console. So is
 * anything nested deeper than any setting, and a `__proto__` key, which would otherwise set the copy's prototype
 * and hide its values from validation.
 */
export function openSealed(
  value: unknown,
  keychain: SecretKeychain | undefined,
  report: (path: string, message: string) => void,
  path = '',
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH) {
    report(path, 'is nested too deeply to be a setting; ignored');
    return undefined;
  }
  if (isSealed(value)) {
    if (!keychain) {
      report(path, 'is encrypted with the desktop app\'s OS keychain, which this process cannot use; ignored');
      return undefined;
    }
    try {
      return keychain.decrypt(value[SEALED]);
    } catch {
      report(path, 'cannot be decrypted (sealed by another user or computer?); ignored: enter it again');
      return undefined;
    }
  }
  if (Array.isArray(value)) return value.map((v, i) => openSealed(v, keychain, report, path ? `${path}.${i}` : String(i), depth + 1));
  if (isTree(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k;
      if (k === '__proto__') {
        report(at, 'is not a known setting; ignored');
        continue;
      }
      const opened = openSealed(v, keychain, report, at, depth + 1);
      if (opened !== undefined) out[k] = opened;
    }
    return out;
  }
  return value;
}

/**
 * What the UI may show of a secret: that it is set, nothing of its value. Not even its last characters, which
 * narrow a guess and, for a short PIN or token, give much of it away.
 */
export const SECRET_SET = 'set';

/** A copy with every secret-named field replaced by SECRET_SET, for showing lists such as `machines` (with their credentials). */
export function maskDeep(value: unknown, secret = false): unknown {
  if (secret) return SECRET_SET;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v));
  if (isTree(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, isSecretName(k))]));
  return value;
}
