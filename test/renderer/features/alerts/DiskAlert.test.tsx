import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertsArea } from '../../../../renderer/src/features/alerts/AlertsArea';
import { alertTexts } from '../../../../electron/core/alerts/alert-texts';
import { alert, machine, renderWithConsole } from './fixtures';

afterEach(cleanup);

describe('the disk alert', () => {
  it('says in words and with its own sign that the disk is almost full, what happens then and what to do', async () => {
    const texts = alertTexts('disk-low', undefined, 'This console', String(700 * 1024 * 1024));
    const disk = alert({ id: 9, kind: 'disk-low', code: undefined, machineId: '', machineLabel: 'This console', ...texts });
    await renderWithConsole(<AlertsArea />, { machines: [machine()], alerts: [disk] });
    const box = screen.getByRole('alert', { name: "The console's disk is almost full" });
    expect(box.querySelector('.alert-state')?.textContent).toBe('Disk almost full');
    expect(box.querySelector('.alert-icon')?.textContent).toBe('⛁');
    expect(box.textContent).toContain('Only 700 MB was free');
    expect(box.textContent).toContain('What to do: Tell IT now');
    expect(within(box).getByRole('button', { name: 'Acknowledge' })).toBeTruthy();
  });
});
