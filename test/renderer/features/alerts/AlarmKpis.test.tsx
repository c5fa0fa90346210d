import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlarmKpis as Kpis } from '../../../../shared/api/alerts';
import { fail, ok } from '../../../../shared/api/result';
import { alertTexts } from '../../../../shared/alerts/alert-texts';
import { translator } from '../../../../shared/i18n/translate';
import { AlarmKpis } from '../../../../renderer/src/features/alerts/AlarmKpis';
import { createFakeClient } from '../../helpers/fake-client';
import { machine, renderWithConsole } from './fixtures';

afterEach(cleanup);

const FIGURES: Kpis = {
  from: '2025-01-01T00:00:00.000Z',
  to: '2025-01-08T00:00:00.000Z',
  total: 1260,
  suppressed: 40,
  perHour: 7.5,
  rating: 'manageable',
  busiest10Minutes: { start: '2025-01-03T10:00:00.000Z', count: 14 },
  floodShare: 0.02,
  targets: { acceptablePerHour: 6, manageablePerHour: 12, floodPer10Minutes: 10 },
  standing: [{ id: 3, machineLabel: 'AIDA line 2', kind: 'silence', openedAt: '2024-12-30T08:00:00.000Z', hours: 30 }],
  chattering: [{ machineLabel: 'AIDA line 1', kind: 'suspension', code: 'FeederEmpty', count: 4, firstAt: '2025-01-02T09:00:00.000Z' }],
  topCauses: [
    { cause: 'feeder', count: 700, share: 0.5556 },
    { cause: 'machine-unreachable', count: 300, share: 0.2381 },
  ],
  topKinds: [{ kind: 'suspension', count: 700, share: 0.5556 }],
};

describe('the alarm figures in the alert history', () => {
  it('reads the rate against the ISA-18.2 targets in a word and a shape, and lists standing, chattering and the top causes', async () => {
    const client = createFakeClient();
    client.handle('alarmKpis', () => ok(FIGURES));
    await renderWithConsole(<AlarmKpis />, { machines: [machine()] }, client);
    await act(async () => undefined);
    const panel = screen.getByRole('region', { name: /Alarm figures/ });
    expect(panel.textContent).toContain('7.5 per hour');
    expect(panel.querySelector('.kpi-rating')?.textContent).toBe('▲ Manageable');
    expect(panel.textContent).toContain('ISA-18.2: up to 6 acceptable, up to 12 manageable');
    expect(panel.textContent).toContain('a flood is more than 10 in 10 minutes');
    expect(panel.textContent).toContain('Time in flood: 2 %');
    const silentTitle = alertTexts(translator('en'), { kind: 'silence', machineId: 'line-2', machineLabel: 'AIDA line 2' }).title;
    expect(panel.textContent).toContain(`${silentTitle} — AIDA line 2, open 30 h`);
    expect(panel.textContent).toContain('Feeder empty — AIDA line 1: 4 times from');
    expect([...panel.querySelectorAll('ol li')].map((li) => li.textContent)).toEqual(['Feeder: 700 (55.6 %)', 'Machine not answering: 300 (23.8 %)']);
  });

  it('says why when the figures cannot be read', async () => {
    const client = createFakeClient();
    client.handle('alarmKpis', () => fail('unavailable', 'the console is busy'));
    await renderWithConsole(<AlarmKpis />, { machines: [machine()] }, client);
    await act(async () => undefined);
    expect(screen.getByRole('alert').textContent).toBe('Could not read the alarm figures: the console is busy');
  });
});
