/**
 * The layers hold: probe files are written into each runtime's folder, then linted with the project's own ESLint config
 * and type-checked with the runtime's own tsconfig. Each runtime has a clean probe too, so a config that refused
 * everything (or a probe that could not be read) fails here as well.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSC = resolve(ROOT, 'node_modules/typescript/bin/tsc');
/** Unique per run, so runs in parallel (or a leftover of a killed run) never share a folder. */
const PROBE = `__layering_probe_${process.pid}_${randomUUID().slice(0, 8)}__`;

const DIRS = {
  renderer: resolve(ROOT, 'renderer/src', PROBE),
  shared: resolve(ROOT, 'shared', PROBE),
  core: resolve(ROOT, 'electron/core', PROBE),
};

/** path → source; every file ends with a newline and passes the style rules, so only the rule under test can fire. */
const FILES: Record<string, string> = {
  [`${DIRS.renderer}/clean.ts`]: [
    "import { useState } from 'react';",
    "import { MESSAGE_TYPES } from '../../../shared/aida/vocabulary';",
    '',
    'export const hook = useState;',
    'export const types = MESSAGE_TYPES.length;',
    'export const title = (): string => document.title;',
    '',
  ].join('\n'),
  [`${DIRS.renderer}/node-imports.ts`]: "import 'events';\nimport 'util';\nimport 'node:fs';\n",
  [`${DIRS.renderer}/node-globals.ts`]: "export const env = process.env['NODE_ENV'];\n",
  [`${DIRS.shared}/clean.ts`]: "import { z } from 'zod';\n\nexport const schema = z.string();\nexport const pairs = new Map<string, number>();\n",
  [`${DIRS.shared}/node-imports.ts`]: "import 'events';\nimport 'util';\nimport 'node:fs';\n",
  [`${DIRS.shared}/runtime-globals.ts`]: "export const env = process.env['NODE_ENV'];\nexport const title = document.title;\n",
  [`${DIRS.core}/clean.ts`]: [
    "import { EventEmitter } from 'events';",
    "import { readFileSync } from 'node:fs';",
    '',
    'export const emitter = new EventEmitter();',
    'export const read = readFileSync;',
    "export const home = (): string | undefined => process.env['HOME'];",
    '',
  ].join('\n'),
  [`${DIRS.core}/shell-import.ts`]: "import '../../shell/x';\n",
  [`${DIRS.core}/sub/shell-import.ts`]: "import '../../../shell/window';\nimport '../../../main';\nimport '../../../preload';\n",
  [`${DIRS.core}/dom-globals.ts`]: 'export const title = document.title;\n',
  [`${DIRS.core}/sub/sql.ts`]: "import 'better-sqlite3';\nimport '../../store/database';\nimport '../../store/store';\n",
};

let lint: Map<string, ESLint.LintResult>;
let typeErrors: { renderer: string[]; shared: string[]; electron: string[] };
const buildInfo = mkdtempSync(resolve(tmpdir(), 'layering-tsbuildinfo-'));

/** The diagnostics of one runtime's tsconfig, as `path(line,col): error TSxxxx: text` lines, for the probe's files only. */
function typeCheck(runtime: 'renderer' | 'shared' | 'electron'): Promise<string[]> {
  const args = [TSC, '-p', `${runtime}/tsconfig.json`, '--noEmit', '--pretty', 'false', '--tsBuildInfoFile', resolve(buildInfo, `${runtime}.tsbuildinfo`)];
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      // A non-zero exit is expected: the probes' own errors (and maybe some of a tree being edited).
      if (error && typeof error.code !== 'number') fail(error);
      else done(stdout.split('\n').filter((line) => line.includes(PROBE)));
    });
  });
}

beforeAll(async () => {
  for (const [path, source] of Object.entries(FILES)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, source);
  }
  // The project's real config (the import rules); type-aware rules off: they would load every tsconfig, and nothing here needs them.
  const eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked });
  const [results, renderer, shared, electron] = await Promise.all([
    eslint.lintFiles(Object.values(DIRS)),
    typeCheck('renderer'),
    typeCheck('shared'),
    typeCheck('electron'),
  ]);
  lint = new Map(results.map((result) => [relative(ROOT, result.filePath), result]));
  typeErrors = { renderer, shared, electron };
}, 120_000);

afterAll(() => {
  for (const dir of Object.values(DIRS)) rmSync(dir, { recursive: true, force: true });
  rmSync(buildInfo, { recursive: true, force: true });
});

function probe(folder: keyof typeof DIRS, file: string): string {
  return relative(ROOT, resolve(DIRS[folder], file));
}

/** The lines of a probe that `no-restricted-imports` refuses. */
function refusedLines(path: string): number[] {
  const result = lint.get(path);
  if (!result) throw new Error(`${path} was not linted`);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
}

function problems(path: string): string[] {
  const result = lint.get(path);
  if (!result) throw new Error(`${path} was not linted`);
  return result.messages.map((m) => `${m.line}: ${m.ruleId ?? 'parse'} ${m.message}`);
}

describe('ESLint, the import rules of each layer', () => {
  it('refuses Node built-ins, with or without node:, in the renderer and in shared/', () => {
    expect(refusedLines(probe('renderer', 'node-imports.ts'))).toEqual([1, 2, 3]);
    expect(refusedLines(probe('shared', 'node-imports.ts'))).toEqual([1, 2, 3]);
  });

  it('refuses the shell to the core from any depth', () => {
    expect(refusedLines(probe('core', 'shell-import.ts'))).toEqual([1]);
    expect(refusedLines(probe('core', 'sub/shell-import.ts'))).toEqual([1, 2, 3]);
  });

  it('keeps SQL in store/: no connection or driver outside it, the Store and its repositories allowed', () => {
    expect(refusedLines(probe('core', 'sub/sql.ts'))).toEqual([1, 2]);
  });

  it('passes clean probes: shared/ from the renderer, zod in shared/, Node in the core', () => {
    expect(problems(probe('renderer', 'clean.ts'))).toEqual([]);
    expect(problems(probe('shared', 'clean.ts'))).toEqual([]);
    expect(problems(probe('core', 'clean.ts'))).toEqual([]);
  });
});

describe('tsc, the globals of each runtime', () => {
  it('the renderer has the DOM and no Node: process does not exist', () => {
    expect(typeErrors.renderer.filter((line) => line.includes('clean.ts'))).toEqual([]);
    expect(typeErrors.renderer.filter((line) => line.includes('node-globals.ts'))).toEqual([
      expect.stringMatching(/\(1,20\): error TS(2580|2591): Cannot find name 'process'/),
    ]);
  });

  it('the core has Node and no DOM: document does not exist', () => {
    expect(typeErrors.electron.filter((line) => line.includes('clean.ts'))).toEqual([]);
    expect(typeErrors.electron.filter((line) => line.includes('dom-globals.ts'))).toEqual([
      expect.stringMatching(/\(1,22\): error TS(2304|2584): Cannot find name 'document'/),
    ]);
  });

  it('shared/ has neither', () => {
    expect(typeErrors.shared.filter((line) => line.includes('clean.ts'))).toEqual([]);
    expect(typeErrors.shared.filter((line) => line.includes('runtime-globals.ts'))).toEqual([
      expect.stringMatching(/\(1,20\): error TS(2580|2591): Cannot find name 'process'/),
      expect.stringMatching(/\(2,22\): error TS(2304|2584): Cannot find name 'document'/),
    ]);
  });
});
