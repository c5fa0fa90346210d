/**
 * The Electron shell's entry: one hardened window over the same core `npm run serve` runs headless. What it does
 * is in shell/start.ts; here only what must happen before the app is ready.
 */
import { app, dialog } from 'electron';
import { join } from 'node:path';
import { isAdminCommand, runAdminCommand } from './core/people/admin-cli';
import { registerRendererScheme } from './shell/renderer-protocol';
import { startShell } from './shell/start';

// Every renderer sandboxed, whatever a window's own options say.
app.enableSandbox();
registerRendererScheme();
// Windows shows notifications only for the app id the installer's shortcuts carry.
if (process.platform === 'win32') app.setAppUserModelId('com.issuanceconsole.app');

const argv = process.argv.slice(app.isPackaged ? 1 : 2);

if (isAdminCommand(argv)) {
  // The administrator's commands (--hash-pin, --reset-it-account): no window, the answer on the terminal.
  // The same data folder and SQLite build the app itself would use (shell/start.ts).
  const where = {
    load: { fallbackDataDir: join(app.getPath('userData'), 'data') },
    nativeBinding: app.isPackaged ? undefined : process.env['ISSUANCE_CONSOLE_NATIVE_BINDING'],
  };
  const io = { stdin: process.stdin, out: (l: string) => console.log(l), err: (l: string) => console.error(l) };
  void runAdminCommand(argv, io, where).then((code) => app.exit(code));
} else {
  startShell({ argv, preload: join(__dirname, '../preload/index.cjs'), rendererDir: join(__dirname, '../renderer') }).catch((err: unknown) => {
    // Before the log is open there is only this: a line for a terminal and a box for the operator.
    console.error('issuance-console: could not start:', err);
    dialog.showErrorBox('Issuance Console could not start', String((err as Error).stack ?? err));
    app.exit(1);
  });
}
