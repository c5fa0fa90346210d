import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

async function builderConfig() {
  const config = await getConfig(ROOT, resolve(ROOT, 'electron-builder.yml'), null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('the installers\' configuration', () => {
  it('is valid for electron-builder itself', async () => {
    await expect(builderConfig()).resolves.toBeDefined();
  });

  it('hardens the packaged Electron with the fuses the console relies on', async () => {
    expect((await builderConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an NSIS installer that offers a per-machine install, an AppImage and a deb, from an asar', async () => {
    const config = await builderConfig();
    expect(config.asar).toBe(true);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true });
    expect(JSON.stringify(config.win?.target)).toContain('nsis');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.npmRebuild).toBe(true);
  });

  it('has an icon electron-builder can turn into a Windows .ico (a PNG of at least 256 px)', () => {
    const png = readFileSync(resolve(ROOT, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
