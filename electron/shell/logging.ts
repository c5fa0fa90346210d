import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { narrow, PRIVATE_FILE_MODE, privateDir } from '../core/files/private';
import { join } from 'node:path';

export interface Logger {
  readonly dir: string;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, err?: unknown): void;
}

export interface LogOptions {
  dir: string;
  /** A file is rotated when the next line would take it past this size. */
  maxBytes?: number;
  /** Rotated files kept beside the current one: console.1.log (newest) … console.<keep>.log. */
  keep?: number;
  /** Also write to stderr (a terminal, `npm start`). */
  echo?: boolean;
}

export const LOG_FILE = 'console.log';

function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

/**
 * Rotating log files in the user-data folder, for IT after the fact. Lines are appended synchronously so the last
 * one before a crash is on disk; the volume is low (start, stop, problems, refusals), so this costs nothing.
 */
export function openLog({ dir, maxBytes = 1_000_000, keep = 5, echo = true }: LogOptions): Logger {
  privateDir(dir);
  const file = join(dir, LOG_FILE);
  // Logs name machines, jobs and people: private, including those an older version left readable.
  narrow([file, ...Array.from({ length: keep }, (_, i) => join(dir, `console.${i + 1}.log`))]);
  const rotated = (n: number) => join(dir, `console.${n}.log`);
  let size = existsSync(file) ? statSync(file).size : 0;

  function rotate(): void {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    if (existsSync(file)) renameSync(file, rotated(1));
    size = 0;
  }

  function write(level: string, message: string): void {
    const line = `${new Date().toISOString()} ${level} ${message}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(file, line, { mode: PRIVATE_FILE_MODE });
      size += bytes;
    } catch (err) {
      // A full disk must not take the console down with it; the terminal still gets the line.
      if (!echo) process.stderr.write(`log write failed: ${(err as Error).message}\n`);
    }
    if (echo) process.stderr.write(line);
  }

  return {
    dir,
    info: (message) => write('INFO', message),
    warn: (message) => write('WARN', message),
    error: (message, err) => write('ERROR', err === undefined ? message : `${message}: ${describe(err)}`),
  };
}

/** Uncaught errors are logged, never a silent exit; the console keeps receiving webhooks. */
export function logUncaught(log: Logger, proc: Pick<NodeJS.Process, 'on'> = process): void {
  proc.on('uncaughtException', (err) => log.error('uncaught exception', err));
  proc.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));
}
