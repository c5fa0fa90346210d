import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { MachinePanel } from '../../../../renderer/src/features/machines/MachinePanel';
import type { MachineSessions } from '../../../../shared/api/health';
import type { MachineView } from '../../../../shared/api/views';
import { createFakeClient, snapshot } from '../../helpers/fake-client';
import { machine } from '../../helpers/machines';
import { renderWithStore } from '../../helpers/render';

afterEach(() => {
  cleanup();
});

const HEALTH: NonNullable<MachineView['health']> = {
  at: '2025-03-01T10:00:00.000Z',
  systemStatus: 'Warning',
  systemErrors: ['CartridgeLow'],
  interlocks: [{ name: 'Front cover', open: true }],
  feeders: [
    { name: 'Input 1', status: 'Ready' },
    { name: 'Input 2', status: 'FeederEmpty' },
  ],
  warnings: [
    { code: 'OpenInterlock', level: 'now' },
    { code: 'CartridgeLow', level: 'ahead' },
    { code: 'FeederEmpty', level: 'ahead', subject: 'Input 2' },
  ],
  offers: { systemStatus: true, machineStatus: true },
};

const SESSIONS: MachineSessions = {
  machineId: 'm1',
  at: '2025-03-01T10:00:00.000Z',
  state: 'read',
  sessions: [
    {
      id: 's2',
      jobTemplateName: 'Passport',
      start: '2025-03-01T09:00:00.000Z',
      machine: { completed: 12, faulted: 1, cardsPerHour: 120 },
      console: { completed: 9, faulted: 1 },
      difference: { completed: 3, faulted: 0 },
    },
    {
      id: 's1',
      start: '2025-03-01T08:00:00.000Z',
      end: '2025-03-01T08:30:00.000Z',
      machine: { completed: 5, faulted: 0 },
      console: { completed: 5, faulted: 0 },
      difference: { completed: 0, faulted: 0 },
    },
  ],
};

async function show(view: MachineView) {
  const client = createFakeClient({
    getSnapshot: () => snapshot({ machines: [view] }),
    listJobs: () => ({ ok: true, value: { rows: [], total: 0, offset: 0 } }),
    machineSessions: () => ({ ok: true, value: SESSIONS }),
  });
  renderWithStore(<MachinePanel />, client);
  act(() => client.connect());
  await screen.findByRole('article', { name: view.label });
}

describe('the machine panel\'s health section', () => {
  it('says in words what stops issuance now and what will stop it, each with its level, and what each part reports', async () => {
    await show(machine('m1', { label: 'Line 1', health: HEALTH }));
    const health = screen.getByRole('region', { name: 'Machine health' });
    const items = within(health).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      '■ Stops issuance: A cover or door is open.',
      '▲ Before a stop: The cartridge is running low: have a new one ready.',
      '▲ Before a stop: Input 2 is empty; the other feeder still feeds. Load cards before it runs out.',
    ]);
    expect(health.textContent).toContain('Front cover: OPEN');
    expect(health.textContent).toContain('Input 1: cards ready · Input 2: EMPTY');
    // Transport and laser were not in the machine's answer: said so, not guessed.
    expect(within(health).getAllByText('not reported')).toHaveLength(2);
  });

  it('compares the machine\'s sessions with the console\'s counts on request, and flags the difference in a sentence', async () => {
    await show(machine('m1', { label: 'Line 1', kind: 'box', health: HEALTH }));
    fireEvent.click(screen.getByRole('button', { name: 'Compare with the machine' }));
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('The machine counted 3 more completed jobs than the console received: messages may be missing.');
    expect(rows[2]?.textContent).toContain('Same count');
  });
});
