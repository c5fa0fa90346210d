import { describe, expect, it } from 'vitest';
import { paretoOrder, stackTotals } from '../../../../renderer/src/features/production/charts/stacking';

describe('what the charts draw', () => {
  it('stacks each outcome on the ones below it, an hour without a figure counting as none', () => {
    const totals = stackTotals([{ values: [10, 0, 5] }, { values: [2, 1] }, { values: [1, 1, 1] }], 3);
    expect(totals).toEqual([
      [10, 0, 5],
      [12, 1, 5],
      [13, 2, 6],
    ]);
  });

  it('orders the causes of downtime largest first, with the running share of the whole', () => {
    const order = paretoOrder([
      { label: 'FeederEmpty', value: 10 },
      { label: 'CardJam', value: 30 },
      { label: 'OpenInterlock', value: 10 },
    ]);
    expect(order.map((o) => o.label)).toEqual(['CardJam', 'FeederEmpty', 'OpenInterlock']);
    expect(order.map((o) => o.cumulative)).toEqual([60, 80, 100]);
  });

  it('draws a flat line at nought when the line never stood', () => {
    expect(paretoOrder([{ label: 'FeederEmpty', value: 0 }])).toEqual([{ label: 'FeederEmpty', value: 0, cumulative: 0 }]);
  });
});
