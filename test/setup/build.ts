import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Global setup of the projects whose tests run the built app (out/: serve mode in the e2e tests and
 * test/core/transport/serve-lan.test.ts, the built preload in test/build/): builds it before any test starts, so no
 * test depends on a build another test or an earlier command made, and a lone `npx vitest run <file>` works on a
 * clean tree. It builds only when out/ is not a build of the sources as they are now (a digest of the build's inputs,
 * recorded with the files the build wrote), and at most once per run. An `electron-vite build` takes about 2 s here.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const OUT = join(ROOT, 'out');
/** What the build reads. Root files named here, and every file under the folders. */
const INPUT_DIRS = ['electron', 'shared', 'renderer'];
const INPUT_FILES = ['electron.vite.config.mts', 'package.json', 'package-lock.json'];
/** Outside out/, which electron-builder packages whole. Keyed by the checkout, since node_modules may be shared. */
const STAMP = join(ROOT, 'node_modules/.cache/issuance-console', `build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}.json`);
/** Two runs at once (two people, one tree) must not empty out/ under each other. */
const LOCK = join(ROOT, 'node_modules/.cache/issuance-console/build.lock');
const LOCK_STALE_MS = 180_000;

interface Stamp {
  inputs: string;
  /** Every file under out/ with its modification time: a build made outside this setup, or a file removed, shows. */
  outputs: Record<string, number>;
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function inputsDigest(): string {
  const hash = createHash('sha256');
  const rootFiles = readdirSync(ROOT).filter((f) => INPUT_FILES.includes(f) || /^tsconfig.*\.json$/.test(f));
  for (const file of [...rootFiles.map((f) => join(ROOT, f)), ...INPUT_DIRS.flatMap((d) => files(join(ROOT, d)))].sort()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function outputs(): Record<string, number> {
  return Object.fromEntries(files(OUT).map((f) => [relative(ROOT, f), statSync(f).mtimeMs]));
}

function upToDate(inputs: string): boolean {
  if (!existsSync(STAMP) || !existsSync(join(OUT, 'main/serve.js'))) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
    return stamp.inputs === inputs && JSON.stringify(stamp.outputs) === JSON.stringify(outputs());
  } catch {
    return false; // an unreadable stamp: build
  }
}

function electronViteBuild(): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`electron-vite build failed (exit ${code}):\n${output}`))));
  });
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A run killed mid-build leaves its lock behind.
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another test run holds ${LOCK}; remove it if no run is building`);
      else await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** One build per run however many projects list this setup: they share the process. */
const DONE = Symbol.for('issuance-console.test-build');
type Global = typeof globalThis & { [DONE]?: Promise<void> };

export default async function setup(): Promise<void> {
  const global = globalThis as Global;
  global[DONE] ??= withLock(async () => {
    const inputs = inputsDigest();
    if (upToDate(inputs)) return;
    const started = Date.now();
    await electronViteBuild();
    mkdirSync(join(STAMP, '..'), { recursive: true });
    writeFileSync(STAMP, JSON.stringify({ inputs, outputs: outputs() } satisfies Stamp));
    console.log(`Built out/ for the tests in ${((Date.now() - started) / 1000).toFixed(1)} s (electron-vite build).`);
  });
  await global[DONE];
}
