import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityEntry, FeedAlertView } from '../../../../shared/api/feeds';
import { ActivityView } from '../../../../renderer/src/features/activity/ActivityView';
import { FeedAlerts } from '../../../../renderer/src/features/activity/FeedAlerts';
import { EMPTY, SETTINGS, renderWith } from './feeds-fixture';

afterEach(cleanup);

const base = { known: true, readable: true, numbers: [], flags: [], notes: [], fields: [] };

const PERSON: ActivityEntry = {
  ...base,
  seq: 1,
  at: '2024-10-11T18:11:42Z',
  event: 'EliteId.Person.Updated',
  kind: 'person',
  headline: 'Person record modified',
  name: 'KEVIN JONES',
  idNumber: '20020',
  personId: 'aff5ff4a-7775-4895-b999-99c9e70e1495',
  changes: [{ field: 'FirstName', from: 'Jones', to: 'KEVIN' }],
  fields: [{ name: 'FirstName', value: 'KEVIN' }],
};

const FAILED_PRINT: ActivityEntry = {
  ...base,
  seq: 3,
  at: '2024-10-11T18:20:00Z',
  event: 'RapIDAdmin.PrintJob.Failed',
  kind: 'printJob',
  headline: 'Card failed to print',
  name: 'KEVIN JONES',
  cardTemplateName: 'Student ID',
  printJobKey: 'aff5/c0ffee',
  sequence: 'Failed print',
  steps: ['Credential updated', 'Print failed'],
};

const BROKEN: ActivityEntry = {
  ...base,
  seq: 4,
  at: '2024-10-11T18:21:00Z',
  event: 'RapIDAdmin.PrintJob.Complete',
  kind: 'printJob',
  headline: 'Card printed',
  flags: ['Print complete without Print started'],
  steps: ['Credential created', 'Print complete'],
};

const UNREADABLE: ActivityEntry = {
  ...base,
  seq: 5,
  at: '2024-10-11T18:22:00Z',
  event: 'EliteId.Person.Created',
  kind: 'person',
  headline: 'New person record created — body unreadable',
  readable: false,
  raw: '{"Id": "x" "oops"',
};

