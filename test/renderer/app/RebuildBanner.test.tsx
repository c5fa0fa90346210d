import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/App';
import { createFakeClient, snapshot } from '../helpers/fake-client';
import { renderWithStore } from '../helpers/render';

afterEach(cleanup);

describe('the rebuild banner', () => {
  it('says the job list is partial while the core rebuilds it, follows its progress, and reads everything again at the end', async () => {
    let rebuilding: { done: number; total: number } | undefined = { done: 1000, total: 8000 };
    const client = createFakeClient({ getSnapshot: () => snapshot(rebuilding ? { rebuilding } : {}) });
    renderWithStore(<App />, client);
    act(() => client.connect());
    const banner = () => screen.getByText(/Rebuilding the job list/).closest('[role="status"]');
    await screen.findByText(/Rebuilding the job list/);
    expect(banner()?.textContent).toContain('Rebuilding the job list from the message log: 12 %');
    expect(banner()?.textContent).toContain('1,000 of 8,000 messages');
    act(() => client.emit({ type: 'projection', rebuilding: { done: 6000, total: 8000 } }));
    expect(banner()?.textContent).toContain('75 %');
    const before = client.callsTo('getSnapshot').length;
    rebuilding = undefined;
    act(() => client.emit({ type: 'projection', rebuilding: null }));
    expect(screen.queryByText(/Rebuilding the job list/)).toBeNull();
    expect(client.callsTo('getSnapshot').length).toBe(before + 1);
  });
});
