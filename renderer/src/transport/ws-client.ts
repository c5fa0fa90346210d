import type { ConsoleClient, ConsoleEvent, MethodName } from '../../../shared/api/contract';
import { HEARTBEAT_TIMING, heartbeatOn, realTimers, type HeartbeatTiming, type Timers } from '../../../shared/api/heartbeat';
import { fail } from '../../../shared/api/result';
import { checkEvent, checkedApi } from './checked-api';

interface Waiting {
  /** What the console answered, unchecked: checkedApi holds it against the contract. */
  resolve: (result: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

const CALL_TIMEOUT_MS = 30_000;

/** The wait before reconnecting: doubled after each failed attempt, up to the cap. */
export interface Backoff {
  readonly firstMs: number;
  readonly maxMs: number;
}

export const RECONNECT_BACKOFF: Backoff = { firstMs: 250, maxMs: 5000 };

export interface WsClientOptions {
  heartbeat?: HeartbeatTiming;
  backoff?: Backoff;
  timers?: Timers;
}

/**
 * The serve-mode transport: the ConsoleApi over a WebSocket to the page's own origin, with the per-start token.
 * Reconnects on its own; calls made while disconnected fail at once with a readable error. A console that stops
 * answering the heartbeat counts as disconnected even though its socket is still open: nothing closes a socket
 * whose other end froze, so the page gives it up and connects anew.
 */
export function createWsClient(url: string, options: WsClientOptions = {}): ConsoleClient {
  const timing = options.heartbeat ?? HEARTBEAT_TIMING;
  const backoff = options.backoff ?? RECONNECT_BACKOFF;
  const timers = options.timers ?? realTimers({ setInterval, clearInterval, setTimeout, clearTimeout });
  let socket: WebSocket | undefined;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const eventListeners = new Set<(event: ConsoleEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let retryMs = backoff.firstMs;

  const setConnected = (connected: boolean) => connectionListeners.forEach((l) => l(connected));

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    // Started with the attempt: an opening handshake the console never answers (it is frozen, the kernel accepted
    // the connection for it) is given up like a silent open socket.
    const peer = { isOpen: () => ws.readyState === WebSocket.OPEN, send: (frame: string) => ws.send(frame) };
    const heartbeat = heartbeatOn(peer, {
      timing,
      timers,
      lost: () => {
        ws.onopen = ws.onmessage = ws.onclose = null;
        ws.close();
        closed(ws);
      },
    });
    ws.onopen = () => {
      heartbeat.heard();
      retryMs = backoff.firstMs;
      setConnected(true);
    };
    ws.onmessage = (message) => {
      if (heartbeat.received(message.data)) return;
      let frame: { id?: number; result?: unknown; event?: unknown };
      try {
        frame = JSON.parse(String(message.data)) as typeof frame;
      } catch {
        return;
      }
      if (frame.event !== undefined) {
        const event = checkEvent(frame.event);
        if (event) eventListeners.forEach((l) => l(event));
        return;
      }
      if (typeof frame.id === 'number' && frame.result !== undefined) {
        const w = waiting.get(frame.id);
        if (!w) return;
        waiting.delete(frame.id);
        clearTimeout(w.timer);
        w.resolve(frame.result);
      }
    };
    ws.onclose = () => {
      heartbeat.stop();
      closed(ws);
    };
  }

  function closed(ws: WebSocket): void {
    if (socket !== ws) return;
    socket = undefined;
    setConnected(false);
    for (const [id, w] of waiting) {
      clearTimeout(w.timer);
      w.resolve(fail('unavailable', 'lost the connection to the console'));
      waiting.delete(id);
    }
    timers.after(retryMs, connect);
    retryMs = Math.min(retryMs * 2, backoff.maxMs);
  }

  function call(method: MethodName, params: unknown): Promise<unknown> {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.resolve(fail('unavailable', 'not connected to the console'));
    }
    const id = nextId++;
    const ws = socket;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(fail('unavailable', `${method}: no answer from the console`));
      }, CALL_TIMEOUT_MS);
      waiting.set(id, { resolve, timer });
      ws.send(JSON.stringify({ id, method, params }));
    });
  }

  connect();
  const api = checkedApi(call);
  return {
    ...api,
    onEvent(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      if (socket?.readyState === WebSocket.OPEN) listener(true);
      return () => connectionListeners.delete(listener);
    },
  };
}
