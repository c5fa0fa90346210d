import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { skipBrowserTests } from '../helpers/browser';

const SCRIPT = resolve(__dirname, '../../scripts/bench-ui.mjs');

interface SmokeSummary {
  consoleAlive: boolean;
  answersAtEnd: boolean;
  pageErrors: string[];
  exit: { code: number | null; signal: string | null };
  stored: { posted: number; acknowledged: number; refused: number; unanswered: number; lost: string[]; notQueued: string[] };
}

/** Runs the benchmark as `npm run bench:ui -- --smoke` would, on a store of its own; resolves with its exit code and output. */
function runSmoke(dir: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [SCRIPT, '--smoke', '--cache', join(dir, 'cache'), '--json', join(dir, 'summary.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}

/**
 * The queue benchmark's smoke run: a small filled store, a few seconds of each load with the UI open. No speed is
 * asserted here (the benchmark prints those); only that nothing is lost and nothing crashed.
 */
describe.skipIf(skipBrowserTests)('bench:ui --smoke', () => {
  const dir = tempDir('ic-e2e-bench-ui-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores every acknowledged message and queues its job, and the console and the page survive', async () => {
    const { output } = await runSmoke(dir);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as SmokeSummary;
    const { stored } = summary;
    expect(stored.posted, output).toBeGreaterThan(500);
    expect(stored.acknowledged).toBe(stored.posted);
    expect(stored.lost).toEqual([]);
    expect(stored.notQueued).toEqual([]);
    expect(summary.pageErrors).toEqual([]);
    expect(summary.consoleAlive && summary.answersAtEnd).toBe(true);
    expect(summary.exit.code).toBe(0);
  }, 240_000);
});
