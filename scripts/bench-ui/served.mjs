import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { WebSocket } from 'ws';

/** The heartbeat's frames (shared/api/heartbeat.ts, which a plain-JS script cannot import). */
const PING_FRAME = '{"heartbeat":"ping"}';
const PONG_FRAME = '{"heartbeat":"pong"}';

const ROOT = resolve(import.meta.dirname, '../..');

/** The machines' REST API, answering every poll with 200 and an empty list: the console sees them reachable. */
export async function startMachineApi() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]'));
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

/** Resident memory of a process in bytes (Linux /proc), or undefined once it is gone. */
export function rssOf(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/**
 * The built console in serve mode (out/main/serve.js of `root`) on `dataDir` with `config`: the webhook listener on
 * an ephemeral loopback port, the UI on another. Resolves once it printed both addresses.
 */
export function startServe({ dataDir, config, root = ROOT, startTimeoutMs = 600_000 }) {
  const args = [join(root, 'out/main/serve.js'), '--data-dir', dataDir, '--config', config, '--webhook-host', '127.0.0.1', '--webhook-port', '0', '--ui-port', '0'];
  // Its per-user config beside its data: a bench never reads the settings a person chose on this computer.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: `${dataDir}-config`, APPDATA: `${dataDir}-config` } });
  let output = '';
  const collect = (chunk) => (output = (output + chunk.toString()).slice(-200_000));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the console did not start:\n${output}`)), startTimeoutMs);
    child.once('exit', (code) => fail(new Error(`the console exited with ${code}:\n${output}`)));
    const check = () => {
      const webhook = /Webhook URL: (\S+)/.exec(output)?.[1];
      const ui = /UI URL: (\S+)/.exec(output)?.[1];
      if (!webhook || !ui) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      ready({
        webhook: new URL(webhook),
        ui,
        pid: child.pid,
        output: () => output,
        alive: () => child.exitCode === null && child.signalCode === null,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
          const how = await exited;
          clearTimeout(kill);
          return how;
        },
      });
    };
    child.stdout.on('data', check);
  });
}

/**
 * The ConsoleApi over serve mode's WebSocket, as a script uses it (the token in the address, the console's own
 * Origin): `call(method, params)` resolves with the `{ok, value|error}` result; `frames(listener)` hears every pushed
 * event frame as raw text, so a figure can be taken when a job id first appears in it, whatever the event's shape.
 */
export async function connectApi(uiUrl) {
  const url = new URL(uiUrl);
  const token = decodeURIComponent(url.password);
  const origin = `http://${url.host}`;
  const ws = new WebSocket(`ws://${url.host}/api/ws?token=${encodeURIComponent(token)}`, { origin, maxPayload: 256 * 1024 * 1024 });
  await new Promise((ready, fail) => {
    ws.once('open', ready);
    ws.once('error', fail);
  });
  let next = 1;
  const waiting = new Map();
  const listeners = new Set();
  ws.on('message', (data) => {
    const text = String(data);
    // The console pings every 2 s and drops a client that stays silent through three: answer like the page does.
    if (text === PING_FRAME) return ws.send(PONG_FRAME);
    if (text.startsWith('{"event"')) {
      for (const l of listeners) l(text);
      return;
    }
    const frame = JSON.parse(text);
    waiting.get(frame.id)?.(frame.result);
    waiting.delete(frame.id);
  });
  // A dropped socket answers every call still waiting, so that a run reports it instead of hanging.
  ws.on('close', () => {
    for (const answered of waiting.values()) answered({ ok: false, error: { code: 'unavailable', message: 'the console closed the connection' } });
    waiting.clear();
  });
  return {
    call(method, params = {}) {
      const id = next++;
      return new Promise((answered) => {
        waiting.set(id, answered);
        ws.send(JSON.stringify({ id, method, params }));
      });
    },
    frames(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => ws.close(),
  };
}
