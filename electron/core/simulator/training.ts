import { join } from 'node:path';
import { fail, ok, type Result } from '../../../shared/api/result';
import type { TrainingAction, TrainingView } from '../../../shared/api/views';
import type { MachineConfig, TrainingSettings } from '../config/schema';
import { AidaSimulator } from './aida-simulator';
import { SCENARIOS } from './scenarios';

export const TRAINING_MACHINE_ID = 'training';

/** The simulated machines, each with an identity of its own so the console can tell their messages apart. */
const STATIONS = [
  { id: TRAINING_MACHINE_ID, letter: 'A', machine: { machineName: 'AIDA-TRAINING-A', machineSerial: 'SIM-0001', hostName: 'aida-sim-a' } },
  { id: 'training-2', letter: 'B', machine: { machineName: 'AIDA-TRAINING-B', machineSerial: 'SIM-0002', hostName: 'aida-sim-b' } },
] as const;

interface Station {
  id: string;
  label: string;
  simulator: AidaSimulator;
}

export interface TrainingFloorOptions {
  settings: TrainingSettings;
  /** The console's own webhook listener, on loopback. */
  webhookUrl: string;
  /** Where each simulator keeps its numbering, so a restarted console never gets an id it already has. */
  dataDir: string;
  log: (line: string) => void;
  /**
   * Machine B's messages carry machine A's MessageIds, in order (two machines whose numbering collides). Off by
   * default; tests turn it on.
   */
  reuseMessageIds?: boolean;
}

/**
 * Training mode's machines: one or two AIDA simulators on loopback, what the console registers for them, what the
 * trainee sees of them, and what the trainee does at them.
 */
export class TrainingFloor {
  private constructor(
    private readonly stations: readonly Station[],
    private readonly settings: TrainingSettings,
  ) {}

  static async open(options: TrainingFloorOptions): Promise<TrainingFloor> {
    const { settings } = options;
    const stations: Station[] = [];
    for (const s of STATIONS.slice(0, settings.machines)) {
      const simulator = new AidaSimulator({
        webhookUrl: options.webhookUrl,
        cardsPerBatch: settings.cardsPerBatch,
        feederCapacity: settings.feederCapacity,
        cardIntervalMs: settings.cardIntervalMs,
        speed: settings.speed,
        scenario: settings.scenario,
        machine: s.machine,
        stateFile: join(options.dataDir, `training-simulator-${s.letter}.json`),
        ...(settings.seed !== undefined ? { seed: `${settings.seed}:${s.letter}` } : {}),
        ...(options.reuseMessageIds && stations[0] ? { reuseMessageIdsOf: stations[0].simulator } : {}),
        log: options.log,
      });
      await simulator.start();
      const label = settings.machines === 1 ? 'Training machine (simulator)' : `Training machine ${s.letter} (simulator)`;
      stations.push({ id: s.id, label, simulator });
    }
    return new TrainingFloor(stations, settings);
  }

  get simulators(): AidaSimulator[] {
    return this.stations.map((s) => s.simulator);
  }

  /** What the console registers: each simulator's API, kind (from its scenario) and identity. */
  machineConfigs(): MachineConfig[] {
    return this.stations.map(({ id, label, simulator }) => ({
      id,
      label,
      apiUrl: simulator.url,
      kind: simulator.kind,
      serial: simulator.identity.machineSerial,
      hostName: simulator.identity.hostName,
      machineName: simulator.identity.machineName,
    }));
  }

  view(): TrainingView {
    return {
      speed: this.settings.speed,
      cardsPerBatch: this.settings.cardsPerBatch,
      scenarios: SCENARIOS.map(({ id, kind, textParams }) => ({ id, kind, ...(textParams ? { textParams } : {}) })),
      machines: this.stations.map(({ id, label, simulator }) => ({
        machineId: id,
        label,
        kind: simulator.kind,
        scenarioId: simulator.scenario.id,
        scheduler: simulator.schedulerStatus,
        cardsInFeeder: simulator.physical.cardsInFeeder,
        coverOpen: simulator.physical.coverOpen,
        jammed: simulator.physical.jammed,
        cartridgeLow: simulator.cartridgeLow,
      })),
    };
  }

  /** Called whenever a simulated machine changes; `kinds` when a scenario made one a box or a desktop system. */
  onChange(listener: (change: { kinds: boolean }) => void): () => void {
    let kinds = this.stations.map((s) => s.simulator.kind).join();
    const offs = this.stations.map((s) =>
      s.simulator.onChange(() => {
        const now = this.stations.map((st) => st.simulator.kind).join();
        listener({ kinds: now !== kinds });
        kinds = now;
      }),
    );
    return () => offs.forEach((off) => off());
  }

  act(action: TrainingAction): Result<TrainingView> {
    const station = this.stations.find((s) => s.id === action.machineId);
    if (!station) return fail('not-found', `no training machine "${action.machineId}"`);
    const sim = station.simulator;
    switch (action.action) {
      case 'load-cards':
        sim.loadCards(action.count);
        break;
      case 'close-cover':
        sim.closeCover();
        break;
      case 'clear-jam':
        sim.clearJam();
        break;
      case 'change-cartridge':
        sim.changeCartridge();
        break;
      case 'select-scenario': {
        const selected = sim.selectScenario(action.scenarioId);
        if (!selected.ok) return selected;
        break;
      }
    }
    return ok(this.view());
  }

  async stop(): Promise<void> {
    await Promise.all(this.stations.map((s) => s.simulator.stop()));
  }
}
