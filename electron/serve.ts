/**
 * Headless entry: the whole console in plain Node, its UI served on 127.0.0.1 for a browser on this machine (or,
 * when IT opts in with --ui-host and an access token, to thin clients on the LAN).
 * Used by `npm run serve`, by `npm start` where Electron's binary is missing, and by the end-to-end tests.
 */
import { join } from 'node:path';
import { restoreFromCommandLine } from './core/backup/restore-cli';
import { startConsole } from './core/console';
import { parseCliFlags } from './core/config/flags';
import { isLoopbackHost, loadLayeredConfig } from './core/config/layered';
import { Settings } from './core/config/settings';
import { announceStart } from './core/launch';
import { isAdminCommand, runAdminCommand } from './core/people/admin-cli';
import { serveConsole } from './core/transport/serve-server';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (isAdminCommand(argv)) {
    process.exitCode = await runAdminCommand(argv, { stdin: process.stdin, out: (l) => console.log(l), err: (l) => console.error(l) });
    return;
  }
  const log = (line: string) => console.error(`[console] ${line}`);
  // Headless: no OS keychain here, so secrets saved from serve mode's settings screen are stored as written.
  const loaded = loadLayeredConfig(argv);
  for (const p of loaded.problems) log(`config problem: ${p.where}: ${p.key ? `${p.key} ` : ''}${p.message}`);
  const { config } = loaded;
  const { restore, yes = false } = parseCliFlags(argv).flags;
  if (restore !== undefined) await restoreFromCommandLine({ file: restore, yes }, config, log);
  const settings = new Settings(loaded, () => loadLayeredConfig(argv), undefined);
  const core = await startConsole(config, { log, settings });
  const ui = await serveConsole(core, {
    port: config.uiPort,
    host: config.uiHost,
    rendererDir: join(__dirname, '../renderer'),
    log,
    ...(config.uiAccessToken ? { token: config.uiAccessToken } : {}),
  });
  announceStart(core.mode, core.webhookUrl);
  // A configured token is a secret: it is not printed, and IT already has it.
  const lanHint = `open ${ui.address.replace('http://', 'http://console:<ui.accessToken>@')}, or give ui.accessToken as the password when the browser asks`;
  console.log(`UI URL: ${config.uiAccessToken ? `${ui.address} (${lanHint})` : ui.url}`);
  if (!isLoopbackHost(config.uiHost)) {
    console.error(
      `WARNING: the console's UI listens on ${config.uiHost}: anyone on the network with the access token can drive ` +
        'the machines (Resume, Stop), over plain HTTP. Keep this to a closed operator network.',
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await ui.close();
    await core.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

process.on('uncaughtException', (err) => console.error('[console] uncaught exception:', err));
process.on('unhandledRejection', (err) => console.error('[console] unhandled rejection:', err));

main().catch((err: unknown) => {
  console.error(`issuance-console: could not start: ${(err as Error).message}`);
  process.exit(1);
});
