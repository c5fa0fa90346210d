import { afterEach, describe, expect, it, vi } from 'vitest';
import { feederEmptySuspended, pascalMessage } from '../fixtures/aida';
import { FakeTray, fake } from './fake-electron';
import { closeShell, launchShell, launchWithAida, until } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

afterEach(closeShell);

const held = () => [...fake.powerSaveBlocker.held.values()];

describe('the display is kept awake while the floor needs it', () => {
  it('lets the display sleep while nothing is issuing and no alert is open', async () => {
    await launchShell();
    // Training mode's simulated machine starts stopped: a quiet floor.
    await until(() => FakeTray.all[0]?.tooltip.includes('stopped') ?? false);
    expect(held()).toEqual([]);
  });

  it('holds it on while the machine issues and while its alert is open; lets it go once the machine stopped cleanly', async () => {
    const { post } = await launchWithAida();
    expect(held()).toEqual([]);
    expect((await post(pascalMessage('WorkflowSchedulerStarted'))).status).toBe(200);
    await until(() => held().length > 0);
    expect(held()).toEqual(['prevent-display-sleep']);

    // Suspended on an empty feeder: no longer issuing, but the alert is open: still on, and still one blocker.
    expect((await post(feederEmptySuspended())).status).toBe(200);
    await until(() => FakeTray.all[0]?.tooltip.includes('ALERT') ?? false);
    expect(held()).toEqual(['prevent-display-sleep']);
    expect(fake.powerSaveBlocker.history).toEqual(['start prevent-display-sleep']);

    // Resumed and then stopped by the operator at the machine: the alert closes with the machine's report.
    expect((await post(pascalMessage('WorkflowSchedulerResumed'))).status).toBe(200);
    expect((await post(pascalMessage('WorkflowSchedulerStopped'))).status).toBe(200);
    await until(() => held().length === 0);
    expect(fake.powerSaveBlocker.history).toEqual(['start prevent-display-sleep', 'stop prevent-display-sleep']);
  });
});
