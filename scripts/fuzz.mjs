// `npm run fuzz [-- --seconds N] [-- --seed S]`: the webhook fuzz (test/core/webhooks/fuzz.ts) for longer than the
// 10 s `npm test` gives it. Random and adversarial bodies, headers and signatures go to every webhook route of a running
// console over real HTTP until the time is up; the run fails at the first answer that is not as documented, a delivery
// not recorded, a valid one not acknowledged, or a process that stops serving, and prints the seed that replays it.
// FUZZ_SECONDS and FUZZ_SEED in the environment do the same as the flags.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function flag(name) {
  const at = args.indexOf(`--${name}`);
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const seconds = Number(flag('seconds') ?? process.env.FUZZ_SECONDS ?? 120);
const seed = flag('seed') ?? process.env.FUZZ_SEED;
if (!Number.isFinite(seconds) || seconds <= 0) {
  console.error(`--seconds wants a positive number of seconds, not "${flag('seconds') ?? process.env.FUZZ_SECONDS}"`);
  process.exit(2);
}
if (seed !== undefined && !/^\d+$/.test(seed)) {
  console.error(`--seed wants the whole number a failed run printed, not "${seed}"`);
  process.exit(2);
}

console.log(`Fuzzing the webhook routes for ${seconds} s${seed !== undefined ? ` from seed ${seed}` : ''} ...`);
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'unit', 'test/core/webhooks/fuzz.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_SECONDS: String(seconds), ...(seed !== undefined ? { FUZZ_SEED: seed } : {}) } },
);
process.exit(result.status ?? 1);
