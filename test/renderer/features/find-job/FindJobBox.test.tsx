import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../shared/api/result';
import type { JobView } from '../../../../shared/api/views';
import { AlertsArea } from '../../../../renderer/src/features/alerts/AlertsArea';
import { FindJobBox } from '../../../../renderer/src/features/find-job/FindJobBox';
import { JobList } from '../../../../renderer/src/features/jobs/JobList';
import { useScanReceiver } from '../../../../renderer/src/features/keyboard/scan-route';
import { HOLD_MS } from '../../../../renderer/src/features/keyboard/use-floor-keys';
import { alert, command, renderWithConsole, suspendedMachine } from '../alerts/fixtures';
import { createFakeClient } from '../../helpers/fake-client';
import { job, jobQueue } from '../../helpers/jobs';
import { scanKeys } from '../../helpers/keys';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const JOBS: JobView[] = [
  job('40', { batchId: 'BATCH-R7S2-RS99' }),
  job('41', { batchId: 'BATCH-8' }),
  job('42', { batchId: 'BATCH-8' }),
  job('43', { batchId: 'BATCH-9', correlationId: 'CORR-XYZ' }),
];

/** The find-job box on a screen where one machine is suspended (R and S are live) and the job list is open. */
async function floor(extra?: React.ReactNode) {
  const queue = jobQueue(JOBS);
  const client = createFakeClient({ listJobs: (q) => queue.listJobs(q), getJobDetail: (p) => queue.getJobDetail(p) });
  client.handle('resume', () => ok(command()));
  client.handle('stop', () => ok(command({ kind: 'stop' })));
  const rendered = await renderWithConsole(
    <>
      <FindJobBox />
      <AlertsArea />
      <JobList />
      {extra}
    </>,
    { machines: [suspendedMachine('FeederEmpty')], alerts: [alert()] },
    client,
  );
  client.handle('listJobs', (q) => queue.listJobs(q));
  return rendered;
}

/** Lets the answers land and the hold timers run out, so that whatever a key could have started has happened. */
const settle = () => act(async () => vi.advanceTimersByTimeAsync(HOLD_MS * 3));

const box = () => screen.getByRole('search', { name: 'Find a job' });

describe('a scanner on the floor', () => {
  it('a scanned batch opens its job in the find-job box, and sends nothing to the machine', async () => {
    const { client } = await floor();
    scanKeys('BATCH-R7S2-RS99');
    await settle();
    expect(within(box()).getByRole('searchbox')).toHaveProperty('value', 'BATCH-R7S2-RS99');
    expect(screen.getByRole('dialog', { name: 'Job 40' })).toBeTruthy();
    expect(client.callsTo('getJobDetail')).toEqual([{ machineId: 'aida-1', key: '40' }]);
    expect(within(box()).getByRole('status').textContent).toBe('Opened job 40 (batch BATCH-R7S2-RS99).');
    expect(client.callsTo('resume')).toEqual([]);
    expect(client.callsTo('stop')).toEqual([]);
  });

  it('a scan without Enter is taken once its keys stop; a batch of several jobs is listed in the queue', async () => {
    const { client, store } = await floor();
    scanKeys('BATCH-8', { enter: false });
    await settle();
    expect(store.getState().jobFilter.batchId).toBe('BATCH-8');
    expect(store.getState().view).toBe('operate');
    expect(within(box()).getByRole('status').textContent).toContain('Batch BATCH-8: its jobs are listed');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.callsTo('stop')).toEqual([]);
  });

  it('a job id or correlation id, typed or scanned in other capitals, opens its job; an unknown code says so', async () => {
    await floor();
    fireEvent.change(within(box()).getByRole('searchbox'), { target: { value: ' corr-xyz ' } });
    fireEvent.submit(box());
    await settle();
    expect(screen.getByRole('dialog', { name: 'Job 43' })).toBeTruthy();
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: /Close/ }));

    scanKeys('NOPE-1234', { start: 50_000 });
    await settle();
    expect(within(box()).getByRole('status').textContent).toBe('No job or batch NOPE-1234 in this console.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a focused field keeps its keystrokes: a scan into it goes nowhere else', async () => {
    const { client } = await floor(<input aria-label="Supervisor note" />);
    const field = screen.getByLabelText('Supervisor note');
    field.focus();
    scanKeys('BATCH-R7S2-RS99', { target: field });
    await settle();
    expect(within(box()).getByRole('searchbox')).toHaveProperty('value', '');
    expect(client.callsTo('getJobDetail')).toEqual([]);
    expect(client.callsTo('resume')).toEqual([]);
  });

  it('a screen that takes scans itself gets them while it is up (the seam the sign-in screen will use)', async () => {
    const badges: string[] = [];
    function SignInStandIn() {
      useScanReceiver((code) => badges.push(code));
      return null;
    }
    const { client } = await floor();
    const signIn = render(<SignInStandIn />);
    scanKeys('BADGE-0042');
    await settle();
    expect(badges).toEqual(['BADGE-0042']);
    expect(within(box()).getByRole('searchbox')).toHaveProperty('value', '');

    signIn.unmount();
    scanKeys('BATCH-R7S2-RS99', { start: 60_000 });
    await settle();
    expect(badges).toEqual(['BADGE-0042']);
    expect(client.callsTo('getJobDetail')).toEqual([{ machineId: 'aida-1', key: '40' }]);
  });
});
