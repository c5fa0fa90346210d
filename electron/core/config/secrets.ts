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

/**
 * Replaces every sealed value in a parsed file with its plain text. One that cannot be opened is removed and
 * reported by its dotted path, so the key falls back to the next layer instead of stopping the console.
 */
export function openSealed(
  value: unknown,
  keychain: SecretKeychain | undefined,
  report: (path: string, message: string) => void,
  path = '',
): unknown {
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
  if (Array.isArray(value)) return value.map((v, i) => openSealed(v, keychain, report, path ? `${path}.${i}` : String(i)));
  if (isTree(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const opened = openSealed(v, keychain, report, path ? `${path}.${k}` : k);
      if (opened !== undefined) out[k] = opened;
    }
    return out;
  }
  return value;
}

/** What the UI may show of a secret: that it is set, and at most its last four characters when it is long. */
export function maskSecret(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) return '••••••';
  return value.length >= 16 ? `••••••${value.slice(-4)}` : '••••••';
}

/** A copy with every secret-named field masked, for showing lists such as `machines` (with their credentials). */
export function maskDeep(value: unknown, secret = false): unknown {
  if (secret) return isTree(value) || Array.isArray(value) ? '••••••' : maskSecret(value);
  if (Array.isArray(value)) return value.map((v) => maskDeep(v));
  if (isTree(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, isSecretName(k))]));
  return value;
}
