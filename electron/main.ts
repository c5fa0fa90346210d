/**
 * The Electron shell's entry: one hardened window over the same core `npm run serve` runs headless. What it does
 * is in shell/start.ts; here only what must happen before the app is ready.
 */
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { registerRendererScheme } from './shell/renderer-protocol';
import { startShell } from './shell/start';

// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();
registerRendererScheme();
// Windows shows notifications only for the app id the installer's shortcuts carry.
if (process.platform === 'win32') app.setAppUserModelId('com.issuanceconsole.app');

startShell({
  argv: process.argv.slice(app.isPackaged ? 1 : 2),
  preload: join(__dirname, '../preload/index.cjs'),
  rendererDir: join(__dirname, '../renderer'),
}).catch((err: unknown) => {
  // Before the log is open there is only this: a line for a terminal and a box for the operator.
  console.error('issuance-console: could not start:', err);
  dialog.showErrorBox('Issuance Console could not start', String((err as Error).stack ?? err));
  app.exit(1);
});
