import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { loadLayeredConfig, type LoadOptions } from '../config/layered';
import { Store } from '../store/store';
import { Accounts, nameKey } from './accounts';
import { detail } from './audit-lines';
import { CLEARED } from './lockout';
import { badgeKey, hashPin } from './pin-hash';
import { badgeProblem, pinProblem } from './pin-rules';
import { translator } from '../../../shared/i18n/translate';

/** The command line speaks English, as the rest of its output. */
const english = translator('en');

export interface AdminIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Which console's data a reset writes: the app passes its own default folder and SQLite build. */
export interface AdminTarget {
  load?: LoadOptions;
  nativeBinding?: string | undefined;
}

const COMMANDS = ['--hash-pin', '--hash-badge', '--reset-it-account'] as const;

/** Whether the command line asks for one of the administrator's commands instead of starting the console. */
export function isAdminCommand(argv: readonly string[]): boolean {
  return argv.some((a) => (COMMANDS as readonly string[]).includes(a.split('=')[0] ?? ''));
}

/** One line from stdin: a secret is never an argument, which other users of the machine could read in the process list. */
async function readLine(io: AdminIo, prompt: string): Promise<string> {
  if (io.stdin.isTTY) io.err(prompt);
  const lines = createInterface({ input: io.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line.replace(/\r$/, '');
  }
  return '';
}

/**
 * The administrator's commands, run in place of the console and ended with an exit code:
 * `--hash-pin` prints the hash of a PIN read from stdin, for the machine-wide file's `people`; `--hash-badge` the
 * same for a badge number; `--reset-it-account <name>` (break-glass, by whoever administers this computer, since
 * it writes the console's database) gives that IT account a new PIN read from stdin, creating it if need be,
 * unlocks and enables it, and audits it. The other flags (`--data-dir`, `--config`) say which console.
 */
export async function runAdminCommand(argv: readonly string[], io: AdminIo, where: AdminTarget = {}): Promise<number> {
  if (argv.includes('--hash-pin')) {
    const pin = await readLine(io, 'PIN or password (then Enter): ');
    // The role is the file's to say: the console checks the role's rule when the PIN is set on its own screens only.
    if (pin.length < 4) return fail(io, 'a PIN has 4 digits or more (no PIN read from stdin?)');
    io.out(await hashPin(pin));
    return 0;
  }
  if (argv.includes('--hash-badge')) {
    const badge = await readLine(io, 'Badge number (scan it, or type it and press Enter): ');
    const problem = badgeProblem(badge);
    if (problem) return fail(io, english(problem));
    io.out(badgeKey(badge));
    return 0;
  }
  const at = argv.findIndex((a) => a === '--reset-it-account' || a.startsWith('--reset-it-account='));
  const flag = argv[at] ?? '';
  const name = (flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : argv[at + 1] ?? '').trim();
  if (!name || name.startsWith('--')) return fail(io, '--reset-it-account needs the account name: --reset-it-account <name>');
  const rest = argv.filter((_, i) => i !== at && !(i === at + 1 && !flag.includes('=')));
  return resetItAccount(name, rest, io, where);
}

async function resetItAccount(name: string, rest: readonly string[], io: AdminIo, where: AdminTarget): Promise<number> {
  const { config } = loadLayeredConfig(rest, where.load);
  const pin = await readLine(io, `New PIN or password for ${name} (then Enter): `);
  const problem = pinProblem('it', pin);
  if (problem) return fail(io, english(problem));
  const binding = where.nativeBinding ? { nativeBinding: where.nativeBinding } : {};
  const store = Store.open({ dataDir: config.dataDir, durability: config.durability, ...binding });
  try {
    const now = () => new Date();
    const accounts = new Accounts(store.accounts, now);
    const by = { osUser: userInfo().username, station: config.station, via: 'break-glass' };
    const existing = store.accounts.byName(nameKey(name));
    if (existing?.source === 'file') {
      return fail(io, `${existing.name} is provisioned in the machine-wide file: give it a new pinHash there (--hash-pin), or reset another name`);
    }
    const pinHash = await hashPin(pin);
    const at = now().toISOString();
    const account = existing
      ? store.accounts.update(existing.id, { role: 'it', pinHash, disabled: false, mustChangePin: true }, at)
      : store.accounts.insert({ name, nameKey: nameKey(name), role: 'it', source: 'console', pinHash, badgeKey: undefined, mustChangePin: true }, at);
    if (!account) return fail(io, `could not write the account ${name}`);
    store.accounts.setAttempts(account.id, CLEARED);
    accounts.record('break-glass', account, by, detail(existing ? 'breakGlassReset' : 'breakGlassCreated'));
    io.out(`${existing ? 'Reset' : 'Created'} the IT account "${account.name}" in ${config.dataDir}: enabled, unlocked, a new PIN to change at the next sign-in. Recorded in the audit.`);
    return 0;
  } finally {
    store.close();
  }
}

function fail(io: AdminIo, message: string): number {
  io.err(`issuance-console: ${message}`);
  return 2;
}
