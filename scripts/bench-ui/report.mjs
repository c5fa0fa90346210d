/** Figures, each printed beside its same-run baseline and its target, with PASS or FAIL. */

export function percentile(values, p) {
  const sorted = values.filter((v) => v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (v) => (v === undefined ? '-' : `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en')} ms`);
export const mb = (bytes) => (bytes === undefined ? '-' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Collects figures: `add(name, shown, baseline, target, pass)`, where `shown` and `baseline` are already formatted
 * and `pass` is true, false or undefined (no target). `text()` gives the table; `missed()` the figures over target.
 */
export class Figures {
  rows = [];

  add(name, shown, baseline, target = '', pass = undefined) {
    this.rows.push({ name, shown, baseline, target, pass });
  }

  text() {
    const verdict = (p) => (p === undefined ? '' : p ? 'PASS' : 'FAIL');
    return table(
      ['figure', 'with the UI', 'baseline, no UI', 'target', ''],
      this.rows.map((r) => [r.name, r.shown, r.baseline, r.target, verdict(r.pass)]),
    );
  }

  missed() {
    return this.rows.filter((r) => r.pass === false).map((r) => r.name);
  }

  toJSON() {
    return this.rows;
  }
}
