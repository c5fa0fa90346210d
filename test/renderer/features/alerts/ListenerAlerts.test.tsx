import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ListenerAlerts } from '../../../../renderer/src/features/alerts/ListenerAlerts';
import { renderWithConsole } from './fixtures';

afterEach(cleanup);

const PORT_TAKEN = {
  id: 'webhook-listener',
  title: 'Webhooks cannot be received',
  text: 'The webhook listener could not open 0.0.0.0 port 4567: another program (or another console) already uses that port.',
  action: 'Free the port, or set webhook.port to another, then restart the console.',
};

describe('alerts about the webhook listener', () => {
  it('says on every screen that webhooks do not arrive, why, and what to do, with nothing to acknowledge it away', async () => {
    await renderWithConsole(<ListenerAlerts />, { listenerAlerts: [PORT_TAKEN] });
    const alert = screen.getByRole('alert', { name: 'Webhooks not received' });
    expect(within(alert).getByText('Webhooks cannot be received.')).toBeTruthy();
    expect(alert.textContent).toContain('already uses that port');
    expect(alert.textContent).toContain('What to do: Free the port');
    expect(within(alert).queryAllByRole('button')).toEqual([]);
  });

  it('shows nothing when every listener opened', async () => {
    await renderWithConsole(<ListenerAlerts />, {});
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
