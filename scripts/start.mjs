// `npm start`: the Electron app, with the better-sqlite3 build for Electron's ABI. Where Electron's binary cannot be
// had, the same console starts headless (serve mode) instead, so a newcomer's first command always gives a console.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const args = process.argv.slice(2);
const DOWNLOAD_TIMEOUT_MS = 180_000;

function run(cmd, cmdArgs, options = {}) {
  return spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', ...options });
}

function build() {
  const result = run(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build']);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The binary's path on disk, as the electron package lays it out; never require('electron'), which downloads. */
function electronBinary() {
  const pkgDir = join(root, 'node_modules/electron');
  if (!existsSync(pkgDir)) return undefined;
  const pathFile = join(pkgDir, 'path.txt');
  const name = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : { win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' }[process.platform] ?? 'electron';
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
  const full = join(base, name);
  return existsSync(full) ? full : undefined;
}

function nodeMeetsElectron() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

function tryDownloadElectron() {
  const install = join(root, 'node_modules/electron/install.js');
  if (!existsSync(install)) return false;
  console.log('Fetching the Electron binary (first start only)…');
  const result = run(process.execPath, [install], { timeout: DOWNLOAD_TIMEOUT_MS, stdio: ['ignore', 'ignore', 'ignore'] });
  return result.status === 0 && electronBinary() !== undefined;
}

/**
 * Node (serve mode, tests) and Electron need different builds of better-sqlite3. node_modules keeps Node's; the
 * Electron build lives in .native/electron-<version>/ and is handed to the app via ISSUANCE_CONSOLE_NATIVE_BINDING.
 */
async function electronNativeBinding() {
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
  const sqliteVersion = JSON.parse(readFileSync(join(root, 'node_modules/better-sqlite3/package.json'), 'utf8')).version;
  const buildRoot = join(root, '.native', `electron-${electronVersion}-better-sqlite3-${sqliteVersion}`);
  const binding = join(buildRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  if (existsSync(binding)) return binding;
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (first start only)…`);
  rmSync(buildRoot, { recursive: true, force: true });
  mkdirSync(join(buildRoot, 'node_modules'), { recursive: true });
  cpSync(join(root, 'node_modules/better-sqlite3'), join(buildRoot, 'node_modules/better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  writeFileSync(join(buildRoot, 'package.json'), JSON.stringify({ name: 'native-build', version: '0.0.0', dependencies: { 'better-sqlite3': sqliteVersion } }));
  const { rebuild } = require('@electron/rebuild');
  await rebuild({ buildPath: buildRoot, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(binding)) throw new Error('the rebuild produced no binary');
  return binding;
}

function serveInstead(reason) {
  console.log(`Electron is not available (${reason}): starting the console headless instead; open the UI URL below.`);
  const child = spawn(process.execPath, [join(root, 'out/main/serve.js'), ...args], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

build();
let binary = electronBinary();
if (!binary && tryDownloadElectron()) binary = electronBinary();
if (!binary) {
  const nodeNote = nodeMeetsElectron() ? '' : `; Electron's tooling also expects Node 22.12 or newer, this is ${process.version}`;
  serveInstead(`its binary is not installed and could not be downloaded from its release host${nodeNote}`);
} else {
  let binding;
  try {
    binding = await electronNativeBinding();
  } catch (err) {
    serveInstead(`better-sqlite3 could not be built for Electron: ${err.message}`);
  }
  if (binding) {
    const child = spawn(binary, [root, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ISSUANCE_CONSOLE_NATIVE_BINDING: binding },
    });
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
