import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../../shared/api/result';
import { AuditView } from '../../../../renderer/src/features/audit/AuditView';
import { createFakeClient } from '../../helpers/fake-client';
import { command, renderWithConsole } from '../alerts/fixtures';

afterEach(cleanup);

/** English labels of the audit view that must not be left on a German screen. */
const ENGLISH =
  /Audit trail|\bWhen\b|\bWho\b|Payload|Outcome|commands? match|shown|Clear filters|Export|Include archived|Refused supervisor|Sign-ins|Wrong PIN|Next try|Decision|approve|reject|Resume|Failed|Acknowledged|All machines/;

const decision = command({
  id: 3,
  kind: 'signal',
  state: 'failed',
  actor: 'sam@line2',
  role: 'supervisor',
  reviewId: 7,
  payload: { workflowInstanceId: 'wf-40', outcome: 'Faulted', errorReason: 'Text unreadable' },
  // Stored before outcomes were coded: shown as it was written.
  outcome: 'HTTP 409: not suspended',
});

async function showInGerman() {
  const client = createFakeClient();
  client.handle('listAudit', () => ok({ rows: [decision, command({ id: 2, kind: 'resume' })], total: 2 }));
  client.handle('listAuditEvents', () =>
    ok({
      rows: [
        { id: 'e1', at: '2025-03-01T10:00:00.000Z', kind: 'setting', actor: 'ida', station: 'PC-7', subject: 'language', oldValue: 'en', newValue: 'de' },
        {
          id: 'a2',
          at: '2025-03-01T09:59:00.000Z',
          kind: 'account',
          actor: 'Olga',
          station: 'PC-7',
          subject: 'Olga',
          detail: 'sign-in-failed: by name: Wrong PIN.',
          detailText: {
            code: 'auditDetails:line',
            params: {
              event: { code: 'auditDetails:event.sign-in-failed' },
              detail: { code: 'auditDetails:howWhy', params: { how: { code: 'auditDetails:how.name' }, why: { code: 'refusals:wrongPin' } } },
            },
          },
        },
        {
          id: 'e3',
          at: '2025-03-01T09:58:00.000Z',
          kind: 'refused',
          actor: 'Olga',
          station: 'PC-7',
          method: 'setSetting',
          detail: 'Change settings needs IT: you are signed in as an operator.',
          detailText: {
            code: 'permissions:needs',
            params: { what: { code: 'permissions:what.setSetting' }, who: { code: 'permissions:who.it' }, as: { code: 'permissions:as.operator' } },
          },
        },
        { id: 'e4', at: '2025-03-01T09:57:30.000Z', kind: 'alert-shelved', actor: 'Sam', station: 'PC-7', subject: 'alert 4', newValue: '30 min' },
        { id: 'e5', at: '2025-03-01T09:57:20.000Z', kind: 'sound-silenced', actor: 'Olga', station: 'PC-7', subject: 'alert 4, alert 5' },
        // Stored before the details were coded: shown as it was written.
        { id: 'a1', at: '2025-03-01T09:57:00.000Z', kind: 'account', actor: 'Olga', station: 'PC-7', subject: 'Olga', detail: 'sign-in: by badge' },
      ],
      total: 6,
    }),
  );
  client.handle('listPinRefusals', () =>
    ok({
      rows: [{ id: 1, at: '2025-03-01T10:00:01.000Z', actor: 'op@line2', action: 'abort', machineId: 'aida-1', reason: 'wrong', waitMs: 1000, waited: 2, lastAt: '2025-03-01T10:00:01.900Z' }],
      total: 1,
    }),
  );
  const shown = await renderWithConsole(<AuditView />, {}, client);
  act(() => shown.store.getState().setLanguage('de'));
  return shown;
}

describe('the audit view in German', () => {
  it('labels, states, decisions and counts read in German; what the machine answered stays as stored', async () => {
    await showInGerman();
    const view = screen.getByRole('region', { name: 'Prüfprotokoll' });
    const headers = within(view).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers.slice(0, 7)).toEqual(['Wann', 'Wer', 'Maschine', 'Was', 'Nutzdaten', 'Status', 'Ergebnis']);
    expect(screen.getByText('2 Befehle passen')).toBeTruthy();
    expect(screen.getByText('Befehle: alle 2 angezeigt')).toBeTruthy();
    expect((screen.getByLabelText('Maschine') as HTMLSelectElement).options[0]?.textContent).toBe('Alle Maschinen');
    expect(screen.getByRole('button', { name: 'Filter löschen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Als CSV exportieren/ })).toBeTruthy();

    const [, first, second] = screen.getAllByRole('row') as HTMLElement[];
    expect(first?.textContent).toContain('Entscheidung: Faulted (ablehnen / fehlgeschlagen), Prüfung 7');
    expect(first?.textContent).toContain('Fehlgeschlagen');
    expect(first?.textContent).toContain('HTTP 409: not suspended');
    expect(second?.textContent).toContain('Fortsetzen');
    expect(second?.textContent).toContain('Bestätigt');

    const events = screen.getByRole('region', { name: 'Anmeldungen, Einstellungen, Konten und Ablehnungen' });
    expect(events.textContent).toContain('Einstellung geändert');
    expect(events.textContent).toContain('language · en → de');
    expect(events.textContent).toContain('Anmeldung abgelehnt: mit Namen: Falsche PIN.');
    expect(events.textContent).toContain('„Einstellungen ändern“ ist nur der IT erlaubt: Sie sind als Bediener angemeldet.');
    expect(events.textContent).toContain('sign-in: by badge');
    // The alerts a row names, in German too.
    expect(events.textContent).toContain('Meldung zurückgestellt');
    expect(events.textContent).toContain('Meldung 4 · (keiner) → 30 min');
    expect(events.textContent).toContain('Meldung 4, Meldung 5');
    expect(events.textContent).not.toMatch(/\balert \d/);
    const pins = screen.getByRole('region', { name: 'Abgelehnte PINs der Schichtleitung' });
    expect(pins.textContent).toContain('Abbruch – AIDA line 1');
    expect(pins.textContent).toContain('Falsche PIN');
    expect(pins.textContent).toContain('Nächster Versuch wartete 1 s');
    expect(pins.textContent).toContain('2 weitere Versuche inzwischen abgelehnt');

    // Everything but the machine's stored answer and the payload sent to it is German.
    const rest = (view.textContent ?? '').replace('HTTP 409: not suspended', '').replace('sign-in: by badge', '').replace(/\{[^}]*\}/g, '');
    expect(rest).not.toMatch(ENGLISH);
  });
});
