import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../../../../shared/api/records';
import type { JobView } from '../../../../shared/api/views';
import { JobList } from '../../../../renderer/src/features/jobs/JobList';
import { createFakeClient, snapshot } from '../../helpers/fake-client';
import { job, jobQueue, largeQueue } from '../../helpers/jobs';
import { machine } from '../../helpers/machines';
import { giveHeight, renderWithStore } from '../../helpers/render';

const MACHINES = [machine('aida-1', { label: 'AIDA line 1' }), machine('aida-2', { label: 'AIDA line 2' })];

let undoHeight: () => void;
beforeEach(() => {
  // A screen tall enough for ten rows.
  undoHeight = giveHeight('job-scroll', 760);
});
afterEach(() => {
  cleanup();
  undoHeight();
  vi.useRealTimers();
});

function start(jobs: JobView[], timelines: Record<string, TimelineEntry[]> = {}) {
  const queue = jobQueue(jobs, timelines);
  const client = createFakeClient({
    getSnapshot: () => snapshot({ machines: MACHINES }),
    listJobs: (q) => queue.listJobs(q),
    getJobDetail: (p) => queue.getJobDetail(p),
  });
  const rendered = renderWithStore(<JobList />, client);
  act(() => client.connect());
  return { client, ...rendered };
}

const rowOf = (container: HTMLElement, jobId: string) => {
  const row = container.querySelector<HTMLElement>(`[role="row"][data-job-id="${jobId}"]`);
  if (!row) throw new Error(`no row for job ${jobId}`);
  return row;
};

