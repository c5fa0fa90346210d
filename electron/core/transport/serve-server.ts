import express from 'express';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ConsoleEvent } from '../../../shared/api/contract';
import { dispatch } from '../../../shared/api/dispatch';
import { HEARTBEAT_TIMING, heartbeatOn, realTimers, type HeartbeatTiming, type Timers } from '../../../shared/api/heartbeat';
import { isLoopbackHost } from '../config/layered';
import type { RunningConsole } from '../console';
import { boundPort, listen } from '../webhooks/listener';
import { AUDIT_DOWNLOAD_PATHS, auditDownloadRoute, downloadExport } from './audit-download';
import { ServeGuard, viaOf } from './serve-guard';

export const API_SOCKET_PATH = '/api/ws';

/** Events queued for one page beyond what the kernel's socket buffer holds (found by `npm run bench:soak`). */
export const MAX_EVENT_BACKLOG_BYTES = 8 * 1024 * 1024;

export interface ServeOptions {
  port: number;
  /**
   * Address to bind: 127.0.0.1 by default. Anything else opens the UI to the LAN for a thin client; the caller
   * must then pass a token someone chose (ui.accessToken), since the API is only ever as safe as its token.
   */
  host?: string;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  token?: string;
  log?: (line: string) => void;
  /** Tests shorten the heartbeat or turn its clock by hand. */
  heartbeat?: HeartbeatTiming;
  timers?: Timers;
}

export interface ServeHandle {
  /** The address with the token (as the address's user part), to open the UI. */
  readonly url: string;
  /** The address alone, to print where the token must not be (a configured one). */
  readonly address: string;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 256 * 1024;

const WILDCARD = new Set(['0.0.0.0', '::']);
const withPort = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** The address to print: the LAN address when bound to all interfaces, else the bound one. */
function shownHost(host: string): string {
  if (!WILDCARD.has(host)) return host;
  return lanAddresses()[0] ?? '127.0.0.1';
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => !a.internal)
    .map((a) => a.address);
}

/**
 * The `Host` headers this server answers to (no DNS rebinding): the loopback names on loopback; the bound address on
 * a LAN address; on all interfaces, each of this machine's addresses, its host name and the loopback names.
 */
function allowedHosts(host: string, port: number): string[] {
  const loopback = ['127.0.0.1', 'localhost', ...(host === '::1' ? ['::1'] : [])];
  const names = isLoopbackHost(host) ? loopback : WILDCARD.has(host) ? [...loopback, '::1', hostname(), ...lanAddresses()] : [host];
  return names.map((name) => withPort(name.toLowerCase(), port));
}

/**
 * Serves the built renderer on 127.0.0.1 and the ConsoleApi over a WebSocket on the same port. Requests are
 * `{id, method, params}`; answers `{id, result}`; pushed events `{event}`.
 */
