import type { SessionComparison } from '../../../shared/api/health';
import type { MachineSession } from '../aida/health-answers';

/**
 * One machine session beside what the console received over its time: the difference is machine minus console, so a
 * positive number is messages the console never received (or has not received yet, for a session still running).
 * Pure.
 */
export function compareSession(session: MachineSession, console: { completed: number; faulted: number }): SessionComparison {
  return {
    id: session.id,
    ...(session.jobTemplateName ? { jobTemplateName: session.jobTemplateName } : {}),
    start: session.start,
    ...(session.end ? { end: session.end } : {}),
    machine: {
      completed: session.jobsCompleted,
      faulted: session.jobsFaulted,
      ...(session.cardsProcessed !== undefined ? { cardsProcessed: session.cardsProcessed } : {}),
      ...(session.cardsPerHour !== undefined ? { cardsPerHour: session.cardsPerHour } : {}),
    },
    console,
    difference: { completed: session.jobsCompleted - console.completed, faulted: session.jobsFaulted - console.faulted },
  };
}
