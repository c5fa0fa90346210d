import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';

const ROOT = resolve(__dirname, '../..');

/** Electron's binary where the electron package puts it, found on disk: require('electron') would download it. */
function electronBinary(): string | undefined {
  const pkgDir = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const full = join(process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(pkgDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(full) ? full : undefined;
}

/** The better-sqlite3 build for Electron's ABI that `npm start` makes once in .native/. */
function electronSqlite(): string | undefined {
  const nativeDir = join(ROOT, '.native');
  if (!existsSync(nativeDir)) return undefined;
  return readdirSync(nativeDir)
    .map((d) => join(nativeDir, d, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))
    .find((f) => existsSync(f));
}

function whyNot(): string | undefined {
  if (!electronBinary()) return "Electron's binary is not installed (node_modules/electron has no dist/)";
  if (!electronSqlite()) return 'better-sqlite3 is not built for Electron yet (run `npm start` once)';
  if (!existsSync(join(ROOT, 'out/main/index.js'))) return 'the app is not built (run `npm run build`)';
  if (process.platform === 'linux' && !process.env['DISPLAY'] && !process.env['WAYLAND_DISPLAY']) return 'no display to open a window on';
  return undefined;
}

const reason = whyNot();
if (reason) console.warn(`Electron smoke test skipped: ${reason}.`);

describe('the real Electron app', () => {
  it.skipIf(reason !== undefined)('starts, shows the console in a sandboxed window with only the ConsoleApi, and quits cleanly', async () => {
    const home = tempDir('ic-electron-');
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    const app = await electron.launch({
      executablePath: electronBinary() as string,
      args: [ROOT, '--data-dir', join(home, 'data'), '--webhook-port', '0', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: {
        ...env,
        ISSUANCE_CONSOLE_NATIVE_BINDING: electronSqlite() as string,
        // The app's user-data folder and per-user config go to a temp folder, not the tester's own.
        XDG_CONFIG_HOME: join(home, 'config'),
        APPDATA: join(home, 'appdata'),
      },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('heading', { name: 'Issuance Console' }).waitFor({ timeout: 30_000 });
      expect(page.url()).toBe('app://console/index.html');
      const inPage = await page.evaluate(async () => ({
        node: typeof (globalThis as { require?: unknown }).require + typeof (globalThis as { process?: unknown }).process,
        api: Object.keys((window as unknown as { issuanceConsole: object }).issuanceConsole),
        csp: (await fetch('app://console/index.html')).headers.get('content-security-policy'),
      }));
      expect(inPage.node).toBe('undefinedundefined');
      expect(inPage.api).toContain('getSnapshot');
      expect(inPage.csp).toContain("script-src 'self'");
    } finally {
      await app.evaluate(({ app: electronApp }) => electronApp.quit());
      await app.waitForEvent('close', { timeout: 30_000 }).catch(() => app.close());
    }
  }, 120_000);
});
