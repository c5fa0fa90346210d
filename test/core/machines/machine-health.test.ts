import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLayeredConfig } from '../../../electron/core/config/layered';
import type { ConfigFile } from '../../../electron/core/config/schema';
import { Settings } from '../../../electron/core/config/settings';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { CARTRIDGE_LOW_AFTER } from '../../../electron/core/simulator/machine-health';
import { alertTexts } from '../../../shared/alerts/alert-texts';
import { translator } from '../../../shared/i18n/translate';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { fakeKeychain, tempLocations } from '../config/helpers';

/**
 * Issue 15 through the real core and the simulator: the machine's health with its warnings before a stop, its own
 * session totals beside the console's counts, the camera's picture beside an OCR review, and an AIDA mini never asked
 * what its API does not offer.
 */

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

async function training(settings: NonNullable<ConfigFile['training']>, file: ConfigFile = {}) {
  core = await startTestConsole(testConfig({ ...file, training: { speed: 1000, seed: 'health-test', ...settings } }));
  return { c: core, sim: core.simulator as AidaSimulator };
}

/** Runs a batch of `cards` on the training machine to its end, then lets the console poll the machine. */
async function run(c: TestConsole, sim: AidaSimulator, cards: number) {
  await c.handlers.startIssuance({ machineId: 'training', stopAfter: cards });
  await expect.poll(() => sim.calls.some((x) => x.path.startsWith('/aida/v1/workflow-scheduler/start') && x.status !== undefined)).toBe(true);
  await sim.settled();
  await c.pollMachines();
}

async function machine(c: TestConsole) {
  const snap = await c.handlers.getSnapshot({});
  if (!snap.ok) throw new Error(snap.error.message);
  return snap.value.machines[0];
}

