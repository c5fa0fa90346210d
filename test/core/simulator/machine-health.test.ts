import { afterEach, describe, expect, it } from 'vitest';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { CARTRIDGE_LOW_AFTER } from '../../../electron/core/simulator/machine-health';
import { api, startReceiver, startSimulator, WS, type Body, type Receiver } from './receiver';

/** What a simulated machine says about itself for issue 15: sessions, system status, feeders, the camera. */

let receivers: Receiver[] = [];
let sims: AidaSimulator[] = [];

afterEach(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  await Promise.all(receivers.map((r) => r.close()));
  sims = [];
  receivers = [];
});

async function simulator(options: Parameters<typeof startSimulator>[1] = {}) {
  const r = await startReceiver();
  const s = await startSimulator(r, options);
  receivers.push(r);
  sims.push(s);
  return { r, s };
}

const SESSIONS = '/aida/v1/personalizationsession/personalization-sessions';

describe('the simulated machine reports its own production and health', () => {
  it('counts each run as a personalization session, and counts a card whose completion message the network lost', async () => {
    const { r, s } = await simulator({ scenario: 'lost-message' });
    await api(s, 'POST', `${WS}/start`, { stopAfter: 4 });
    await s.settled();
    const completedSent = r.bodies.filter((b) => b['messageType'] === 'WorkflowCompleted').length;
    expect(completedSent).toBe(3);
    const sessions = (await api(s, 'GET', SESSIONS)).body as Body[];
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ jobsCompleted: 4, jobsFaulted: 0, cardsProcessed: 4 });
    expect(typeof sessions[0]?.['endTime']).toBe('string');
    // A second run is a second session, counted from zero.
    await api(s, 'POST', `${WS}/start`, { stopAfter: 2 });
    await s.settled();
    const two = (await api(s, 'GET', SESSIONS)).body as Body[];
    expect(two.map((x) => x['jobsCompleted'])).toEqual([4, 2]);
    expect((await api(s, 'GET', '/aida/v1/personalizationsession/personalization-session/last-30-days')).body).toEqual([
      { date: expect.stringMatching(/T00:00:00.000Z$/), count: 2 },
    ]);
  });

  it('reports the cartridge low once enough cards went through, and the second feeder empty while the first still feeds', async () => {
    const { s } = await simulator({ scenario: 'normal-batch' });
    expect((await api(s, 'GET', '/aida/v1/system/status')).body).toEqual({ status: 'Ready', errors: [] });
    await api(s, 'POST', `${WS}/start`, { stopAfter: CARTRIDGE_LOW_AFTER });
    await s.settled();
    expect((await api(s, 'GET', '/aida/v1/system/status')).body).toEqual({ status: 'Warning', errors: ['CartridgeLow'] });

    const { s: few } = await simulator({ scenario: 'feeder-empty', feederCapacity: 3 });
    await api(few, 'POST', `${WS}/start`, { stopAfter: 1 });
    await few.settled();
    const status = (await api(few, 'GET', '/aida/v1/machine/status')).body as { transport: { feeders: Body[] }; allFeedersEmpty: boolean };
    expect(status.transport.feeders).toEqual([
      { positionId: 'Input 1', status: 'Ready' },
      { positionId: 'Input 2', status: 'FeederEmpty' },
    ]);
    expect(status.allFeedersEmpty).toBe(false);
  });

  it('takes a PNG snapshot on the camera, also on an AIDA mini, which has no sessions and no machine/status', async () => {
    const { s } = await simulator({ scenario: 'card-jam-desktop' });
    const picture = await fetch(`${s.url}/aida/v1/scanner/camera/get-snapshot`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toMatch(/^image\/png/);
    expect([...new Uint8Array(await picture.arrayBuffer()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await api(s, 'GET', '/aida/v1/system/status')).status).toBe(200);
    expect((await api(s, 'GET', SESSIONS)).status).toBe(404);
    expect((await api(s, 'GET', '/aida/v1/machine/status')).status).toBe(404);
    const { s: old } = await simulator({ apiVersion: '1.0' });
    expect((await fetch(`${old.url}/aida/v1/scanner/camera/get-snapshot`)).status).toBe(404);
  });
});
