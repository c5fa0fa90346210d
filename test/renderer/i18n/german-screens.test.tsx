import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import type { AccountView } from '../../../shared/api/people';
import { fail, failCoded, ok } from '../../../shared/api/result';
import type { SettingsView } from '../../../shared/api/settings';
import { ActionFailures } from '../../../renderer/src/app/ActionFailures';
import { NavBar } from '../../../renderer/src/app/NavBar';
import { OperateView } from '../../../renderer/src/features/machines/OperateView';
import { PeopleView } from '../../../renderer/src/features/people/PeopleView';
import { SignInScreen } from '../../../renderer/src/features/people/SignInScreen';
import { SettingsScreen } from '../../../renderer/src/features/settings/SettingsScreen';
import { Timeline } from '../../../renderer/src/features/jobs/Timeline';
import { TrainingControls } from '../../../renderer/src/features/training/TrainingControls';
import { command, machine, renderWithConsole } from '../features/alerts/fixtures';
import { answerSession, session } from '../features/people/fixtures';
import { createFakeClient, type FakeClient } from '../helpers/fake-client';
import { giveHeight } from '../helpers/render';
import { job, jobQueue } from '../helpers/jobs';
import { setting } from '../helpers/settings';

afterEach(cleanup);

/**
 * Words only English has: none of them is German, nor in the data these screens show (names, ids, AIDA's statuses).
 * Each is matched as a whole word, case-sensitively where German shares the letters (Start, Status).
 */
const ENGLISH = /\b(the|and|of|to|is|not|no|yet|with|from|your|you|this|Loading|Show|Hide|Sign|Search|Clear|Include|Last|Save|Cancel|Remove|Reset|Create|Jobs?|jobs?|Machines?|machines?|Settings|settings|Accounts?|accounts?|Filters|Back|Badge|Dismiss|Done|Refused|refused|answers|Change)\b/;

/** What a person reads or hears of the page: its text, and the labels, placeholders and titles of its elements. */
function everythingSaid(): string {
  const attributes = [...document.body.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) =>
    ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''),
  );
  const options = [...document.body.querySelectorAll('option')].map((o) => o.textContent ?? '');
  // Text node by text node: jsdom lays nothing out, so the page's text would run together into one line.
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
  return [...texts, ...attributes, ...options].join('\n');
}

/** The English words still said on the page, with a little of what surrounds each, for the failure message. */
function englishLeft(): string[] {
  const said = everythingSaid();
  return said
    .split('\n')
    .filter((line) => ENGLISH.test(line))
    .map((line) => line.trim().slice(0, 120));
}

/** The core's session puts this page in German (the person's own language, or the station's). */
async function inGerman(client: FakeClient, store: { getState(): { loadAuth(): Promise<void> } }) {
  answerSession(client, session({ signInRequired: false, openStation: true, language: 'de', stationLanguage: 'de' }));
  await act(() => store.getState().loadAuth());
}

