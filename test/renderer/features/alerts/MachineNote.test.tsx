import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertsArea } from '../../../../renderer/src/features/alerts/AlertsArea';
import { alert, machine, renderWithConsole } from './fixtures';

afterEach(cleanup);

const AT = '2025-01-01T10:00:00.000Z';
const interlock = alert({ code: 'OpenInterlock', title: 'Interlock open', text: 'An interlock (cover or door) is open.', action: 'Close every cover and door of the machine.' });

describe('a suspension alert and the machine\'s own status (AIDA 1.6 machine/status)', () => {
  it('says what the machine reports now, beside what to do, and still waits for Resume', async () => {
    const note = 'The machine reports every cover and door closed now: press Resume.';
    await renderWithConsole(<AlertsArea />, {
      machines: [machine({ scheduler: 'suspended', suspension: { code: 'OpenInterlock', since: AT, resumable: true, machineNote: { code: 'aida:machineNote.coverClosed' } } })],
      alerts: [interlock],
    });
    const box = screen.getByRole('alert', { name: /Interlock open/ });
    expect(box.textContent).toContain(`→ ${note}`);
    expect(screen.getByRole('button', { name: /Resume/ })).toBeTruthy();
  });

  it('says nothing of the kind where the machine reported nothing', async () => {
    await renderWithConsole(<AlertsArea />, {
      machines: [machine({ scheduler: 'suspended', suspension: { code: 'OpenInterlock', since: AT, resumable: true } })],
      alerts: [interlock],
    });
    expect(screen.getByRole('alert', { name: /Interlock open/ }).textContent).not.toContain('→');
  });
});
