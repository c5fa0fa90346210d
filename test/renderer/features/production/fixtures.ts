import type { ProductionCounts, ShiftReport } from '../../../../shared/api/production';

export function counts(over: Partial<ProductionCounts> = {}): ProductionCounts {
  return {
    started: 0,
    completed: 0,
    faulted: 0,
    rejected: 0,
    cancelled: 0,
    cancelledBy: [],
    unfinished: 0,
    destroyed: 0,
    producedButFaulted: 0,
    producedAndDestroyed: 0,
    notReported: 0,
    attempts: 0,
    retriedJobs: 0,
    rapidadminReprints: 0,
    yield: null,
    ...over,
  };
}

const FROM = '2026-11-27T06:00:00.000Z';
const TO = '2026-11-27T14:00:00.000Z';

/** A frozen report of an early shift with one machine, nothing drawn (the charts are Chromium's to test). */
export function shiftReport(over: Partial<ShiftReport> = {}): ShiftReport {
  const total = counts({ started: 120, completed: 110, faulted: 6, rejected: 4, attempts: 123, retriedJobs: 3, rapidadminReprints: 2, yield: 110 / 120 });
  return {
    id: 7,
    shiftName: 'Early',
    from: FROM,
    to: TO,
    madeAt: '2026-11-27T14:00:01.000Z',
    timeZone: 'UTC',
    total,
    lateMessages: 0,
    byMachine: [{ key: 'aida-1', counts: total }],
    byBatch: [],
    byTemplate: [],
    downtime: { from: FROM, to: TO, stands: [], standsTotal: 0, causes: [], machines: [] },
    series: { from: FROM, to: TO, cardsPerHour: [], downtimeByCause: [], faultsByErrorCode: [], machines: ['aida-1'] },
    openItems: { alerts: [], reviews: [], commands: [] },
    ...over,
  };
}
