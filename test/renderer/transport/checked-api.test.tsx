import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/api/result';
import { checkResult, checkedApi } from '../../../renderer/src/transport/checked-api';
import { connectToConsole } from '../../../renderer/src/transport/connect';
import { createWsClient } from '../../../renderer/src/transport/ws-client';
import { job } from '../helpers/jobs';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  delete window.issuanceConsole;
});

const page = (rows = [job('40'), job('41')]) => ok({ rows, total: rows.length, offset: 0 });
const REFUSED = 'listJobs: the console answered with something the contract does not allow: ';

/** console.error, silenced and recorded: a refused answer is logged. */
const quietErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {});

describe('results crossing the boundary', () => {
  it('pass when the contract allows them', () => {
    const logged = quietErrors();
    expect(checkResult('listJobs', page())).toEqual(page());
    expect(checkResult('resume', { ok: false, error: { code: 'not-allowed', message: 'wrong supervisor PIN' } })).toEqual({
      ok: false,
      error: { code: 'not-allowed', message: 'wrong supervisor PIN' },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('are refused with an internal error naming the method and the first issue, and logged', () => {
    const logged = quietErrors();
    const malformed = page([job('40'), { ...job('41'), status: 7 } as never]);
    const result = checkResult('listJobs', malformed);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: `${REFUSED}value.rows.1.status: Invalid input: expected string, received number` } });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toContain(REFUSED);

    // Not a Result at all, and an error code the contract does not know.
    expect(checkResult('listJobs', 'HTTP 502 Bad Gateway')).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(checkResult('resume', { ok: false, error: { code: 'teapot', message: 'x' } })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('a transport that throws becomes an error value: nothing in the renderer throws for it', async () => {
    quietErrors();
    const api = checkedApi(async () => {
      throw new Error('no handler registered for console:listJobs');
    });
    await expect(api.listJobs({})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'listJobs: no handler registered for console:listJobs' },
    });
  });
});

/** A WebSocket the test answers: frames the client sends are recorded, frames from "the console" are pushed in. */
class FakeSocket {
  static readonly OPEN = 1;
  static last: FakeSocket | undefined;
  readyState = 0;
  sent: { id: number; method: string; params: unknown }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.last = this;
  }
  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  answer(result: unknown) {
    const frame = this.sent.at(-1);
    this.onmessage?.({ data: JSON.stringify({ id: frame?.id, result }) });
  }
  push(event: unknown) {
    this.onmessage?.({ data: JSON.stringify({ event }) });
  }
}

describe('the serve-mode WebSocket transport', () => {
  it('checks every answer and every event against the contract', async () => {
    const logged = quietErrors();
    vi.stubGlobal('WebSocket', FakeSocket);
    const client = createWsClient('ws://127.0.0.1:4800/api/ws?token=t');
    const socket = FakeSocket.last as FakeSocket;
    socket.open();

    const valid = client.listJobs({});
    socket.answer(page());
    await expect(valid).resolves.toEqual(page());

    const malformed = client.listJobs({});
    socket.answer(ok({ rows: 'all of them', total: 2, offset: 0 }));
    const refused = await malformed;
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('internal');
    expect(!refused.ok && refused.error.message).toContain(REFUSED);

    const events: unknown[] = [];
    client.onEvent((e) => events.push(e));
    socket.push({ type: 'deliveries', rejectedTotal: 3 });
    socket.push({ type: 'deliveries', rejectedTotal: 'three' });
    expect(events).toEqual([{ type: 'deliveries', rejectedTotal: 3 }]);
    expect(logged).toHaveBeenCalledTimes(2);
  });
});

describe('the Electron preload bridge', () => {
  it('is held to the same contract as the WebSocket', async () => {
    quietErrors();
    let answer: unknown = page();
    let pushEvent: (event: unknown) => void = () => {};
    const bridge = new Proxy({} as Record<string, unknown>, {
      get(_target, name: string) {
        if (name === 'onEvent') {
          return (listener: (event: unknown) => void) => {
            pushEvent = listener;
            return () => {};
          };
        }
        return async () => answer;
      },
    });
    window.issuanceConsole = bridge as unknown as NonNullable<typeof window.issuanceConsole>;
    const client = connectToConsole();

    await expect(client.listJobs({})).resolves.toEqual(page());
    answer = ok({ rows: [{ jobId: 40 }], total: 1, offset: 0 });
    const refused = await client.listJobs({});
    expect(refused).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!refused.ok && refused.error.message).toContain(REFUSED);

    const events: unknown[] = [];
    client.onEvent((e) => events.push(e));
    pushEvent({ type: 'machines', machines: 'none' });
    pushEvent({ type: 'machines', machines: [] });
    expect(events).toEqual([{ type: 'machines', machines: [] }]);
  });
});
