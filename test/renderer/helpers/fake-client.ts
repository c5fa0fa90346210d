import {
  METHOD_NAMES,
  type ConsoleClient,
  type ConsoleEvent,
  type MethodName,
  type ParamsOf,
  type ValueOf,
} from '../../../shared/api/contract';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { Snapshot } from '../../../shared/api/views';

type Handler<M extends MethodName> = (params: ParamsOf<M>) => Result<ValueOf<M>> | Promise<Result<ValueOf<M>>>;
export type FakeHandlers = { [M in MethodName]?: Handler<M> };

export interface FakeCall {
  method: MethodName;
  params: unknown;
}

/** A ConsoleClient for component tests: answers from the handlers given, records every call, and pushes events. */
export interface FakeClient extends ConsoleClient {
  calls: FakeCall[];
  /** The arguments of every call to one method, oldest first. */
  callsTo<M extends MethodName>(method: M): ParamsOf<M>[];
  /** Replaces (or adds) the answer of one method. */
  handle<M extends MethodName>(method: M, handler: Handler<M>): void;
  /** Pushes an event as the core would. */
  emit(event: ConsoleEvent): void;
  /** Reports the transport (dis)connected, as the WebSocket client does. */
  connect(connected?: boolean): void;
}

/**
 * Every ConsoleApi method is present; those without a handler answer "unavailable", so a test sees at once which
 * call it did not expect to matter.
 */
export function createFakeClient(handlers: FakeHandlers = {}): FakeClient {
  const table: FakeHandlers = { ...handlers };
  const calls: FakeCall[] = [];
  const eventListeners = new Set<(event: ConsoleEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();

  const api = Object.fromEntries(
    METHOD_NAMES.map((method) => [
      method,
      async (params: unknown) => {
        calls.push({ method, params });
        const handler = table[method] as ((p: unknown) => Result<unknown> | Promise<Result<unknown>>) | undefined;
        return handler ? handler(params) : fail('unavailable', `${method} is not faked in this test`);
      },
    ]),
  ) as unknown as ConsoleClient;

  return Object.assign(api, {
    calls,
    callsTo<M extends MethodName>(method: M) {
      return calls.filter((c) => c.method === method).map((c) => c.params as ParamsOf<M>);
    },
    handle<M extends MethodName>(method: M, handler: Handler<M>) {
      (table as Record<string, unknown>)[method] = handler;
    },
    emit(event: ConsoleEvent) {
      eventListeners.forEach((l) => l(event));
    },
    connect(connected = true) {
      connectionListeners.forEach((l) => l(connected));
    },
    onEvent(listener: (event: ConsoleEvent) => void) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnection(listener: (connected: boolean) => void) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  });
}

/** A snapshot of a quiet live console, with what a test cares about laid over it. */
export function snapshot(overrides: Partial<Snapshot> = {}): Result<Snapshot> {
  return ok({
    mode: 'live',
    station: 'Test station',
    webhookUrl: 'http://127.0.0.1:4567/ixla/aida/v1/webhooks',
    machines: [],
    commands: [],
    reviews: [],
    alerts: [],
    rejectedTotal: 0,
    pinRequired: false,
    confidenceThreshold: 0.8,
    ...overrides,
  });
}
