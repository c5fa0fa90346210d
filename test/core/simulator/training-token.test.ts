import { afterEach, describe, expect, it } from 'vitest';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const TOKEN = 'training/floor token 0123456789';

describe('training mode with webhook.token set', () => {
  it('has the simulators carry the token, so their webhooks are received, not refused', async () => {
    core = await startTestConsole(testConfig({ training: { speed: 1000, seed: 'token-test', scenario: 'normal-batch' }, webhook: { token: TOKEN } }));
    const sim = core.simulator;
    if (!sim) throw new Error('training mode expected');
    await core.handlers.startIssuance({ machineId: 'training', stopAfter: 2 });
    await expect.poll(() => sim.webhooks.some((w) => w.body.messageType === 'WorkflowSchedulerStopped'), { timeout: 5000 }).toBe(true);
    expect(sim.webhooks.map((w) => w.outcome.kind).filter((k) => k !== 'acknowledged')).toEqual([]);
    const rejected = await core.handlers.listDeliveries({ outcome: 'rejected', offset: 0, limit: 10 });
    expect(rejected.ok && rejected.value.total).toBe(0);
    const jobs = await core.handlers.listJobs({ machineId: 'training', offset: 0, limit: 10 });
    expect(jobs.ok && jobs.value.rows.map((j) => j.status)).toEqual(['Completed', 'Completed']);
  });

  it('still refuses a sender on this computer without the token', async () => {
    core = await startTestConsole(testConfig({ training: { speed: 1000, seed: 'token-test-2' }, webhook: { token: TOKEN } }));
    const res = await core.post({ messageType: 'HealthCheck' });
    expect(res.status).toBe(401);
  });
});
