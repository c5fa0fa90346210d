import { describe, expect, it } from 'vitest';
import type { AidaAnswer } from '../../../electron/core/aida/aida-answer';
import type { AidaClient } from '../../../electron/core/aida/client';
import type { MachineRegistry } from '../../../electron/core/machines/registry';
import { MachinePoller } from '../../../electron/core/machines/poller';
import { staysTrue } from '../../helpers/absence';

describe('stopping the machines\' poller', () => {
  it('schedules no other round when the one under way ends after stop(): the database is closed by then', async () => {
    let answer: (a: AidaAnswer) => void = () => {};
    let rounds = 0;
    const client = {
      state: () => {
        rounds++;
        return new Promise<AidaAnswer>((resolve) => (answer = resolve));
      },
      facts: () => ({ credentials: false, tokenEndpoint: 'unknown' }),
    } as unknown as AidaClient;
    const registry = { configured: () => [{ id: 'm1', label: 'Line 1', kind: 'box', client }] } as unknown as MachineRegistry;
    const poller = new MachinePoller({ registry: () => registry, intervalMs: 1, reconcile: async () => {}, currentSeq: () => 0, changed: () => {} });
    poller.start();
    expect(rounds).toBe(0);
    await new Promise((r) => setImmediate(r));
    expect(rounds).toBe(1);
    const stopped = poller.stop();
    answer({ reach: 'unreached', error: 'connect ECONNREFUSED' });
    await stopped;
    await staysTrue(() => rounds === 1, { forMs: 50, why: 'the poller would start its next round 1 ms after the last ended' });
  });
});
