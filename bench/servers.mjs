import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const SERVE = join(ROOT, 'out/main/serve.js');
const BARE = join(ROOT, 'bench/bare-server.mjs');

/** The three servers compared, each run as its own process on loopback. */
export const TARGETS = [
  { name: 'bare express (baseline)', kind: 'bare' },
  { name: 'console, power-cut (default)', kind: 'console', durability: 'power-cut' },
  { name: 'console, crash', kind: 'console', durability: 'crash' },
];

function argsFor(target, dir) {
  if (target.kind === 'bare') return [BARE];
  const args = [SERVE, '--data-dir', join(dir, 'data'), '--webhook-port', '0', '--ui-port', '0'];
  // The default is power-cut; it is left to the console's own default rather than passed, so that is what is measured.
  if (target.durability !== 'power-cut') {
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ durability: target.durability }));
    args.push('--config', config);
  }
  return args;
}

/** Starts a target and resolves once it printed its webhook URL (training mode binds it to 127.0.0.1). */
export function startTarget(target) {
  const dir = mkdtempSync(join(tmpdir(), 'ic-bench-'));
  const child = spawn(process.execPath, argsFor(target, dir), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => (output += chunk.toString());
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((done) => child.once('exit', done));

  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`${target.name} did not start:\n${output}`)), 20_000);
    child.once('exit', (code) => fail(new Error(`${target.name} exited with ${code}:\n${output}`)));
    const check = () => {
      const found = /Webhook URL: (\S+)/.exec(output);
      if (!found) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      const url = new URL(found[1]);
      if (url.hostname !== '127.0.0.1') fail(new Error(`${target.name} listens on ${url.hostname}, not loopback`));
      ready({
        url,
        pid: child.pid,
        output: () => output,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(kill);
          rmSync(dir, { recursive: true, force: true });
        },
      });
    };
    child.stdout.on('data', check);
  });
}

/** CPU seconds a process has used so far (Linux /proc); undefined elsewhere. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
