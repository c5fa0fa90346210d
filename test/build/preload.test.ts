import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileFunction } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';

const ROOT = resolve(__dirname, '../..');
const PRELOAD = resolve(ROOT, 'out/preload/index.cjs');
const CJS_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

/** Runs the file the way Node and Electron run a CommonJS module; ES module syntax fails to compile here. */
function runAsCommonJs(source: string, require: (id: string) => unknown) {
  const module = { exports: {} };
  compileFunction(source, CJS_PARAMS, { filename: PRELOAD })(module.exports, require, module, PRELOAD, resolve(PRELOAD, '..'));
  return module;
}

describe('the built preload, out/preload/index.cjs', () => {
  it('is CommonJS, as a sandboxed preload must be, whatever the package\'s module type', () => {
    expect(PRELOAD.endsWith('.cjs')).toBe(true);
    const required: string[] = [];
    const exposed = new Map<string, Record<string, unknown>>();
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
      ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => {}, off: () => {} },
    };
    runAsCommonJs(readFileSync(PRELOAD, 'utf8'), (id) => {
      required.push(id);
      if (id === 'electron') return fakeElectron;
      throw new Error(`a sandboxed preload cannot require ${id}`);
    });
    // A sandboxed preload gets only a few of Node's modules; this one needs Electron's and nothing else.
    expect(required).toEqual(['electron']);
    expect(exposed.has('issuanceConsole')).toBe(true);
  });

  it('would be caught if it were built as an ES module', () => {
    expect(() => runAsCommonJs('import { contextBridge } from "electron";', () => ({}))).toThrow(SyntaxError);
  });

  it('exposes exactly the ConsoleApi\'s methods, each on its own channel, and no generic invoke', async () => {
    const invoked: [string, unknown][] = [];
    let api: Record<string, (arg?: unknown) => unknown> = {};
    runAsCommonJs(readFileSync(PRELOAD, 'utf8'), () => ({
      contextBridge: { exposeInMainWorld: (_key: string, exposed: typeof api) => (api = exposed) },
      ipcRenderer: {
        invoke: async (channel: string, params: unknown) => invoked.push([channel, params]),
        on: () => {},
        off: () => {},
      },
    }));
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'onEvent'].sort());
    await api['resume']?.({ machineId: 'aida-1' });
    await api['getSettings']?.({});
    expect(invoked).toEqual([
      ['console:resume', { machineId: 'aida-1' }],
      ['console:getSettings', {}],
    ]);
  });
});
