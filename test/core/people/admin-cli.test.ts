import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { isPinHash, verifyPin } from '../../../electron/core/people/pin-hash';
import { startTestConsole, tempDir, testConfig, type TestConsole } from '../../helpers/core';
import { ownConfigEnv, SERVE_ENTRY } from '../../helpers/serve-process';
import { peopleEvents, staffed, testClock } from './people-helpers';

/** The built console in plain Node, as an administrator runs it: arguments, and the secret on stdin. */
function run(args: string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [SERVE_ENTRY, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: ownConfigEnv(tempDir()) });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const machine = { machines: [{ id: 'm1', apiUrl: 'http://127.0.0.1:9/', kind: 'box' as const }] };

describe("the administrator's command line", () => {
  it('--hash-pin prints a hash of the PIN read from stdin, for the machine-wide file, and starts nothing', async () => {
    const { code, out } = await run(['--hash-pin'], '8642\n');
    expect(code).toBe(0);
    const hash = out.trim();
    expect(isPinHash(hash)).toBe(true);
    expect(hash).not.toContain('8642');
    expect(await verifyPin('8642', hash)).toBe(true);
    expect(out).not.toContain('UI URL');
  });

  it('--hash-pin refuses to hash nothing', async () => {
    const { code, err } = await run(['--hash-pin'], '');
    expect(code).toBe(2);
    expect(err).toMatch(/4 digits/);
  });

  it('--reset-it-account gives a locked-out IT account a new PIN from stdin, enabled and unlocked, audited', async () => {
    const dataDir = tempDir();
    // Locked until years from now: only the reset can open it for the console that starts afterwards.
    const clock = testClock('2040-01-01T00:00:00Z');
    core = await startTestConsole(testConfig(machine, dataDir), { now: clock.now });
    const { it: ida } = await staffed(core);
    for (let i = 0; i < 5; i++) {
      await core.handlersFor(core.people.open('app')).signIn({ accountId: ida, pin: '000000' });
      clock.advance(60_000);
    }
    expect(await core.handlersFor(core.people.open('app')).signIn({ accountId: ida, pin: '246810' })).toMatchObject({ ok: false, error: { message: /locked/ } });
    await core.stop();
    core = undefined;

    const reset = await run(['--reset-it-account', 'Ida', '--data-dir', dataDir], 'a new long password\n');
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/Reset the IT account "Ida"/);
    const created = await run(['--reset-it-account', 'Nell', '--data-dir', dataDir], '97531024\n');
    expect(created.out).toMatch(/Created the IT account "Nell"/);
    expect((await run(['--reset-it-account', 'Zed', '--data-dir', dataDir], '12\n')).code).toBe(2);

    core = await startTestConsole(testConfig(machine, dataDir));
    const signedIn = await core.handlers.signIn({ accountId: ida, pin: 'a new long password' });
    expect(signedIn).toMatchObject({ ok: true, value: { person: { name: 'Ida', role: 'it' }, mustChangePin: true } });
    expect(peopleEvents(core).filter((e) => e.event === 'break-glass').map((e) => [e.account_name, e.via])).toEqual([
      ['Ida', 'break-glass'],
      ['Nell', 'break-glass'],
    ]);
  });
});
