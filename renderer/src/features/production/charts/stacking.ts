/** The arithmetic behind the charts, apart from drawing: what each bar and line reaches. */

/**
 * Running totals, bottom layer first: layer k's bar reaches the sum of layers 0..k. The bars are drawn top layer first
 * so that each lower layer paints over the part of the taller bar below its own top: a stack, without uPlot's bands.
 */
export function stackTotals(layers: readonly { values: readonly number[] }[], categories: number): number[][] {
  const totals: number[][] = [];
  let below = new Array<number>(categories).fill(0);
  for (const layer of layers) {
    const sums = below.map((b, i) => b + (layer.values[i] ?? 0));
    totals.push(sums);
    below = sums;
  }
  return totals;
}

/** Largest first, with each cause's running share of the whole in percent (the Pareto line). */
export function paretoOrder(items: readonly { label: string; value: number }[]): { label: string; value: number; cumulative: number }[] {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const total = sorted.reduce((sum, i) => sum + i.value, 0);
  let running = 0;
  return sorted.map((i) => {
    running += i.value;
    return { ...i, cumulative: total === 0 ? 0 : (running / total) * 100 };
  });
}
