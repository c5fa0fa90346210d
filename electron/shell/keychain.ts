import { safeStorage } from 'electron';
import type { SecretKeychain } from '../core/config/secrets';

/**
 * The OS keychain behind Electron's safeStorage (DPAPI on Windows, libsecret or KWallet on Linux), or undefined
 * where there is none: on Linux without a keyring safeStorage falls back to a hard-coded key ("basic_text"), which
 * only looks like encryption, so secrets are then stored as written and the settings screen says so.
 */
export function osKeychain(platform: NodeJS.Platform = process.platform): SecretKeychain | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend())) return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
