import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logUncaught, openLog } from '../../electron/shell/logging';
import { tempDir } from '../helpers/core';

describe('the log files', () => {
  it('rotate at their size limit and keep only the newest few', () => {
    const dir = tempDir('ic-logs-');
    const log = openLog({ dir, maxBytes: 200, keep: 2, echo: false });
    for (let i = 0; i < 20; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['console.1.log', 'console.2.log', 'console.log']);
    expect(readFileSync(join(dir, 'console.log'), 'utf8')).toContain('line 19');
    expect(readFileSync(join(dir, 'console.2.log'), 'utf8')).not.toContain('line 0 ');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).length).toBeLessThanOrEqual(200);
  });

  it('carry on from an existing file after a restart', () => {
    const dir = tempDir('ic-logs-');
    openLog({ dir, echo: false }).info('before restart');
    openLog({ dir, echo: false }).warn('after restart');
    const text = readFileSync(join(dir, 'console.log'), 'utf8');
    expect(text).toMatch(/INFO before restart\n.*WARN after restart\n$/);
  });

  it('record uncaught errors with their stack', () => {
    const dir = tempDir('ic-logs-');
    const proc = new EventEmitter();
    logUncaught(openLog({ dir, echo: false }), proc as unknown as NodeJS.Process);
    proc.emit('uncaughtException', new Error('boom'));
    proc.emit('unhandledRejection', 'nobody caught me');
    const text = readFileSync(join(dir, 'console.log'), 'utf8');
    expect(text).toMatch(/ERROR uncaught exception: Error: boom\n\s+at /);
    expect(text).toContain('ERROR unhandled rejection: nobody caught me');
    expect(existsSync(join(dir, 'console.1.log'))).toBe(false);
  });
});
