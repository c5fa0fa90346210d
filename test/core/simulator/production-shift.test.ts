import { afterEach, describe, expect, it } from 'vitest';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { api, startReceiver, startSimulator, summary, WS, type Receiver } from './receiver';

let receiver: Receiver | undefined;
let sim: AidaSimulator | undefined;

afterEach(async () => {
  await sim?.stop();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

describe('the production shift scenario', () => {
  it('plays a jam, a feeder run empty and refilled, and a laser fault whose job is run again under a new instance', async () => {
    receiver = await startReceiver();
    sim = await startSimulator(receiver, { scenario: 'production-shift', feederCapacity: 6 });
    expect((await api(sim, 'POST', `${WS}/start`, { stopAfter: 10 })).status).toBe(200);
    await sim.settled();
    // Card 4 jams: the box machine suspends with it.
    expect(receiver.bodies.map(summary)).toContain('WorkflowSchedulerSuspended 4 Suspended CardJam');
    sim.clearJam();
    await api(sim, 'POST', `${WS}/resume`);
    await sim.settled();
    // Six cards in the feeder: it runs empty after card 6.
    expect(receiver.bodies.map(summary)).toContain('WorkflowSchedulerSuspended FeederEmpty');
    sim.loadCards(20);
    await api(sim, 'POST', `${WS}/resume`);
    await sim.settled();

    const nine = receiver.bodies.filter((b) => b['jobId'] === '9');
    expect(nine.map(summary)).toEqual([
      'WorkflowStarted 9 Running',
      'WorkflowFaulted 9 Faulted MarkLayoutFailed',
      // The reprint: the same job on a fresh card, after the rest of the batch.
      'WorkflowStarted 9 Running',
      'WorkflowCompleted 9 Completed',
    ]);
    const [first, , again] = nine;
    expect(first?.['workflowInstanceId']).not.toBe(again?.['workflowInstanceId']);
    expect(nine[1]).toMatchObject({ destructiveOperationExecuted: true, documentProduced: false });
    expect(receiver.bodies.map(summary).at(-1)).toBe('WorkflowSchedulerStopped BatchCompleted');
    expect(receiver.bodies.filter((b) => b['messageType'] === 'WorkflowCompleted')).toHaveLength(10);
  });
});
