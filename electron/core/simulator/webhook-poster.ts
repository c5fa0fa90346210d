import type { WebhookBody } from './messages';
import type { Pacer } from './pacer';

export type DeliveryOutcome =
  | { kind: 'acknowledged'; status: number }
  /** The console answered, but not with 2xx (a 5xx still so after every retry). */
  | { kind: 'refused'; status: number }
  /** No answer within the ack timeout: AIDA faults the job with WebhookAckTimeout. */
  | { kind: 'ack-timeout' }
  /** No connection after every retry: AIDA faults the job with WebhooksServerUnreachable and stops issuance. */
  | { kind: 'unreachable'; error: string }
  /** The simulator was stopped before the message could go out. */
  | { kind: 'dropped' };

export interface Outgoing {
  body: WebhookBody;
  /**
   * The console's answer arrives after the ack timeout, standing for a console too slow to answer (an overloaded
   * PC). The console still stores the message; the machine has given up on it by then, as a real one would.
   */
  lateAnswer?: boolean;
  onOutcome?: (outcome: DeliveryOutcome) => void;
}

export interface PosterOptions {
  url: string;
  /** AIDA's `WebHooksOptions.ackTimeout`, in real milliseconds: what counts is how fast the console really answers. */
  ackTimeoutMs: number;
  /** AIDA's `WebHooksOptions.maxConnectionRetries`. */
  maxConnectionRetries: number;
  /** Machine time before retry n is n times this. */
  retryDelayMs: number;
  pacer: Pacer;
  log: (line: string) => void;
  /** A message the network loses: never sent, yet the machine takes it as delivered (it got no error). */
  loses?: (body: WebhookBody) => boolean;
}

/** A long training shift must not grow memory without bound; tests look at far fewer. */
const KEEP_DELIVERED = 10_000;

type Attempt = DeliveryOutcome | { kind: 'retry'; last: DeliveryOutcome };

/**
 * Posts webhooks the way AIDA does: one at a time, in order, each waiting for the console's answer (or the ack
 * timeout) before the next goes out.
 */
export class WebhookPoster {
  private readonly queue: Outgoing[] = [];
  private draining = false;
  private idleWaiters: (() => void)[] = [];
  private unplugged = false;
  private readonly closing = new AbortController();
  /** Every message posted and what became of it, oldest first. */
  readonly delivered: { body: WebhookBody; outcome: DeliveryOutcome; lost?: true }[] = [];

  constructor(private readonly options: PosterOptions) {}

  post(item: Outgoing): void {
    if (this.closing.signal.aborted) return;
    this.queue.push(item);
    if (!this.draining) void this.drain();
  }

  get idle(): boolean {
    return !this.draining && this.queue.length === 0;
  }

  /** Resolves once every message posted so far, and any posted meanwhile, has its outcome. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The network between machine and console goes down: connections fail as a refused one would. */
  unplug(): void {
    this.unplugged = true;
  }

  plug(): void {
    this.unplugged = false;
  }

  /** Drops what is queued and abandons the request in flight. */
  close(): void {
    this.closing.abort();
    this.queue.length = 0;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      const item = this.queue.shift() as Outgoing;
      const lost = this.options.loses?.(item.body) === true;
      const outcome: DeliveryOutcome = lost ? { kind: 'acknowledged', status: 200 } : await this.deliver(item);
      this.delivered.push({ body: item.body, outcome, ...(lost ? { lost } : {}) });
      if (this.delivered.length > KEEP_DELIVERED) this.delivered.shift();
      if (outcome.kind !== 'acknowledged' && outcome.kind !== 'dropped') {
        this.options.log(`simulator: webhook ${item.body.messageType} ${describe(outcome)}`);
      }
      item.onOutcome?.(outcome);
    }
    this.draining = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async deliver(item: Outgoing): Promise<DeliveryOutcome> {
    for (let retry = 1; ; retry++) {
      const attempt = await this.attempt(item);
      if (attempt.kind !== 'retry') return attempt;
      if (retry > this.options.maxConnectionRetries) return attempt.last;
      const waited = await this.options.pacer.sleep(this.options.retryDelayMs * retry, this.closing.signal);
      if (!waited) return { kind: 'dropped' };
    }
  }

  private async attempt(item: Outgoing): Promise<Attempt> {
    if (this.closing.signal.aborted) return { kind: 'dropped' };
    if (this.unplugged) return { kind: 'retry', last: { kind: 'unreachable', error: 'ECONNREFUSED (network unplugged)' } };
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), this.options.ackTimeoutMs);
    const signal = AbortSignal.any([timeout.signal, this.closing.signal]);
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(item.body),
        redirect: 'manual',
        signal,
      });
      await res.arrayBuffer();
      if (item.lateAnswer) {
        await whenAborted(signal);
        return this.closing.signal.aborted ? { kind: 'dropped' } : { kind: 'ack-timeout' };
      }
      if (res.status >= 200 && res.status < 300) return { kind: 'acknowledged', status: res.status };
      // A 5xx says "not stored, try again" (the console answers 503 when it could not store a message).
      if (res.status >= 500) return { kind: 'retry', last: { kind: 'refused', status: res.status } };
      return { kind: 'refused', status: res.status };
    } catch (err) {
      if (this.closing.signal.aborted) return { kind: 'dropped' };
      if (timeout.signal.aborted) return { kind: 'ack-timeout' };
      return { kind: 'retry', last: { kind: 'unreachable', error: errorText(err) } };
    } finally {
      clearTimeout(timer);
    }
  }
}

function whenAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

function errorText(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return (err as Error).message;
}

function describe(outcome: DeliveryOutcome): string {
  switch (outcome.kind) {
    case 'refused':
      return `answered ${outcome.status}`;
    case 'ack-timeout':
      return 'not answered within the ack timeout';
    case 'unreachable':
      return `could not reach the console: ${outcome.error}`;
    default:
      return outcome.kind;
  }
}
