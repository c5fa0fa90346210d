import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AidaSimulator } from '../../../electron/core/simulator/aida-simulator';
import { COMMON_PROPERTIES_CAMEL } from '../../fixtures/aida/seed';
import { api, startReceiver, startSimulator, WS, type Body, type Receiver } from './receiver';

const open: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) await o.stop();
});

async function started(options: Parameters<typeof startSimulator>[1]): Promise<{ r: Receiver; s: AidaSimulator }> {
  const r = await startReceiver();
  const s = await startSimulator(r, options);
  open.push({ stop: () => r.close() }, s);
  return { r, s };
}

/** An OCR run with one approval and one rejection: a sequence with signals in it. */
async function ocrRun(seed: string): Promise<Body[]> {
  const { r, s } = await started({ scenario: 'ocr-review', seed });
  await api(s, 'POST', `${WS}/start`, { stopAfter: 3, metadataFields: { lot: 'A' } });
  await s.settled();
  const reads = r.bodies.filter((b) => b['messageType'] === 'OcrExecuted');
  await api(s, 'POST', `${WS}/workflows/signal/external-process-completed`, { workflowInstanceId: reads[0]?.['workflowInstanceId'], outcome: 'Completed' });
  await s.settled();
  await api(s, 'POST', `${WS}/workflows/signal/external-process-completed`, { workflowInstanceId: reads[1]?.['workflowInstanceId'], outcome: 'Faulted' });
  await s.settled();
  return r.bodies;
}

describe('a deterministic machine', () => {
  it('sends byte-identical messages, ids included, for the same seed and the same actions', async () => {
    const first = await ocrRun('seed-1');
    const second = await ocrRun('seed-1');
    expect(first.length).toBeGreaterThan(5);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const other = await ocrRun('seed-2');
    expect(other.map((b) => b['messageType'])).toEqual(first.map((b) => b['messageType']));
    expect(other[0]?.['messageId']).not.toBe(first[0]?.['messageId']);
  });

  it('serialises every message with all of WorkflowMessage\'s properties, in camelCase, with a unique MessageId', async () => {
    const bodies = await ocrRun('shape');
    for (const b of bodies) {
      expect(Object.keys(b)).toEqual(expect.arrayContaining([...COMMON_PROPERTIES_CAMEL]));
      expect(Object.keys(b).every((k) => /^[a-z]/.test(k))).toBe(true);
      expect(b['messageId']).toMatch(/^[0-9a-f]{32}$/);
      expect(b['discriminator']).toMatch(/^IXLA\.Box\.Services\.Workflow\.Messaging\.Signals\.\w+Message$/);
      expect(b['additionalMetadata']).toEqual({ lot: 'A' });
    }
    expect(new Set(bodies.map((b) => b['messageId'])).size).toBe(bodies.length);
    const started = bodies.find((b) => b['messageType'] === 'WorkflowStarted');
    expect(started?.['workflowInstanceId']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps numbering across restarts with a state file, so a console never sees an id twice', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'sim-state-')), 'sim.json');
    const run = async () => {
      const { r, s } = await started({ scenario: 'normal-batch', stateFile, seed: 'SIM-0001' });
      await api(s, 'POST', `${WS}/start`, { stopAfter: 2 });
      await s.settled();
      await s.stop();
      return r.bodies;
    };
    const before = await run();
    const after = await run();
    const jobIds = (bodies: Body[]) => [...new Set(bodies.map((b) => b['jobId']).filter(Boolean))];
    expect(jobIds(before)).toEqual(['1', '2']);
    expect(jobIds(after)).toEqual(['101', '102']);
    const seen = new Set(before.map((b) => b['messageId']));
    expect(after.some((b) => seen.has(b['messageId']))).toBe(false);
    expect(after[1]?.['batchId']).not.toBe(before[1]?.['batchId']);
  });
});
