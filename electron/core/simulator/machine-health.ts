import type { SchedulerState } from './scheduler-state';
import type { PhysicalWorld } from './world';

/**
 * What a simulated machine says about itself beyond its scheduler: its personalization sessions with their totals
 * (AIDA 1.6), its system status with a print cartridge that runs low as cards go through, and two input feeders, the
 * second of which the machine empties first, so the console can warn before the line stops.
 */

/** Cards through the machine after which the cartridge reads low: a training shift sees it. */
export const CARTRIDGE_LOW_AFTER = 10;
/** Cards left in the input at or below which the machine reports its second feeder empty (the first still feeds). */
export const SECOND_FEEDER_EMPTY_AT = 2;

interface SessionRecord {
  id: string;
  template: string;
  start: number;
  end: number | undefined;
  /** The scheduler's totals when the session began: the session's own counts are the growth since. */
  base: { completed: number; faulted: number };
  completed: number;
  faulted: number;
}

/** The machine's personalization sessions, kept by watching its scheduler (the last 100). */
export class SessionLedger {
  private readonly sessions: SessionRecord[] = [];

  /** Brings the open session's counts up to date, opening a record for a new session and closing one that ended. */
  sync(s: SchedulerState, now: number): void {
    const open = this.sessions.at(-1);
    const current = s.session;
    if (open && open.end === undefined) {
      open.completed = s.totals.completed - open.base.completed;
      open.faulted = s.totals.faulted - open.base.faulted;
      if (open.id !== current?.sessionId || s.status === 'Stopped') open.end = now;
    }
    if (current && s.status !== 'Stopped' && this.sessions.at(-1)?.id !== current.sessionId) {
      this.sessions.push({
        id: current.sessionId,
        template: current.templateName,
        start: now,
        end: undefined,
        base: { completed: s.totals.completed, faulted: s.totals.faulted },
        completed: 0,
        faulted: 0,
      });
      if (this.sessions.length > 100) this.sessions.shift();
    }
  }

  /** `PersonalizationSessionDto[]`, oldest first. */
  dtos(now: number): Record<string, unknown>[] {
    return this.sessions.map((r) => {
      const hours = ((r.end ?? now) - r.start) / 3_600_000;
      const cards = r.completed + r.faulted;
      return {
        id: r.id,
        jobTemplateId: 1,
        jobTemplateName: r.template,
        startTime: new Date(r.start).toISOString(),
        endTime: r.end === undefined ? null : new Date(r.end).toISOString(),
        jobsCompleted: r.completed,
        jobsFaulted: r.faulted,
        cardsProcessed: cards,
        cardsPerHour: hours > 0 ? Math.round((cards / hours) * 10) / 10 : 0,
        averagePersonalizationTime: 0,
        averageEngravingTime: 0,
      };
    });
  }

  /** `PersoSessionAggregateDto[]`: sessions per day (UTC midnight), oldest first. */
  days(): Record<string, unknown>[] {
    const counts = new Map<string, number>();
    for (const r of this.sessions) {
      const day = `${new Date(r.start).toISOString().slice(0, 10)}T00:00:00.000Z`;
      counts.set(day, (counts.get(day) ?? 0) + 1);
    }
    return [...counts].map(([date, count]) => ({ date, count }));
  }
}

/** Cards through the machine since its cartridge was changed: at CARTRIDGE_LOW_AFTER it reads low. */
export function cartridgeLow(s: SchedulerState, world: Readonly<PhysicalWorld>): boolean {
  return s.cardsThrough() - world.cartridgeFrom >= CARTRIDGE_LOW_AFTER;
}

/** `SystemStatusDto`: what stops the machine now, and the cartridge running low before it does. */
export function systemStatusDto(s: SchedulerState, world: Readonly<PhysicalWorld>): Record<string, unknown> {
  const errors = [
    ...(world.jammed ? ['CardJam'] : []),
    ...(world.coverOpen ? ['OpenInterlock'] : []),
    ...(world.cardsInFeeder === 0 ? ['FeederEmpty'] : []),
    ...(cartridgeLow(s, world) ? ['CartridgeLow'] : []),
  ];
  const stopping = errors.some((e) => e !== 'CartridgeLow');
  const status = stopping ? 'Error' : errors.length > 0 ? 'Warning' : s.status === 'Running' ? 'Busy' : 'Ready';
  return { status, errors };
}

/** `FeederState[]` of the two input feeders: the second runs empty first. */
export function feederStates(world: Readonly<PhysicalWorld>): Record<string, unknown>[] {
  return [
    { positionId: 'Input 1', status: world.cardsInFeeder > 0 ? 'Ready' : 'FeederEmpty' },
    { positionId: 'Input 2', status: world.cardsInFeeder > SECOND_FEEDER_EMPTY_AT ? 'Ready' : 'FeederEmpty' },
  ];
}

/** `LaserBoardState[]`: one board, whose cover interlock is the trainee's cover. */
export function laserBoards(world: Readonly<PhysicalWorld>): Record<string, unknown>[] {
  return [
    {
      serialNumber: 'LB-SIM-1',
      firmwareVersion: '1.0+simulator',
      hardwareType: null,
      systemType: null,
      interlocks: [{ name: 'cover', isOpen: world.coverOpen, displayName: 'Front cover' }],
      laserPen: world.coverOpen ? 'Disabled' : 'Enabled',
      redPointer: 'Disabled',
      illumination: 'Enabled',
      hasOpenInterlocks: world.coverOpen,
    },
  ];
}
