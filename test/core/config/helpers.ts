import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigLocations } from '../../../electron/core/config/locations';
import type { SecretKeychain } from '../../../electron/core/config/secrets';
import { tempDir } from '../../helpers/core';

/** A machine-wide and a per-user file in a temp folder (neither exists until written). */
export function tempLocations(): ConfigLocations & { dir: string } {
  const dir = tempDir('ic-config-');
  return { dir, machine: join(dir, 'machine', 'config.json'), user: join(dir, 'user', 'config.json') };
}

export function writeJson(path: string, value: unknown): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/** Stands in for the OS keychain: reversible, but nothing like the plain text, and it refuses foreign ciphertext. */
export const fakeKeychain: SecretKeychain = {
  encrypt: (plain) => `k1:${Buffer.from(plain).toString('base64')}`,
  decrypt: (sealed) => {
    if (!sealed.startsWith('k1:')) throw new Error('not ours');
    return Buffer.from(sealed.slice(3), 'base64').toString();
  },
};
