/**
 * The serve-mode WebSocket's heartbeat, the same on both ends. Browsers neither send nor see the protocol's ping
 * frames, so each end pings at the application level; a frozen peer (a console stopped by the OS, a thin client
 * whose network died without a reset) leaves its socket open, and only the silence tells.
 */
export interface HeartbeatTiming {
  /** How often each end pings the other. */
  readonly intervalMs: number;
  /** Pings gone unanswered, one an interval, before the peer counts as gone. */
  readonly missedLimit: number;
}

export const HEARTBEAT_TIMING: HeartbeatTiming = { intervalMs: 2000, missedLimit: 3 };

/** Fixed texts, compared as they arrive: a heartbeat costs no parsing and can never be taken for a call. */
export const PING_FRAME = '{"heartbeat":"ping"}';
export const PONG_FRAME = '{"heartbeat":"pong"}';

/** The clock a heartbeat runs on: the real timers in the transports, a hand-turned one in tests. */
export interface Timers {
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
  /** Calls `run` once after `ms`, unless the returned function is called first. */
  after(ms: number, run: () => void): () => void;
}

/** The runtime's own timer functions, which shared/ cannot name: Node's and the browser's differ in their handles. */
export interface TimerFunctions<I, T> {
  setInterval(tick: () => void, ms: number): I;
  clearInterval(handle: I): void;
  setTimeout(run: () => void, ms: number): T;
  clearTimeout(handle: T): void;
}

/** The real timers, from the functions each transport passes in (`realTimers({ setInterval, … })`). */
export function realTimers<I, T>(functions: TimerFunctions<I, T>): Timers {
  // Called unbound: a browser refuses its timer functions called as methods of another object.
  const { setInterval, clearInterval, setTimeout, clearTimeout } = functions;
  return {
    every(ms, tick) {
      const handle = setInterval(tick, ms);
      return () => clearInterval(handle);
    },
    after(ms, run) {
      const handle = setTimeout(run, ms);
      return () => clearTimeout(handle);
    },
  };
}

export interface Heartbeat {
  /** Anything at all came from the peer: it is alive. */
  heard(): void;
  stop(): void;
}

/**
 * Pings every interval; once `missedLimit` pings in a row went unanswered (nothing at all heard since), stops and
 * calls `lost` — between `missedLimit` and `missedLimit + 1` intervals after the peer fell silent.
 */
export function startHeartbeat(options: { timing: HeartbeatTiming; timers: Timers; ping: () => void; lost: () => void }): Heartbeat {
  const { timing, timers, ping, lost } = options;
  let unanswered = 0;
  const cancel = timers.every(timing.intervalMs, () => {
    if (unanswered >= timing.missedLimit) {
      cancel();
      lost();
      return;
    }
    unanswered += 1;
    ping();
  });
  return {
    heard() {
      unanswered = 0;
    },
    stop: cancel,
  };
}

/** One end's socket, as its heartbeat uses it. */
export interface HeartbeatSocket {
  isOpen(): boolean;
  send(frame: string): void;
}

export interface SocketHeartbeat extends Heartbeat {
  /**
   * A frame came from the peer (it is alive): answers a ping, and says whether the frame was a heartbeat's, which
   * goes no further (it is no call, answer or event).
   */
  received(frame: unknown): boolean;
}

/** The heartbeat on one socket: pings while it is open, answers the peer's pings, and calls `lost` as startHeartbeat does. */
export function heartbeatOn(socket: HeartbeatSocket, options: { timing: HeartbeatTiming; timers: Timers; lost: () => void }): SocketHeartbeat {
  const heartbeat = startHeartbeat({
    ...options,
    ping: () => {
      if (socket.isOpen()) socket.send(PING_FRAME);
    },
  });
  return {
    ...heartbeat,
    received(frame) {
      heartbeat.heard();
      if (frame === PING_FRAME) socket.send(PONG_FRAME);
      return frame === PING_FRAME || frame === PONG_FRAME;
    },
  };
}
