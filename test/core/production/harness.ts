import { rmSync } from 'node:fs';
import { AidaSource } from '../../../electron/core/ingest/aida-source';
import { IngestQueue } from '../../../electron/core/ingest/ingest-queue';
import { RapidadminSource } from '../../../electron/core/ingest/rapidadmin-source';
import { resolveProduction, type ProductionSettings } from '../../../electron/core/production/production-config';
import { ProductionFigures } from '../../../electron/core/production/production-figures';
import { ShiftReports } from '../../../electron/core/production/shift-reports';
import { Store } from '../../../electron/core/store/store';
import type { CommandKind } from '../../../shared/api/views';
import type { Delivery } from '../../fixtures/rapidadmin';
import { tempDir } from '../../helpers/core';

/** Machines m1 and m2, told apart by MachineName. */
const MACHINES = [
  { id: 'm1', machineName: 'm1' },
  { id: 'm2', machineName: 'm2' },
];

export interface ProductionHarness {
  store: Store;
  ingest: IngestQueue;
  figures: ProductionFigures;
  reports: ShiftReports;
  /** What the clock says (the figures' "now", the report service's). */
  clock: { now: Date };
  settings: ProductionSettings;
  /** Posts one AIDA message, received at `at`, through the real ingest path, and projects it. */
  aida(at: string, message: Record<string, unknown>): Promise<void>;
  rapidadmin(at: string, delivery: Delivery): Promise<void>;
  /** A command the machine acknowledged, written at `at`. */
  command(machineId: string, kind: CommandKind, actor: string, at: string, payload?: unknown): void;
  close(): void;
}

/** The real store and ingest path (AIDA and RapIDadmin sources) in a temp dir, with the production figures over them. */
export function startProduction(settings: Partial<ProductionSettings> = {}): ProductionHarness {
  const dataDir = tempDir('ic-production-');
  const store = Store.open({ dataDir, durability: 'crash' });
  const aida = new AidaSource(store, () => MACHINES);
  const prints = new RapidadminSource(store, () => ({}));
  const ingest = new IngestQueue(store, [aida, prints], () => {});
  const clock = { now: new Date('2026-03-02T13:00:05Z') };
  const resolved: ProductionSettings = { ...resolveProduction(undefined, { timeZone: 'Europe/Berlin' }), ...settings };
  const figures = new ProductionFigures(store, () => resolved, () => clock.now);
  const reports = new ShiftReports({
    store,
    figures,
    settings: () => resolved,
    settle: () => ingest.projectPending(),
    rebuilding: () => false,
    now: () => clock.now,
    log: () => {},
  });
  const submit = async (source: string, at: string, body: string, headers: Record<string, string> = {}) => {
    await ingest.submit({
      source,
      receivedAt: at,
      remoteAddr: '10.0.0.5',
      headers,
      body: Buffer.from(body),
      bodyLength: Buffer.byteLength(body),
      json: JSON.parse(body) as unknown,
    });
    ingest.projectPending();
  };
  return {
    store,
    ingest,
    figures,
    reports,
    clock,
    settings: resolved,
    aida: (at, message) => submit('aida', at, JSON.stringify(message)),
    rapidadmin: (at, d) => submit('rapidadmin', at, d.body, { 'x-event-name': d.header }),
    command(machineId, kind, actor, at, payload = {}) {
      const { command } = store.commands.create({ machineId, kind, payload, actor, role: 'operator', at });
      store.commands.update(command.id, 'acknowledged', 'ok', at);
    },
    close() {
      reports.stop();
      ingest.close();
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