export async function serveConsole(core: RunningConsole, options: ServeOptions): Promise<ServeHandle> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`the renderer is not built (no ${join(options.rendererDir, 'index.html')}): run npm run build`);
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port;
  const host = options.host ?? '127.0.0.1';
  const guard = new ServeGuard(
    token,
    () => allowedHosts(host, port),
    core.people,
    () => `issuance-console-${port}`,
  );

  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    if (!guard.hostAllowed(req)) {
      res.status(421).type('text/plain').send(`This console answers only to ${allowedHosts(host, port).join(', ')}.`);
      return;
    }
    res.set({
      'Content-Security-Policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    next();
  });
  // The token leaves the address before anything records it: the first request trades it for the session cookie and
  // is sent on to the bare address. Without the cookie, nothing of the page is served.
  app.use((req, res, next) => {
    const access = guard.pageAccess(req);
    if (access.kind === 'serve') {
      next();
      return;
    }
    if (access.kind === 'redirect') {
      if (access.setCookie) res.set('Set-Cookie', guard.sessionCookie(req));
      res.redirect(303, access.location);
      return;
    }
    // The challenge is what makes a browser send the user part of `http://console:<token>@host/`; a browser opened on
    // the bare address asks for a user name and password instead, and the token is the password.
    res.set('WWW-Authenticate', 'Basic realm="Issuance Console: the access token is the password", charset="UTF-8"');
    res
      .status(401)
      .type('text/plain')
      .send(
        access.reason === 'wrong-token'
          ? 'This is not the access token of this console (a new one is made at every start): open the address the console printed when it started.'
          : 'Open the console with the address it printed when it started: that address carries the access token.',
      );
  });
  // Past the checks above, as the page is: the audit exports' downloads (a GET the page's own link makes).
  for (const trail of ['commands', 'events'] as const) {
    app.get(AUDIT_DOWNLOAD_PATHS[trail], auditDownloadRoute(core.auditExport, trail, (line) => options.log?.(line)));
  }
  app.use(express.static(options.rendererDir, { index: 'index.html' }));
  // Served pages take the export as a download; the others (the app's window) are given it by their own transport.
  const handlers = {
    ...core.handlers,
    exportAudit: downloadExport(core.auditExport, 'commands', (caller) => core.people.languageOf(caller)),
    exportAuditEvents: downloadExport(core.auditExport, 'events', (caller) => core.people.languageOf(caller)),
  };

  const server: Server = await listen(app, host, options.port);
  port = boundPort(server);

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  // Every socket and server has an error handler: a client's bad frame or a reset connection ends that connection,
  // never the console (an 'error' event with no listener is thrown).
  const logError = (where: string) => (err: Error) => options.log?.(`serve mode: ${where}: ${err.message}`);
  wss.on('error', logError('WebSocket server'));
  server.on('clientError', (err, socket) => {
    logError('HTTP client')(err);
    socket.destroy();
  });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', logError('upgrading socket'));
    const path = URL.canParse(req.url ?? '/', 'http://placeholder') ? new URL(req.url ?? '/', 'http://placeholder').pathname : '';
    const refusal = path === API_SOCKET_PATH ? guard.refuseApi(req) : 'not found';
    if (refusal) {
      socket.end(`HTTP/1.1 ${path === API_SOCKET_PATH ? 403 : 404} ${refusal}\r\nConnection: close\r\n\r\n`);
      return;
    }
    // The browser's session from its cookie; a script naming the token in the address gets one for this socket alone.
    const via = viaOf(req);
    const cookieSession = guard.sessionOf(req);
    if (cookieSession !== undefined && core.people.via(cookieSession) !== via) {
      socket.end('HTTP/1.1 403 session opened from another address\r\nConnection: close\r\n\r\n');
      return;
    }
    const session = cookieSession ?? core.people.open(via);
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, session, cookieSession === undefined));
  });

  function attach(ws: WebSocket, session: string, ownSession: boolean): void {
    // A frame over the limit (1009) or a broken frame (1002): ws closes the connection with that code itself.
    ws.on('error', logError('WebSocket'));
    // A page gone silent (its machine asleep, its network cut without a reset) would hold its session and have
    // events queued for it for as long as the kernel keeps the socket: it is cut off instead.
    const peer = { isOpen: () => ws.readyState === ws.OPEN, send: (frame: string) => ws.send(frame) };
    const heartbeat = heartbeatOn(peer, {
      timing: options.heartbeat ?? HEARTBEAT_TIMING,
      timers: options.timers ?? realTimers({ setInterval, clearInterval, setTimeout, clearTimeout }),
      lost: () => {
        options.log?.('serve mode: a page stopped answering the heartbeat: disconnected');
        ws.terminate();
      },
    });
    const send = (event: ConsoleEvent) => {
      if (ws.readyState !== ws.OPEN) return;
      // A page that cannot keep up (a busy renderer, a stalled thin client) would have every event queued for it in
      // this process without end: past the cap it is cut off, reconnects, and reads everything again.
      if (ws.bufferedAmount > MAX_EVENT_BACKLOG_BYTES) {
        options.log?.(`serve mode: a page fell ${(ws.bufferedAmount / 1e6).toFixed(1)} MB behind the events: disconnected; it reconnects and reads all again`);
        ws.terminate();
        return;
      }
      ws.send(JSON.stringify({ event }));
    };
    const unsubscribe = core.onEvent(send);
    // This browser's own session changes go to its connections only.
    const unlisten = core.people.listen(session, send);
    ws.on('close', () => {
      heartbeat.stop();
      unsubscribe();
      unlisten();
      if (ownSession) core.people.close(session);
    });
    // Not awaited by ws: dispatch never rejects (a handler's throw comes back as an 'internal' failure).
    ws.on('message', (data) => {
      const frame = String(data);
      if (!heartbeat.received(frame)) void answer(frame);
    });

    async function answer(frame: string): Promise<void> {
      let request: { id?: unknown; method?: unknown; params?: unknown };
      try {
        request = JSON.parse(frame) as typeof request;
      } catch {
        ws.send(JSON.stringify({ id: null, result: { ok: false, error: { code: 'invalid-request', message: 'frame is not JSON' } } }));
        return;
      }
      const caller = core.people.callerFor(session, request.method);
      const result = caller
        ? await dispatch(handlers, request.method, request.params, caller)
        : { ok: false, error: { code: 'unavailable', message: 'this browser\'s session has ended: open the console\'s address again' } };
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: request.id ?? null, result }));
    }
  }

  const shown = withPort(shownHost(host), port);
  const address = `http://${shown}/`;
  return {
    // The token as the address's user part: browsers send it only when the console asks, and keep it out of their
    // history and address bar (`?token=` works too, but the browser records that address before the console answers).
    url: `http://console:${encodeURIComponent(token)}@${shown}/`,
    address,
    token,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
