import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MachinePanel } from '../../../../renderer/src/features/machines/MachinePanel';
import type { MachineView } from '../../../../shared/api/views';
import { createFakeClient, snapshot } from '../../helpers/fake-client';
import { machine } from '../../helpers/machines';
import { renderWithStore } from '../../helpers/render';

const NOW = new Date('2025-03-01T10:00:30.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function show(machines: MachineView[]) {
  const client = createFakeClient({ getSnapshot: () => snapshot({ machines }), listJobs: () => ({ ok: true, value: { rows: [], total: 0, offset: 0 } }) });
  const rendered = renderWithStore(<MachinePanel />, client);
  act(() => client.connect());
  await screen.findByRole('article', { name: machines[0]?.label ?? '' });
  return { client, ...rendered };
}

const card = (label: string) => screen.getByRole('article', { name: label });

describe('the machine panel', () => {
  it('says what each scheduler does in icon and word: started, stopping, stopped with its reason, suspended with its code', async () => {
    await show([
      machine('m1', { label: 'Line 1', scheduler: 'running' }),
      machine('m2', { label: 'Line 2', scheduler: 'stopping' }),
      machine('m3', { label: 'Line 3', scheduler: 'stopped', stopReason: 'BatchCompleted' }),
      machine('m4', {
        label: 'Line 4',
        scheduler: 'suspended',
        suspension: { code: 'FeederEmpty', since: '2025-03-01T10:00:00.000Z', resumable: true },
      }),
      machine('m5', { label: 'Line 5', scheduler: 'unknown' }),
    ]);
    expect(card('Line 1').textContent).toContain('▶ Started');
    expect(card('Line 2').textContent).toContain('◼ Stopping');
    expect(card('Line 3').textContent).toContain('■ Stopped — BatchCompleted');
    expect(card('Line 3').textContent).toContain('The batch is complete.');
    expect(card('Line 4').textContent).toContain('‖ Suspended — FeederEmpty');
    expect(card('Line 4').textContent).toContain('The input feeder is empty.');
    expect(card('Line 5').textContent).toContain('No message yet');
  });

  it('shows the last message and health-check ping with their age, counting, and whether the API answers', async () => {
    await show([
      machine('m1', {
        label: 'Line 1',
        lastMessageAt: '2025-03-01T10:00:25.000Z',
        lastHealthCheckAt: '2025-03-01T10:00:00.000Z',
        apiReachable: true,
      }),
      machine('m2', { label: 'Line 2', apiReachable: false }),
      machine('m3', { label: 'Line 3' }),
    ]);
    const line1 = card('Line 1');
    expect(line1.textContent).toMatch(/Last message \d\d:\d\d:\d\d \(5 s ago\)/);
    expect(line1.textContent).toMatch(/Health check \d\d:\d\d:\d\d \(30 s ago\)/);
    expect(line1.textContent).toContain('✓ API answers');
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(line1.textContent).toContain('(8 s ago)');
    expect(line1.textContent).toContain('(33 s ago)');

    expect(card('Line 2').textContent).toContain('✕ API not answering');
    expect(card('Line 3').textContent).toContain('Nothing received yet');
    expect(card('Line 3').textContent).toContain('No health check yet');
    expect(card('Line 3').textContent).toContain('API not checked yet');
  });

  it('shows the metrics the machine reports, in words, unknown ones under their own name', async () => {
    await show([
      machine('m1', {
        label: 'Line 1',
        metrics: { faultedJobs: 1, runningJobs: 2, jobsPerHour: 120, uptimeSeconds: 7260, cardsEngraved: 340 },
      }),
    ]);
    const metrics = within(card('Line 1')).getByLabelText('Reported by the machine');
    const pairs = within(metrics)
      .getAllByRole('term')
      .map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(pairs).toEqual(['Jobs per hour: 120', 'Running: 2', 'Faulted: 1', 'Up for: 2 h 01 min', 'Cards engraved: 340']);
  });

  it('shows a metric whose unit no source states as sent, saying so, never converted', async () => {
    await show([machine('m1', { label: 'Line 1', metrics: { averageJobDuration: 5, frequency: 12 } })]);
    const metrics = within(card('Line 1')).getByLabelText('Reported by the machine');
    expect(metrics.textContent).toContain('Average job duration5 (unit not documented)');
    expect(metrics.textContent).toContain('Frequency12 (unit not documented)');
    expect(metrics.textContent).not.toMatch(/\d s\b/);
  });

  it('tells why the API does not serve the console: refused credentials or unreachable, in words', async () => {
    await show([
      machine('m1', { label: 'Line 1', apiReachable: true, api: { state: 'refused', detail: 'it asks for credentials (HTTP 401) and none are configured for this machine' } }),
      machine('m2', { label: 'Line 2', apiReachable: false, api: { state: 'unreachable', detail: 'ECONNREFUSED: cannot reach http://10.0.0.6:5000' } }),
      machine('m3', { label: 'Line 3', apiReachable: true, api: { state: 'answers' } }),
    ]);
    expect(card('Line 1').textContent).toContain('⚿ API refuses the console: it asks for credentials (HTTP 401) and none are configured for this machine');
    expect(card('Line 1').textContent).not.toContain('API answers');
    expect(card('Line 2').textContent).toContain('✕ API not answering: ECONNREFUSED');
    expect(card('Line 3').textContent).toContain('✓ API answers');
  });

  it('shows which AIDA it is and what was detected: variant, version, model, no token endpoint, 1.6 endpoints', async () => {
    await show([
      machine('m1', {
        label: 'Line 1',
        kind: 'desktop',
        api: { state: 'answers', noTokenEndpoint: true, offers16: false, version: '1.6.3+3edddb5', model: 'AIDA mini' },
      }),
      machine('m2', { label: 'Line 2', api: { state: 'answers', offers16: true, version: '1.6.3+3edddb5', model: 'ID5', serial: 'SN-1001' } }),
    ]);
    const about1 = within(card('Line 1')).getByLabelText('About its API');
    expect(about1.textContent).toContain('AIDA mini (desktop system) · version 1.6.3+3edddb5 · model AIDA mini');
    expect(about1.textContent).toContain('Detected: no token endpoint: calls are sent without a token; no AIDA 1.6 machine status');
    const about2 = within(card('Line 2')).getByLabelText('About its API');
    expect(about2.textContent).toContain('AIDA (box system) · version 1.6.3+3edddb5 · model ID5 · serial SN-1001');
    expect(about2.textContent).toContain('AIDA 1.6 endpoints offered (machine status)');
  });

  it('shows a scheduler in error with its codes in words and the machine\'s own details', async () => {
    await show([
      machine('m1', {
        label: 'Line 1',
        schedulerError: {
          errors: [{ code: 'JobTemplateDoesNotExists' }],
          details: 'Job template "Passport" not found',
          since: '2025-03-01T10:00:00.000Z',
        },
      }),
    ]);
    const box = within(card('Line 1')).getByRole('status', { name: 'Issuance in error' });
    expect(box.textContent).toContain('⚠ Issuance in error — JobTemplateDoesNotExists');
    expect(box.textContent).toContain('The job template named at start does not exist on the machine. Start again with a job template the machine has.');
    expect(box.textContent).toContain('The machine says: “Job template "Passport" not found”');
  });

  it('shows what the machine\'s own status says about a suspension, and its interlocks and feeders in words', async () => {
    await show([
      machine('m1', {
        label: 'Line 1',
        scheduler: 'suspended',
        suspension: {
          code: 'OpenInterlock',
          since: '2025-03-01T10:00:00.000Z',
          resumable: true,
          machineNote: { code: 'aida:machineNote.coverClosed' },
        },
        machineReport: { at: '2025-03-01T10:00:20.000Z', hasOpenInterlocks: false, allFeedersEmpty: false },
      }),
    ]);
    expect(card('Line 1').textContent).toContain('The machine reports every cover and door closed now: press Resume.');
    expect(card('Line 1').textContent).toMatch(/Machine reports covers and doors closed, cards in the feeder \(\d\d:\d\d:\d\d\)/);
  });

  it('follows the machines the core pushes', async () => {
    const { client } = await show([machine('m1', { label: 'Line 1', scheduler: 'running' })]);
    act(() => client.emit({ type: 'machines', machines: [machine('m1', { label: 'Line 1', scheduler: 'stopped', stopReason: 'ManualStop' })] }));
    expect(card('Line 1').textContent).toContain('Stopped on request.');
  });

  it('says the console cannot act on a machine it does not know', async () => {
    await show([machine('unknown', { label: 'Unknown machine', actionable: false, scheduler: 'running' })]);
    expect(card('Unknown machine').textContent).toContain('Not configured: the console cannot act on it.');
    expect(card('Unknown machine').textContent).not.toContain('API');
  });
});
