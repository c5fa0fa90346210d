import type { ConsoleClient, ConsoleEvent, MethodName } from '../../../shared/api/contract';
import { fail } from '../../../shared/api/result';
import { checkEvent, checkedApi } from './checked-api';

interface Waiting {
  /** What the console answered, unchecked: checkedApi holds it against the contract. */
  resolve: (result: unknown) => void;
  timer: ReturnType<typeof setTimeout>;
}

const CALL_TIMEOUT_MS = 30_000;

/**
 * The serve-mode transport: the ConsoleApi over a WebSocket to the page's own origin, with the per-start token.
 * Reconnects on its own; calls made while disconnected fail at once with a readable error.
 */
export function createWsClient(url: string): ConsoleClient {
  let socket: WebSocket | undefined;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const eventListeners = new Set<(event: ConsoleEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let retryMs = 250;

  const setConnected = (connected: boolean) => connectionListeners.forEach((l) => l(connected));

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      setConnected(true);
    };
    ws.onmessage = (message) => {
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
      setConnected(false);
      for (const [id, w] of waiting) {
        clearTimeout(w.timer);
        w.resolve(fail('unavailable', 'lost the connection to the console'));
        waiting.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
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