const keptSnapshots = (c: TestConsole) => {
  const db = new Database(join(c.config.dataDir, 'console.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM review_snapshots').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('machine health from the machine\'s own API', () => {
  it('warns before a stop: the cartridge running low while issuance still runs', async () => {
    const { c, sim } = await training({ scenario: 'normal-batch' });
    await c.pollMachines();
    expect((await machine(c))?.health).toMatchObject({ systemStatus: 'Ready', warnings: [], offers: { systemStatus: true, machineStatus: true } });
    await run(c, sim, CARTRIDGE_LOW_AFTER);
    const health = (await machine(c))?.health;
    expect(health?.warnings).toEqual([{ code: 'CartridgeLow', level: 'ahead' }]);
    expect(health).toMatchObject({ systemStatus: 'Warning', interlocks: [{ name: 'Front cover', open: false }] });
  });

  it('raises the warning as a low-priority alert a supervisor may shelve, in the viewer\'s words', async () => {
    const { c, sim } = await training({ scenario: 'normal-batch' });
    await run(c, sim, CARTRIDGE_LOW_AFTER);
    const event = await c.waitForEvent((e) => e.type === 'alerts' && e.active.some((a) => a.kind === 'machine-warning'));
    const alert = event.type === 'alerts' ? event.active.find((a) => a.kind === 'machine-warning') : undefined;
    expect(alert).toMatchObject({ code: 'CartridgeLow', priority: 'low', cause: 'supplies' });
    expect(alertTexts(translator('de'), alert ?? ({} as never))).toEqual({
      title: 'Training machine (simulator): handeln, bevor sie anhält',
      text: 'Die Kartusche wird knapp: eine neue bereitlegen.',
      action: 'Kümmern Sie sich darum, bevor die Linie anhält. Unter „Maschinenzustand“ steht, was die Maschine meldet.',
    });
    const shelved = await c.handlers.shelveAlert({ id: alert?.id ?? 0, minutes: 60, reason: 'new cartridge ordered' });
    expect(shelved.ok).toBe(true);

    // The trainee fits a new cartridge: the machine no longer warns, and the alert closes with that reason.
    const changed = await c.handlers.trainingAction({ machineId: 'training', action: 'change-cartridge' });
    expect(changed.ok && changed.value.machines[0]?.cartridgeLow).toBe(false);
    await c.pollMachines();
    const closed = await c.waitForEvent((e) => e.type === 'alerts' && !e.active.some((a) => a.kind === 'machine-warning'));
    expect(closed.type).toBe('alerts');
    const history = await c.handlers.listAlertHistory({ limit: 50 });
    const row = history.ok ? history.value.rows.find((a) => a.id === alert?.id) : undefined;
    expect(row).toMatchObject({ closedReasonCode: 'no-longer-reported' });
  });

  it('warns that one feeder is empty while the other still feeds, and reads both empty as stopping now', async () => {
    const { c, sim } = await training({ scenario: 'feeder-empty', feederCapacity: 3 });
    await run(c, sim, 1);
    const one = await machine(c);
    expect(one?.scheduler).toBe('stopped');
    expect(one?.health?.warnings).toEqual([{ code: 'FeederEmpty', level: 'ahead', subject: 'Input 2' }]);
    expect(one?.health?.feeders).toEqual([
      { name: 'Input 1', status: 'Ready' },
      { name: 'Input 2', status: 'FeederEmpty' },
    ]);
    await run(c, sim, 2);
    expect((await machine(c))?.health?.warnings).toEqual([{ code: 'FeederEmpty', level: 'now' }]);
  });
});

describe('the machine\'s session totals beside the console\'s counts', () => {
  it('flags the completed job the machine counted and the console never received', async () => {
    const { c, sim } = await training({ scenario: 'lost-message' });
    await run(c, sim, 4);
    const read = await c.handlers.machineSessions({ machineId: 'training' });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.state).toBe('read');
    expect(read.value.sessions).toHaveLength(1);
    expect(read.value.sessions[0]).toMatchObject({
      machine: { completed: 4, faulted: 0, cardsProcessed: 4 },
      console: { completed: 3, faulted: 0 },
      difference: { completed: 1, faulted: 0 },
    });
    expect(read.value.metrics).toMatchObject({ completedJobs: 4 });
    expect(read.value.days).toHaveLength(1);
  });

  it('shows the same counts where nothing was lost', async () => {
    const { c, sim } = await training({ scenario: 'normal-batch' });
    await run(c, sim, 3);
    const read = await c.handlers.machineSessions({ machineId: 'training' });
    expect(read.ok && read.value.sessions.map((s) => s.difference)).toEqual([{ completed: 0, faulted: 0 }]);
  });
});

describe('an AIDA mini', () => {
  it('is never asked for machine/status or sessions; its system status is read', async () => {
    const { c, sim } = await training({ scenario: 'card-jam-desktop' });
    await c.pollMachines();
    const read = await c.handlers.machineSessions({ machineId: 'training' });
    expect(read.ok && read.value.state).toBe('not-offered');
    const asked = new Set(sim.calls.map((x) => x.path.split('?')[0]));
    expect(asked.has('/aida/v1/machine/status')).toBe(false);
    expect([...asked].filter((p) => p?.startsWith('/aida/v1/personalizationsession'))).toEqual([]);
    expect(asked.has('/aida/v1/system/status')).toBe(true);
    expect((await machine(c))?.health?.offers).toEqual({ systemStatus: true, machineStatus: false });
  });
});

describe('the camera\'s picture beside an OCR review', () => {
  async function pendingOcr(c: TestConsole, sim: AidaSimulator) {
    await c.handlers.startIssuance({ machineId: 'training', stopAfter: 1 });
    const ocrReview = async () => {
      const snap = await c.handlers.getSnapshot({});
      return snap.ok ? snap.value.reviews.find((r) => r.kind === 'ocr' && r.state === 'pending')?.id : undefined;
    };
    await expect.poll(ocrReview).toBeDefined();
    await sim.settled();
    const id = await ocrReview();
    if (id === undefined) throw new Error('no OCR review');
    return id;
  }

  it('is fetched only on request, as a PNG data URL, and not stored by default', async () => {
    const { c, sim } = await training({ scenario: 'ocr-review' });
    const id = await pendingOcr(c, sim);
    expect(sim.calls.some((x) => x.path.startsWith('/aida/v1/scanner/camera'))).toBe(false);
    const picture = await c.handlers.reviewSnapshot({ reviewId: id });
    if (!picture.ok) throw new Error(picture.error.message);
    expect(picture.value.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(picture.value.stored).toBe(false);
    expect(sim.calls.filter((x) => x.path.startsWith('/aida/v1/scanner/camera/get-snapshot'))).toHaveLength(1);
    expect(keptSnapshots(c)).toBe(0);
  });

  it('is stored with the review when review.keepSnapshots is on', async () => {
    const { c, sim } = await training({ scenario: 'ocr-review' }, { review: { keepSnapshots: true } });
    const id = await pendingOcr(c, sim);
    const picture = await c.handlers.reviewSnapshot({ reviewId: id });
    expect(picture.ok && picture.value.stored).toBe(true);
    expect(keptSnapshots(c)).toBe(1);
  });

  it('is kept, or no longer kept, from the next picture on when the settings screen turns review.keepSnapshots on or off', async () => {
    const locations = tempLocations();
    const load = () => loadLayeredConfig([], { locations, fallbackDataDir: locations.dir, keychain: fakeKeychain });
    const config = testConfig({ training: { speed: 1000, seed: 'health-test', scenario: 'ocr-review' } });
    core = await startTestConsole(config, { settings: new Settings(load(), load, fakeKeychain) });
    const c = core;
    const id = await pendingOcr(c, c.simulator as AidaSimulator);
    const turnedOn = await c.handlers.setSetting({ key: 'review.keepSnapshots', value: true });
    const entry = turnedOn.ok ? turnedOn.value.entries.find((e) => e.key === 'review.keepSnapshots') : undefined;
    expect(entry).toMatchObject({ value: true, restartNeeded: false });
    expect(await c.handlers.reviewSnapshot({ reviewId: id })).toMatchObject({ ok: true, value: { stored: true } });
    expect(keptSnapshots(c)).toBe(1);
    await c.handlers.setSetting({ key: 'review.keepSnapshots', value: false });
    expect(await c.handlers.reviewSnapshot({ reviewId: id })).toMatchObject({ ok: true, value: { stored: false } });
    expect(keptSnapshots(c)).toBe(1);
  });

  it('is refused for a review that is not a read, or not waiting', async () => {
    const { c } = await training({ scenario: 'ocr-review' });
    const none = await c.handlers.reviewSnapshot({ reviewId: 999 });
    expect(!none.ok && none.error.code).toBe('not-found');
  });
});
