import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertsArea } from '../../../../renderer/src/features/alerts/AlertsArea';
import { alertTexts } from '../../../../shared/alerts/alert-texts';
import { translator } from '../../../../shared/i18n/translate';
import { alert, machine, renderWithConsole } from './fixtures';

afterEach(cleanup);

describe('the disk alert', () => {
  it('says in words and with its own sign that the disk is almost full, what happens then and what to do', async () => {
    const fields = { kind: 'disk-low', machineId: '', machineLabel: 'This console', detail: String(700 * 1024 * 1024) } as const;
    const disk = alert({ id: 9, code: undefined, priority: 'critical', cause: 'disk', ...fields, ...alertTexts(translator('en'), fields) });
    await renderWithConsole(<AlertsArea />, { machines: [machine()], alerts: [disk] });
    const box = screen.getByRole('alert', { name: "The console's disk is almost full" });
    // Critical, in a shape and a word as well as a colour.
    expect(box.querySelector('.priority-mark')?.textContent).toBe('◆ Critical');
    expect(box.textContent).toContain('Only 700 MB was free');
    expect(box.textContent).toContain('What to do: Tell IT now');
    expect(within(box).getByRole('button', { name: 'Acknowledge' })).toBeTruthy();
  });
});
