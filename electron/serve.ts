/**
 * Headless entry: the whole console in plain Node, its UI served on 127.0.0.1 for a browser on this machine.
 * Used by `npm run serve`, by `npm start` where Electron's binary is missing, and by the end-to-end tests.
 */
import { join } from 'node:path';
import { startConsole } from './core/console';
import { announceStart, configFromArgvOrExit } from './core/launch';
import { serveConsole } from './core/transport/serve-server';

async function main(): Promise<void> {
  const config = configFromArgvOrExit(process.argv.slice(2));
  const log = (line: string) => console.error(`[console] ${line}`);
  const core = await startConsole(config, { log });
  const ui = await serveConsole(core, { port: config.uiPort, rendererDir: join(__dirname, '../renderer') });
  announceStart(core.mode, core.webhookUrl);
  console.log(`UI URL: ${ui.url}`);

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
