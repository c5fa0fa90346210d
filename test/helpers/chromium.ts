import { accessSync, constants, statSync } from 'node:fs';

/**
 * Whether the browser tests may run here, decided in this one place: the e2e project's global setup
 * (test/setup/chromium.ts) reports it once, and the browser tests skip on `skipBrowserTests`. No Playwright here, so
 * the setup can ask without loading it.
 */

/** Where the browser tests look for Chromium: CHROMIUM_PATH, else Debian's chromium package. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/** A CI run, where a missing browser is a broken environment to fail on, not a reason to skip. */
export const IN_CI = !['', '0', 'false'].includes((process.env['CI'] ?? '').trim().toLowerCase());

/** Why the browser tests cannot run here (naming the path looked at), or undefined when they can. */
export function chromiumProblem(path = CHROMIUM): string | undefined {
  if (isExecutableFile(path)) return undefined;
  const from = process.env['CHROMIUM_PATH'] ? 'from CHROMIUM_PATH' : 'the default; CHROMIUM_PATH is unset';
  return `no runnable Chromium at ${path} (${from}): install it (apt-get install chromium) or point CHROMIUM_PATH at it`;
}

/** Locally, a missing Chromium skips the browser tests. In CI never: the setup fails the run before they start. */
export const skipBrowserTests = !IN_CI && chromiumProblem() !== undefined;

/** A directory or a file that cannot run is no browser, whatever its name. */
function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