describe('the screens in German', () => {
  it('the operator home (machines, start form, jobs, a command outcome) and the navigation say nothing in English', async () => {
    const client = createFakeClient();
    const queue = jobQueue([job('40', { status: 'Faulted', documentProduced: true, destructiveOperationExecuted: false }), job('41')]);
    client.handle('listJobs', (q) => queue.listJobs(q));
    const stored = command({ kind: 'start', state: 'failed', outcome: 'not sent: the machine is not configured', outcomeText: { code: 'outcomes:notConfigured' } });
    const { store } = await renderWithConsole(
      <>
        <NavBar />
        <OperateView />
        <ActionFailures />
      </>,
      {
        machines: [machine({ scheduler: 'stopped', lastMessageAt: '2025-01-01T10:00:00.000Z', metrics: { jobsPerHour: 1200, uptimeSeconds: 90 } })],
        commands: [stored],
      },
      client,
    );
    await inGerman(client, store);
    await act(() => store.getState().refreshJobs());
    // A refusal the core coded is said in German; its English message is not shown.
    client.handle('resume', () => failCoded('not-allowed', 'refusals:signInFirst'));
    await act(async () => void (await store.getState().resume('aida-1')));
    expect(screen.getByText('Maschinen & Aufträge')).toBeTruthy();
    expect(screen.getByText(/nicht gesendet: die Maschine ist nicht eingerichtet/)).toBeTruthy();
    expect(screen.getByText('Bitte zuerst anmelden.')).toBeTruthy();
    expect(englishLeft()).toEqual([]);
  });

  it("AIDA's codes: a stop reason, a suspension, a scheduler error, a job's error and its messages say German, an unknown code as sent", async () => {
    const client = createFakeClient();
    const since = '2025-01-01T10:00:00.000Z';
    // The job list draws only the rows its scroller shows: give it a screen's height.
    const undoHeight = giveHeight('job-scroll', 760);
    onTestFinished(undoHeight);
    const { store } = await renderWithConsole(
      <>
        <OperateView />
        <Timeline entries={[{ seq: 1, type: 'WorkflowFaulted', receivedAt: since, message: { jobStatus: 'Faulted', errorCode: 'FeederEmpty' } }]} />
      </>,
      {
        machines: [
          machine({ id: 'm1', label: 'Linie 1', scheduler: 'stopped', stopReason: 'CardJam' }),
          machine({
            id: 'm2',
            label: 'Linie 2',
            scheduler: 'suspended',
            suspension: { code: 'FeederEmpty', since, resumable: true, machineNote: { code: 'aida:machineNote.cardsLoaded' } },
            schedulerError: { errors: [{ code: 'JobTemplateDoesNotExists' }], since },
          }),
          machine({ id: 'm3', label: 'Linie 3', scheduler: 'stopped', stopReason: 'LaserOverheat' }),
        ],
      },
      client,
    );
    await inGerman(client, store);
    // After the render, whose own answer lists no jobs.
    const queue = jobQueue([job('40', { status: 'Faulted', errorCode: 'FeederEmpty' }), job('41', { status: 'Faulted', errorCode: 'LaserOverheat' })]);
    client.handle('listJobs', (q) => queue.listJobs(q));
    await act(() => store.getState().refreshJobs());
    const said = everythingSaid();
    expect(said).toContain('Eine Karte hing im Transport fest und konnte nicht geborgen werden.');
    expect(said).toContain('Die Kartenzufuhr ist leer.');
    expect(said).toContain('Die Maschine meldet jetzt Karten in der Zufuhr: Fortsetzen drücken.');
    expect(said).toContain('Die beim Start genannte Auftragsvorlage gibt es auf der Maschine nicht.');
    expect(said).toContain('Die Karte wurde aussortiert: Ein Fehler trat auf oder eine externe Prüfung schlug fehl.');
    expect(document.querySelector('[data-job-id="40"]')?.textContent).toContain('Die Kartenzufuhr ist leer.');
    // Another firmware's code: quoted as the machine sent it, the words around it German.
    expect(document.querySelector('[data-job-id="41"]')?.textContent).toContain('Unbekannter Wert „LaserOverheat“.');
    expect(screen.getByRole('article', { name: 'Linie 3' }).textContent).toContain('Unbekannter Wert „LaserOverheat“.');
    // A job's status in German, AIDA's own word (as its screen shows it) on hover; the status filter the same.
    const faulted = document.querySelector('[data-job-id="40"] [title="AIDA: Faulted"]');
    expect(faulted?.textContent).toContain('Fehler');
    expect([...(screen.getByLabelText('Status') as HTMLSelectElement).options].map((o) => o.textContent)).toContain('Läuft');
    // The job's timeline the same: its status German, its error code as AIDA names it and then in German words.
    const entry = document.querySelector('li.timeline-entry');
    expect(entry?.querySelector('[title="AIDA: Faulted"]')?.textContent).toBe('Status Fehler');
    expect(entry?.textContent).toContain('Fehler FeederEmpty');
    expect([...(entry?.querySelectorAll('.timeline-text') ?? [])].map((p) => p.textContent)).toContain('Die Kartenzufuhr ist leer.');
    expect(englishLeft()).toEqual([]);
  });

  it('the training scenarios: their titles, what happens and the task say German, with the card the incident happens to', async () => {
    const client = createFakeClient();
    const training = {
      speed: 1,
      cardsPerBatch: 10,
      scenarios: [
        { id: 'feeder-empty', kind: 'box' as const },
        { id: 'card-jam-box', kind: 'box' as const, textParams: { card: 3 } },
      ],
      machines: [{ machineId: 'sim-1', label: 'Schulung 1', kind: 'box' as const, scenarioId: 'card-jam-box', scheduler: 'Stopped', cardsInFeeder: 20, coverOpen: false, jammed: false, cartridgeLow: true }],
    };
    const { store } = await renderWithConsole(<TrainingControls />, { training }, client);
    await inGerman(client, store);
    expect(screen.getByText('Kartenzufuhr läuft leer')).toBeTruthy();
    expect(screen.getByText('Kartenstau (Box-System)')).toBeTruthy();
    expect(screen.getByText(/^Karte 3 verklemmt sich vor dem Gravieren im Transport/)).toBeTruthy();
    expect(screen.getByText(/^Den Stau beheben, dann Fortsetzen drücken/)).toBeTruthy();
    expect(englishLeft()).toEqual([]);
  });

  it('shows an error the catalog has no code for as the core wrote it (machine or older text)', async () => {
    const client = createFakeClient();
    const { store } = await renderWithConsole(<ActionFailures />, {}, client);
    await inGerman(client, store);
    client.handle('resume', () => fail('unavailable', 'connect ECONNREFUSED 10.0.0.5:8080'));
    await act(async () => void (await store.getState().resume('aida-1')));
    expect(screen.getByText('connect ECONNREFUSED 10.0.0.5:8080')).toBeTruthy();
    expect(screen.getByText(/Nicht ausgeführt — die Konsole war nicht erreichbar/)).toBeTruthy();
  });

  it('the settings screen (with the language setting) says nothing in English but the keys of the config file', async () => {
    const view: SettingsView = {
      entries: [
        setting('language', { kind: 'enum', options: ['en', 'de'], value: 'de', source: 'user', userSet: true }),
        setting('webhook.port', { kind: 'number', value: 4567 }),
        setting('auth.required', { kind: 'boolean', value: false }),
      ],
      problems: [],
      files: { machine: '/etc/console.json', user: '/home/floor/.console.json' },
      secrets: 'keychain',
    };
    const client = createFakeClient({
      getSettings: () => ok(view),
      getStorage: () => ok({ liveBytes: 10_000_000, archives: [], totalBytes: 10_000_000, freeBytes: 5e10, retentionDays: 90 }),
      getBackupStatus: () => ok({ dir: '/srv/backups', keep: 7, sameDisk: true, running: false }),
    });
    const { store } = await renderWithConsole(<SettingsScreen />, {}, client);
    await inGerman(client, store);
    await act(() => store.getState().loadSettings());
    expect(screen.getByRole('button', { name: /Deutsch/ }).getAttribute('aria-pressed')).toBe('true');
    // The keys are the file's own words, in every language; the app's menu (the shell's, in English) is quoted as it reads.
    const keys = /\b(webhook\.port|auth\.required|language|webhook|auth|backup\.dir|backup\.keep|retention\.days|retention\.personalDataDays)\b|„[^“]*“/g;
    expect(englishLeft().map((l) => l.replace(keys, '')).filter((l) => ENGLISH.test(l))).toEqual([]);
  });

  it("IT's accounts screen and the sign-in screen say nothing in English", async () => {
    const accounts: AccountView[] = [
      { id: 1, name: 'Ida', role: 'it', source: 'console', hasBadge: true, disabled: false, mustChangePin: false },
      { id: 2, name: 'Olga', role: 'operator', source: 'file', hasBadge: false, disabled: true, mustChangePin: true, language: 'de' },
    ];
    const client = createFakeClient({ listAccounts: () => ok(accounts) });
    const { store } = await renderWithConsole(
      <>
        <PeopleView />
        <SignInScreen />
      </>,
      {},
      client,
    );
    await inGerman(client, store);
    await act(async () => {});
    expect(screen.getByText('Konto anlegen')).toBeTruthy();
    expect(englishLeft()).toEqual([]);
  });
});