describe('the job queue', () => {
  it('holds 100,000 jobs as a few pages: only rows on screen are drawn, pages are fetched as the list scrolls', async () => {
    const queue = largeQueue(100_000);
    const client = createFakeClient({ getSnapshot: () => snapshot({ machines: MACHINES }), listJobs: (q) => queue.listJobs(q) });
    const { container } = renderWithStore(<JobList />, client);
    act(() => client.connect());

    await screen.findByText('J100000');
    expect(screen.getByRole('status')).toHaveProperty('textContent', '100,000 jobs, newest first');
    expect(screen.getAllByRole('row').length).toBeLessThan(30);
    expect(client.callsTo('listJobs').map((q) => q.offset)).toEqual([0]);

    const scroller = container.querySelector<HTMLElement>('.job-scroll');
    if (!scroller) throw new Error('no scroll area');
    scroller.scrollTop = 50_000 * 76;
    fireEvent.scroll(scroller);
    await screen.findByText('J050000');

    const asked = client.callsTo('listJobs');
    expect(asked.every((q) => (q.limit ?? 0) <= 100 && q.groupCancelled === true)).toBe(true);
    // The page on screen and the one just above it: never the whole queue.
    expect(new Set(asked.map((q) => q.offset))).toEqual(new Set([0, 49_900, 50_000]));
    expect(screen.getAllByRole('row').length).toBeLessThan(30);
  });

  it('searches by job id, correlation id or batch in the field labelled "Search jobs"', async () => {
    const jobs = [job('40'), job('41', { batchId: 'BATCH-9' }), job('42')];
    const { client, container } = start(jobs);
    await screen.findByText('CORR-40');

    fireEvent.change(screen.getByLabelText('Search jobs'), { target: { value: 'corr-42' } });
    expect(screen.getByLabelText<HTMLInputElement>('Search jobs').value).toBe('corr-42');
    await waitFor(() => expect(container.querySelector('[data-job-id="40"]')).toBeNull());
    expect(rowOf(container, '42')).toBeTruthy();
    expect(client.callsTo('listJobs').at(-1)).toMatchObject({ search: 'corr-42', offset: 0, groupCancelled: true });
    expect(screen.getByRole('status').textContent).toBe('1 job match, newest first');

    fireEvent.change(screen.getByLabelText('Search jobs'), { target: { value: 'BATCH-9' } });
    await waitFor(() => expect(container.querySelector('[data-job-id="42"]')).toBeNull());
    expect(rowOf(container, '41')).toBeTruthy();
  });

  it('filters by status, machine and batch, and clears the filters', async () => {
    const jobs = [
      job('40', { status: 'Faulted', errorCode: 'CardJam', errorText: 'A card jammed while being moved.' }),
      job('41', { machineId: 'aida-2', batchId: 'BATCH-8' }),
      job('42', { status: 'Completed' }),
    ];
    const { client, container } = start(jobs);
    await screen.findByText('CORR-42');

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'Faulted' } });
    await waitFor(() => expect(container.querySelector('[data-job-id="42"]')).toBeNull());
    expect(rowOf(container, '40')).toBeTruthy();
    expect(client.callsTo('listJobs').at(-1)).toMatchObject({ status: 'Faulted' });

    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Machine'), { target: { value: 'aida-2' } });
    await waitFor(() => expect(container.querySelector('[data-job-id="40"]')).toBeNull());
    expect(within(rowOf(container, '41')).getByText('AIDA line 2')).toBeTruthy();
    expect(client.callsTo('listJobs').at(-1)).toMatchObject({ machineId: 'aida-2' });
    expect(client.callsTo('listJobs').at(-1)).not.toHaveProperty('status');

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('CORR-40');
    fireEvent.change(screen.getByLabelText('Batch'), { target: { value: 'BATCH-8' } });
    await waitFor(() => expect(container.querySelector('[data-job-id="40"]')).toBeNull());
    expect(client.callsTo('listJobs').at(-1)).toMatchObject({ batchId: 'BATCH-8' });
  });

  it('groups the jobs a critical error cancelled under the job that caused it', async () => {
    const jobs = [
      job('46', { status: 'Cancelled', errorCode: 'CancelledOnStartup', sourceJobInstanceId: 'wf-43' }),
      job('45', { status: 'Cancelled', errorCode: 'CancelledOnStartup', sourceJobInstanceId: 'wf-43' }),
      job('44', { status: 'Cancelled', errorCode: 'CancelledOnStartup', sourceJobInstanceId: 'wf-43' }),
      job('43', { status: 'Faulted', errorCode: 'CardJam', errorText: 'A card jammed while being moved.', documentProduced: true }),
      job('42', { status: 'Completed' }),
    ];
    const { client, container } = start(jobs);
    await screen.findByText('CORR-43');
    // The cancelled jobs are not among the others…
    expect(container.querySelector('[data-job-id="44"]')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('2 jobs, newest first');

    // …but under their source job, on demand.
    const toggle = within(rowOf(container, '43')).getByRole('button', { name: '3 jobs cancelled by this error' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    await screen.findByText('CORR-44');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(client.callsTo('getJobDetail')).toEqual([{ machineId: 'aida-1', key: '43' }]);
    const group = screen.getByLabelText('Jobs cancelled by job 43');
    expect(within(group).getAllByRole('row')).toHaveLength(3);
    expect(within(rowOf(container, '45')).getByText('Cancelled by job 43')).toBeTruthy();

    fireEvent.click(toggle);
    await waitFor(() => expect(container.querySelector('[data-job-id="44"]')).toBeNull());
  });

  it('says in words whether a card exists on faulted and cancelled jobs, and what went wrong', async () => {
    const jobs = [
      job('50', {
        status: 'Faulted',
        errorCode: 'ChipPersonalizationFailed',
        errorText: 'Chip personalisation failed.',
        documentProduced: true,
        destructiveOperationExecuted: true,
      }),
      job('51', { status: 'Cancelled', errorCode: 'ManualStop', documentProduced: false, destructiveOperationExecuted: false }),
      job('52', { status: 'Faulted', errorCode: 'SomethingNew', errorText: 'Unknown value "SomethingNew".' }),
      job('53', { status: 'Completed', documentProduced: true, destructiveOperationExecuted: true }),
    ];
    const { container } = start(jobs);
    await screen.findByText('CORR-50');

    const faulted = rowOf(container, '50');
    expect(faulted.textContent).toContain('Faulted');
    expect(faulted.textContent).toContain('✕');
    expect(faulted.textContent).toContain('Chip personalisation failed.');
    expect(faulted.textContent).toContain('Card produced: yes');
    expect(faulted.textContent).toContain('Destructive operation: yes');

    const cancelled = rowOf(container, '51');
    expect(cancelled.textContent).toContain('Card produced: no');
    expect(cancelled.textContent).toContain('Destructive operation: no');

    // The machine did not say: the console does not guess.
    const unsaid = rowOf(container, '52');
    expect(unsaid.textContent).toContain('Card produced: not reported');
    expect(unsaid.textContent).toContain('Unknown value "SomethingNew".');

    expect(rowOf(container, '53').textContent).not.toContain('Card produced');
  });

  it('marks a job whose applicant failed identity verification, and names a printer job\'s system', async () => {
    const jobs = [
      job('60', { verification: { processId: 'p-1', outcome: 'failed', result: 'invalid_identity', text: 'Identity not confirmed (invalid_identity)' } }),
      job('61', { verification: { processId: 'p-2', outcome: 'passed', result: 'ok', text: 'Identity confirmed' } }),
      job('62', { source: 'rapidadmin', machineId: 'rapidadmin' }),
    ];
    const { container } = start(jobs);
    await screen.findByText('CORR-60');
    expect(rowOf(container, '60').textContent).toContain('Applicant: Identity not confirmed (invalid_identity)');
    expect(rowOf(container, '61').textContent).not.toContain('Applicant');
    expect(rowOf(container, '62').textContent).toContain('RapIDadmin printer');
  });

  it('counts the time in state while the row is on screen', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:03:05.000Z'));
    const { container } = start([job('60', { stateSince: '2025-03-01T10:00:00.000Z' })]);
    await screen.findByText('CORR-60');
    expect(rowOf(container, '60').textContent).toContain('3 min 05 s');
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(rowOf(container, '60').textContent).toContain('3 min 07 s');
  });

  it('follows the core without reading pages again: a new job on top and counted, a changed job in its row', async () => {
    const jobs = [job('71'), job('70')];
    const { client, container } = start(jobs);
    await screen.findByText('CORR-71');
    expect(screen.getByRole('status').textContent).toBe('2 jobs, newest first');
    const before = client.callsTo('listJobs').length;

    act(() => {
      client.emit({ type: 'jobs', jobs: [job('72', { firstSeen: 3 }), job('70', { firstSeen: 1, status: 'Faulted', errorCode: 'CardJam', errorText: 'A card jammed.' })] });
    });
    expect(rowOf(container, '72').getAttribute('aria-rowindex')).toBe('2');
    expect(rowOf(container, '70').getAttribute('aria-rowindex')).toBe('4');
    expect(rowOf(container, '70').textContent).toContain('A card jammed.');
    expect(screen.getByRole('status').textContent).toBe('3 jobs, newest first');
    // A job another filter shows is not put on this list.
    fireEvent.change(screen.getByLabelText('Machine'), { target: { value: 'aida-1' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 jobs match, newest first'));
    const afterFilter = client.callsTo('listJobs').length;
    act(() => {
      client.emit({ type: 'jobs', jobs: [job('73', { firstSeen: 4, machineId: 'aida-2' })] });
    });
    expect(container.querySelector('[data-job-id="73"]')).toBeNull();
    expect(client.callsTo('listJobs').length).toBe(afterFilter);
    expect(afterFilter - before).toBe(1);
  });

  it('reaches the last of a million jobs by the scroll bar, whose height stays under the layout limit', async () => {
    const queue = largeQueue(1_000_000);
    const client = createFakeClient({ getSnapshot: () => snapshot({ machines: MACHINES }), listJobs: (q) => queue.listJobs(q) });
    const { container } = renderWithStore(<JobList />, client);
    act(() => client.connect());
    await screen.findByText('J1000000');

    const scroller = container.querySelector<HTMLElement>('.job-scroll');
    const spacer = scroller?.firstElementChild as HTMLElement | null;
    if (!scroller || !spacer) throw new Error('no scroll area');
    expect(parseFloat(spacer.style.height)).toBeLessThanOrEqual(8_000_000);
    scroller.scrollTop = parseFloat(spacer.style.height) - 760;
    fireEvent.scroll(scroller);
    await screen.findByText('J000001');
    expect(rowOf(container, 'J000001').getAttribute('aria-rowindex')).toBe(String(1_000_000 + 1));
    // Only the pages at the end were asked for, not the ones the bar passed over.
    expect(client.callsTo('listJobs').map((q) => q.offset)).toEqual([0, 999_900]);
  });

  it('says "10,000+" when a search matches more jobs than the core counts', async () => {
    const queue = largeQueue(50_000);
    const client = createFakeClient({
      getSnapshot: () => snapshot({ machines: MACHINES }),
      listJobs: (q) => {
        const page = queue.listJobs(q);
        return page.ok && q.search ? { ok: true, value: { ...page.value, total: 10_000, capped: true } } : page;
      },
    });
    renderWithStore(<JobList />, client);
    act(() => client.connect());
    await screen.findByText('J050000');
    fireEvent.change(screen.getByLabelText('Search jobs'), { target: { value: 'corr' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('10,000+ jobs match, newest first (the newest 10,000 listed)'));
  });

  it('opens a job: its facts, the timeline of every message, and each raw JSON body', async () => {
    const raw = '{"MessageType":"WorkflowFaulted","JobId":"43","ErrorCode":"CardJam","DocumentProduced":true}';
    const timeline: TimelineEntry[] = [
      { seq: 1, type: 'WorkflowStarted', receivedAt: '2025-03-01T10:00:00.000Z', message: { jobStatus: 'Running' }, raw: '{"MessageType":"WorkflowStarted"}' },
      { seq: 2, type: 'WorkflowFaulted', receivedAt: '2025-03-01T10:00:05.000Z', message: { jobStatus: 'Faulted', errorCode: 'CardJam' }, raw },
      { seq: 3, type: 'Reconciled', receivedAt: '2025-03-01T10:01:00.000Z', message: { note: 'from the API' } },
    ];
    const source = job('43', { status: 'Faulted', errorCode: 'CardJam', errorText: 'A card jammed while being moved.', documentProduced: true });
    const { client } = start([source], { '43': timeline });
    await screen.findByText('CORR-43');

    fireEvent.click(screen.getByRole('button', { name: /^43/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Job 43' });
    await within(dialog).findByText('WorkflowFaulted');
    expect(client.callsTo('getJobDetail')).toEqual([{ machineId: 'aida-1', key: '43' }]);
    expect(dialog.textContent).toContain('A card jammed while being moved. (CardJam)');
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(3);

    const faulted = within(dialog).getByText('WorkflowFaulted').closest('li');
    if (!faulted) throw new Error('no timeline entry');
    fireEvent.click(within(faulted).getByRole('button', { name: 'Show raw JSON' }));
    expect(within(faulted).getByLabelText('Raw JSON of the WorkflowFaulted message').textContent).toBe(raw);

    // A message the console recorded itself has no webhook body: the message it acted on is shown, and said so.
    const reconciled = within(dialog).getByText('Reconciled').closest('li');
    if (!reconciled) throw new Error('no timeline entry');
    fireEvent.click(within(reconciled).getByRole('button', { name: 'Show raw JSON' }));
    expect(reconciled.textContent).toContain('Recorded by the console itself');

    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('lists a job cancelled by a job this console never saw on its own, and says so', async () => {
    const { container } = start([job('61', { status: 'Cancelled', sourceJobInstanceId: '1234' }), job('60', { status: 'Completed' })]);
    await screen.findByText('CORR-61');
    expect(rowOf(container, '61').textContent).toContain('Cancelled by job instance 1234 (not seen by this console)');
  });

  it('shows a job run twice at its latest attempt, and lists both attempts in its detail', async () => {
    const attempts = [
      { workflowInstanceId: 'wf-70-a', status: 'Faulted', errorCode: 'CardJam', errorText: 'A card jammed.', lastMessageType: 'WorkflowFaulted', stateSince: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T10:00:00.000Z', destructiveOperationExecuted: true },
      { workflowInstanceId: 'wf-70-b', status: 'Completed', lastMessageType: 'WorkflowCompleted', stateSince: '2025-03-01T10:05:00.000Z', updatedAt: '2025-03-01T10:05:00.000Z', documentProduced: true },
    ];
    const { container } = start([job('70', { status: 'Completed', workflowInstanceId: 'wf-70-b', documentProduced: true, attempts })]);
    await screen.findByText('CORR-70');
    expect(rowOf(container, '70').textContent).toContain('Attempt 2');
    fireEvent.click(within(rowOf(container, '70')).getByRole('button', { name: /70/ }));
    const attemptsList = await screen.findByRole('heading', { name: /Run 2 times/ });
    const items = within(attemptsList.closest('section') as HTMLElement).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/Faulted.*wf-70-a.*A card jammed\./),
      expect.stringMatching(/Completed.*wf-70-b/),
    ]);
  });
});