describe('the activity view', () => {
  it('shows a person with what changed, a failed print with its sequence, a broken sequence and an unreadable body', () => {
    renderWith(<ActivityView />, { ...EMPTY, activity: [UNREADABLE, BROKEN, FAILED_PRINT, PERSON] });
    expect(screen.getByText('Person record modified')).toBeTruthy();
    expect(screen.getByText(/KEVIN JONES · ID 20020/)).toBeTruthy();
    expect(screen.getByText('What changed:').closest('div')?.textContent).toContain('FirstName: Jones → KEVIN');
    expect(screen.getByText('Card failed to print').closest('li')?.className).toContain('tone-bad');
    expect(screen.getByText('Failed print')).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('Sequence broken: Print complete without Print started');
    expect(screen.getByText('{"Id": "x" "oops"')).toBeTruthy();
    expect(screen.getByText('All fields as received (1)')).toBeTruthy();
  });

  it('shows the newest page of events, and older ones below it on "Show more"', async () => {
    const entry = (seq: number): ActivityEntry => ({ ...PERSON, seq, name: `PERSON ${seq}`, changes: [] });
    const first = Array.from({ length: 50 }, (_, i) => entry(80 - i));
    const { calls } = renderWith(<ActivityView />, { ...EMPTY, activity: first, activityNext: 31 }, {
      listActivity: () => ({ rows: [entry(30), entry(29)] }),
    });
    expect(screen.getByText('The newest 50 events shown')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Show more/ }));
    await screen.findByText('All 52 events shown');
    expect(calls.filter((c) => c.method === 'listActivity').map((c) => c.params)).toEqual([{ before: 31, limit: 50 }]);
    expect(screen.getByText(/PERSON 29/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('marks a delivery repeated within 5 minutes, in words, and says it raised no alert', () => {
    const repeated: ActivityEntry = { ...FAILED_PRINT, seq: 9, at: '2024-10-11T18:22:00Z', repeat: { count: 2, firstSeq: 3, firstAt: FAILED_PRINT.at } };
    renderWith(<ActivityView />, { ...EMPTY, activity: [repeated, FAILED_PRINT] });
    const [first, second] = screen.getAllByText('Card failed to print').map((h) => h.closest('li'));
    expect(first?.querySelector('.activity-repeat')?.textContent).toMatch(/^⟳ Repeated ×2: the same event and body arrived at .*No new alert\.$/);
    expect(second?.querySelector('.activity-repeat')).toBeNull();
  });

  it('says deliveries are refused without a signing secret, and how to accept them', () => {
    renderWith(<ActivityView />, EMPTY);
    const warning = screen.getByRole('alert');
    expect(warning.textContent).toContain('Deliveries are refused.');
    expect(warning.textContent).toContain('rapidadmin.signingSecret');
    expect(warning.textContent).toContain('rapidadmin.allowUnsigned: true');
  });

  it('warns that the endpoint is unauthenticated when unsigned deliveries are allowed, and not with a secret', () => {
    const withRapidadmin = (rapidadmin: Partial<typeof SETTINGS.rapidadmin>) => ({
      ...EMPTY,
      settings: { ...SETTINGS, rapidadmin: { ...SETTINGS.rapidadmin, ...rapidadmin } },
    });
    const { unmount } = renderWith(<ActivityView />, withRapidadmin({ unauthenticated: 'accepted' }));
    expect(screen.getByRole('alert').textContent).toContain('Unauthenticated endpoint');
    unmount();
    const training = renderWith(<ActivityView />, withRapidadmin({ unauthenticated: 'loopback-only' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/accepted from this computer only/)).toBeTruthy();
    training.unmount();
    renderWith(<ActivityView />, withRapidadmin({ auth: ['signature'] }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText(/Signed: every delivery must carry an x-signature/)).toBeTruthy();
  });
});

describe('feed alerts', () => {
  const alert: FeedAlertView = {
    id: 'rapidadmin:print-failed:3',
    source: 'rapidadmin',
    kind: 'print-failed',
    title: 'Card failed to print',
    text: 'KEVIN JONES, ID 20020 — Student ID (print job aff5/c0ffee).',
    subject: 'aff5/c0ffee',
    at: '2024-10-11T18:20:00Z',
  };

  it('stays until acknowledged, then goes', async () => {
    const { calls } = renderWith(<FeedAlerts />, { ...EMPTY, alerts: [alert] }, {
      acknowledgeFeedAlert: () => ({ ...alert, acknowledgedAt: '2024-10-11T18:25:00Z', acknowledgedBy: 'op@line2' }),
    });
    expect(screen.getByRole('alert').textContent).toContain('Card failed to print');
    fireEvent.click(screen.getByRole('button', { name: /Acknowledge/ }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(calls).toEqual([{ method: 'acknowledgeFeedAlert', params: { id: alert.id } }]);
  });

  it('says why deliveries are refused and what to set, with its own sign', () => {
    const refused: FeedAlertView = {
      id: 'rapidadmin:refused:2024-10-11T18:30:00Z',
      source: 'rapidadmin',
      kind: 'refused',
      title: 'RapIDadmin deliveries are refused',
      text: 'No signing secret is configured … Set rapidadmin.signingSecret …, or set rapidadmin.allowUnsigned: true …',
      subject: '/rapidadmin/webhooks',
      at: '2024-10-11T18:30:00Z',
    };
    renderWith(<FeedAlerts />, { ...EMPTY, alerts: [refused] });
    const shown = screen.getByRole('alert', { name: 'RapIDadmin deliveries are refused' });
    expect(shown.textContent).toContain('rapidadmin.allowUnsigned: true');
    expect(shown.textContent).toContain('RapIDadmin ·');
    expect(shown.querySelector('.band-icon')?.textContent).toBe('✕');
  });
});
