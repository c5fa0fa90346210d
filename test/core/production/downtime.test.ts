import { afterEach, describe, expect, it } from 'vitest';
import { machineTime } from '../../../electron/core/domain/downtime';
import { EARLY, seedEarlyShift } from './early-shift';
import { startProduction, type ProductionHarness } from './harness';

let h: ProductionHarness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const MIN = 60;

describe('downtime by cause, from the machines scheduler messages', () => {
  it('lists each stand with its cause, how long the line stood and who moved it again', async () => {
    h = startProduction({ nominalCardsPerHour: { m1: 60 } });
    await seedEarlyShift(h);
    const downtime = h.figures.downtime(EARLY);
    expect(downtime.stands).toEqual([
      // Olga's Resume, then J7 took a card: the line moved at 07:11.
      { machineId: 'm1', kind: 'suspended', cause: 'FeederEmpty', from: '2026-03-02T07:00:00.000Z', to: '2026-03-02T07:11:00.000Z', seconds: 11 * MIN, resumedBy: 'olga@line1' },
      // Nobody resumed: the machine was stopped.
      { machineId: 'm1', kind: 'suspended', cause: 'OpenInterlock', from: '2026-03-02T08:00:00.000Z', to: '2026-03-02T08:30:00.000Z', seconds: 30 * MIN },
      { machineId: 'm1', kind: 'stopped', cause: 'ManualStop', from: '2026-03-02T08:30:00.000Z', to: '2026-03-02T12:00:00.000Z', seconds: 210 * MIN, resumedBy: 'olga@line1' },
    ]);
    expect(downtime.causes.map((c) => [c.cause, c.kind, c.count, c.seconds, c.meanSecondsToResume])).toEqual([
      ['ManualStop', 'stopped', 1, 210 * MIN, 210 * MIN],
      ['OpenInterlock', 'suspended', 1, 30 * MIN, 30 * MIN],
      ['FeederEmpty', 'suspended', 1, 11 * MIN, 11 * MIN],
    ]);
  });

  it('splits each machine time into running, suspended, stopped and not known, with OEE where the speed is configured', async () => {
    h = startProduction({ nominalCardsPerHour: { m1: 60 } });
    await seedEarlyShift(h);
    const [m1, m2] = h.figures.downtime(EARLY).machines;
    const running = (120 + 49 + 60) * MIN;
    expect(m1).toEqual({
      machineId: 'm1',
      runningSeconds: running,
      suspendedSeconds: 41 * MIN,
      stoppedSeconds: 210 * MIN,
      unknownSeconds: 0,
      // A manual stop is planned: it does not count against availability.
      availability: running / (running + 41 * MIN),
      nominalCardsPerHour: 60,
      performance: 7 / ((running / 3600) * 60),
      quality: 2 / 5,
      oee: (running / (running + 41 * MIN)) * (7 / ((running / 3600) * 60)) * (2 / 5),
    });
    // m2 sent no scheduler message: not known until it took its first card at 06:30, no speed configured, no OEE.
    expect(m2).toMatchObject({ machineId: 'm2', unknownSeconds: 90 * MIN, runningSeconds: 390 * MIN, performance: null, oee: null });
  });

  it('leaves performance and OEE empty while the machine has run too short a time to judge its speed', () => {
    // 30 cards over 5 minutes of known running time reads as 600 % of 60 cards an hour: noise, not a figure.
    const short = machineTime('m1', [{ state: 'running', from: 0, to: 5 * MIN * 1000, ended: true }], 0, { started: 30, yield: 1 }, 60);
    expect(short).toMatchObject({ availability: 1, performance: null, oee: null });
    const long = machineTime('m1', [{ state: 'running', from: 0, to: 60 * MIN * 1000, ended: true }], 0, { started: 30, yield: 1 }, 60);
    expect(long).toMatchObject({ performance: 0.5, oee: 0.5 });
  });

  it('counts a stand still going until now, and says it has not ended', async () => {
    h = startProduction();
    await h.aida('2026-03-02T05:00:00.000Z', { MachineName: 'm1', MessageType: 'WorkflowSchedulerStarted' });
    await h.aida('2026-03-02T09:00:00.000Z', { MachineName: 'm1', MessageType: 'WorkflowSchedulerSuspended', ErrorCode: 'CardJam' });
    h.clock.now = new Date('2026-03-02T09:20:00.000Z');
    const downtime = h.figures.downtime(EARLY);
    expect(downtime.stands).toEqual([{ machineId: 'm1', kind: 'suspended', cause: 'CardJam', from: '2026-03-02T09:00:00.000Z', seconds: 20 * MIN }]);
    expect(downtime.causes[0]?.meanSecondsToResume).toBeNull();
    expect(downtime.machines[0]).toMatchObject({ runningSeconds: 240 * MIN, suspendedSeconds: 20 * MIN });
  });

  it('starts a range in the state the last message before it left the machine', async () => {
    h = startProduction();
    await h.aida('2026-03-02T04:00:00.000Z', { MachineName: 'm1', MessageType: 'WorkflowSchedulerStopped', StopReason: 'WebhooksServerUnreachable' });
    await h.aida('2026-03-02T06:00:00.000Z', { MachineName: 'm1', MessageType: 'WorkflowSchedulerStarted' });
    const downtime = h.figures.downtime(EARLY);
    // The stand began before the range: its time in the range is an hour, its time to resume two.
    expect(downtime.stands).toEqual([
      { machineId: 'm1', kind: 'stopped', cause: 'WebhooksServerUnreachable', from: '2026-03-02T04:00:00.000Z', to: '2026-03-02T06:00:00.000Z', seconds: 60 * MIN },
    ]);
    expect(downtime.causes[0]?.meanSecondsToResume).toBe(120 * MIN);
    // A stop for a fault counts against availability.
    expect(downtime.machines[0]?.availability).toBeCloseTo((420 * MIN) / (480 * MIN));
    expect(h.figures.series(EARLY).downtimeByCause).toEqual([{ cause: 'WebhooksServerUnreachable', seconds: 60 * MIN, count: 1 }]);
  });
});
