import type { Fill } from './charts/fills';

/** The outcomes a stacked bar shows, bottom first, each with its colour and its pattern (never the colour alone). */
export const OUTCOMES = ['completed', 'faulted', 'rejected', 'cancelled', 'unfinished'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_FILLS: Record<Outcome, Fill> = {
  completed: { colour: '#3fb950', pattern: 'solid' },
  faulted: { colour: '#ff7b72', pattern: 'diagonal' },
  rejected: { colour: '#f2cc60', pattern: 'cross' },
  cancelled: { colour: '#a8b3bd', pattern: 'dots' },
  unfinished: { colour: '#58a6ff', pattern: 'horizontal' },
};

export const DOWNTIME_FILL: Fill = { colour: '#d2a8ff', pattern: 'back-diagonal' };
export const CUMULATIVE_LINE = '#ffa657';
export const FAULT_FILL: Fill = { colour: '#ff7b72', pattern: 'diagonal' };

/** The core's word for "the message named none". */
export const NOT_REPORTED = 'not-reported';
