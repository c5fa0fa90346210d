import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { NavBar } from '../../../../renderer/src/app/NavBar';
import { RejectedDeliveriesView } from '../../../../renderer/src/features/deliveries/RejectedDeliveriesView';
import type { DeliveryView } from '../../../../shared/api/records';
import { fail, ok } from '../../../../shared/api/result';
import { createFakeClient, snapshot } from '../../helpers/fake-client';
import { keysetServer } from '../../helpers/keyset';
import { renderWithStore } from '../../helpers/render';

afterEach(cleanup);

function delivery(id: number, overrides: Partial<DeliveryView> = {}): DeliveryView {
  return {
    id,
    receivedAt: '2025-03-01T10:00:00.000Z',
    source: 'aida',
    remoteAddr: '10.0.0.5',
    outcome: 'rejected',
    httpStatus: 400,
    reason: 'body is not JSON: Unexpected token',
    bodyLength: 14,
    body: 'this is {not j',
    headers: { 'content-type': 'application/json', authorization: '[redacted]' },
    ...overrides,
  };
}

/** Refused deliveries newest first, served as the core pages them. */
function deliveries(count: number) {
  const all = Array.from({ length: count }, (_, i) => delivery(count - i, { bodyLength: 14 + i }));
  const serve = keysetServer(all, (d) => d.id);
  return createFakeClient({
    getSnapshot: () => snapshot({ rejectedTotal: count }),
    listJobs: () => ok({ rows: [], total: 0, offset: 0 }),
    listDeliveries: (q) => ok(serve(q)),
    getDelivery: ({ id }) => {
      const found = all.find((d) => d.id === id);
      return found ? ok({ ...found, body: `${found.body} (whole)` }) : fail('not-found', `no delivery ${id}`);
    },
  });
}

describe('the rejected deliveries view', () => {
  it('lists refused deliveries with time, source, address, HTTP status, reason and size', async () => {
    const client = deliveries(3);
    renderWithStore(<RejectedDeliveriesView />, client);
    const row = (await screen.findAllByRole('row'))[1];
    if (!row) throw new Error('no row');
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells.slice(0, 6)).toEqual([
      expect.stringMatching(/^2025-03-0[12] \d\d:00:00$/),
      'aida',
      '10.0.0.5',
      '400 Bad Request',
      'body is not JSON: Unexpected token',
      '14 bytes',
    ]);
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(client.callsTo('listDeliveries')).toEqual([{ outcome: 'rejected', limit: 25 }]);
  });

  it('opens a delivery with its whole kept body and its headers', async () => {
    const client = deliveries(1);
    renderWithStore(<RejectedDeliveriesView />, client);
    fireEvent.click(await screen.findByRole('button', { name: 'Show body' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rejected delivery 1' });
    await within(dialog).findByLabelText('Raw body');
    expect(within(dialog).getByLabelText('Raw body').textContent).toBe('this is {not j (whole)');
    expect(dialog.textContent).toContain('[redacted]');
    expect(client.callsTo('getDelivery')).toEqual([{ id: 1 }]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the newest page, and older ones below it on "Show more", newest first', async () => {
    const client = deliveries(60);
    renderWithStore(<RejectedDeliveriesView />, client);
    await screen.findByText('25 of 60 refused deliveries shown');
    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    await screen.findByText('50 of 60 refused deliveries shown');
    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    await screen.findByText('All 60 refused deliveries shown');
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
    const ids = screen.getAllByRole('row').slice(1).map((r) => Number(r.getAttribute('data-delivery-id')));
    expect(ids).toEqual(Array.from({ length: 60 }, (_, i) => 60 - i));
    expect(client.callsTo('listDeliveries').map((q) => q.before)).toEqual([undefined, 36, 11]);
  }, 20_000);

  it('says how many older refusals were pruned, and how much of a body was kept', async () => {
    const excerpt = delivery(7, { httpStatus: 401, reason: 'missing or wrong listener token', bodyLength: 1_048_576, bodyKept: 4096, body: 'x'.repeat(4096) });
    const client = createFakeClient({
      getSnapshot: () => snapshot({ rejectedTotal: 1 }),
      listJobs: () => ok({ rows: [], total: 0, offset: 0 }),
      listDeliveries: () => ok({ rows: [excerpt], total: 1, pruned: 38 }),
      getDelivery: () => ok(excerpt),
    });
    renderWithStore(<RejectedDeliveriesView />, client);
    expect((await screen.findByRole('note')).textContent).toBe(
      '✂ 38 older refused deliveries pruned: the console keeps only the newest (webhook.rejectedDeliveries in Settings).',
    );
    const row = screen.getAllByRole('row')[1];
    expect(row && within(row).getAllByRole('cell')[5]?.textContent).toBe('1.0 MiB4.0 KiB kept');
    fireEvent.click(screen.getByRole('button', { name: 'Show body' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rejected delivery 7' });
    expect(await within(dialog).findByText('Raw body (the first 4.0 KiB of 1.0 MiB, as kept)')).toBeTruthy();
  });

  it('shows the refused count on the navigation and follows what the core pushes', async () => {
    const client = deliveries(2);
    renderWithStore(
      <>
        <NavBar />
        <RejectedDeliveriesView />
      </>,
      client,
    );
    act(() => client.connect());
    const tab = await screen.findByRole('tab', { name: /Rejected deliveries/ });
    await waitFor(() => expect(tab.textContent).toBe('Rejected deliveries2'));

    client.handle('listDeliveries', () => ok({ rows: [delivery(3, { httpStatus: 413, reason: 'body over 1 MiB', bodyLength: 2_000_000 }), delivery(2), delivery(1)], total: 3 }));
    act(() => client.emit({ type: 'deliveries', rejectedTotal: 3 }));
    expect(tab.textContent).toBe('Rejected deliveries3');
    await screen.findByText('413 Payload Too Large');
    expect(screen.getByText('1.9 MiB')).toBeTruthy();
  });
});
