import { act, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { ok } from '../../../../shared/api/result';
import type { ReviewView } from '../../../../shared/api/reviews';
import type { CommandView, MachineView, Snapshot } from '../../../../shared/api/views';
import type { ConsoleStore } from '../../../../renderer/src/store/store';
import { createFakeClient, snapshot, type FakeClient } from '../../helpers/fake-client';
import { renderWithStore } from '../../helpers/render';
import { resumeRefusal } from '../../../../electron/core/domain/machine-rules';

/** Views of alerts, reviews, commands and machines as the core sends them; shared by the alerts, reviews, audit and issuance tests. */

const AT = '2025-01-01T10:00:00.000Z';

export function machine(overrides: Partial<MachineView> = {}): MachineView {
  return { id: 'aida-1', label: 'AIDA line 1', kind: 'box', actionable: true, scheduler: 'running', ...overrides };
}

export function suspendedMachine(code: string, overrides: Partial<MachineView> = {}): MachineView {
  // The core's own rule, as the core's machine view carries it.
  const refusal = resumeRefusal(overrides.kind ?? 'box', code);
  return machine({
    scheduler: 'suspended',
    suspension: { code, since: AT, resumable: refusal === undefined, ...(refusal ? { resumeRefusal: refusal } : {}) },
    ...overrides,
  });
}

export function alert(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: 1,
    machineId: 'aida-1',
    machineLabel: 'AIDA line 1',
    kind: 'suspension',
    code: 'FeederEmpty',
    priority: 'high',
    cause: 'feeder',
    title: 'Feeder empty',
    text: 'The input feeder is empty.',
    action: 'Load cards into the input feeder.',
    openedAt: AT,
    actions: [],
    ...overrides,
  };
}

export function review(overrides: Partial<ReviewView> = {}): ReviewView {
  return {
    id: 7,
    machineId: 'aida-1',
    machineLabel: 'AIDA line 1',
    workflowInstanceId: 'wf-40',
    jobId: '40',
    correlationId: 'CORR-40',
    kind: 'ocr',
    openedAt: AT,
    state: 'pending',
    payload: { inspections: [{ name: 'Surname', text: 'MUSTERMANN', confidence: 0.97 }] },
    belowThreshold: false,
    ...overrides,
  };
}

export function command(overrides: Partial<CommandView> = {}): CommandView {
  return {
    id: 11,
    machineId: 'aida-1',
    kind: 'resume',
    state: 'acknowledged',
    actor: 'operator@station',
    role: 'operator',
    attempts: 1,
    payload: {},
    createdAt: '2025-01-01T10:00:05.000Z',
    updatedAt: '2025-01-01T10:00:06.000Z',
    outcome: 'HTTP 200',
    ...overrides,
  };
}

/** A real store on the fake client, loaded from a snapshot (one configured machine by default) as after a connection. */
export async function renderWithConsole(
  ui: ReactElement,
  snap: Partial<Snapshot> = {},
  client: FakeClient = createFakeClient(),
): Promise<{ client: FakeClient; store: ConsoleStore; view: RenderResult }> {
  client.handle('getSnapshot', () => snapshot({ machines: [machine()], ...snap }));
  client.handle('listJobs', () => ok({ rows: [], total: 0, offset: 0 }));
  const view = renderWithStore(ui, client);
  await act(() => view.store.getState().loadSnapshot());
  return { client, store: view.store, view };
}

/** Resolves a promise the test controls: for "a second click while the first is on its way". */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
