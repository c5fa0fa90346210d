/** The targets the console is held to, both measured against figures from the same run. */
export const THROUGHPUT_SHARE = 0.6;
export const P99_LIMIT_MS = 10;

const fmt = (n, digits = 0) =>
  n === undefined || Number.isNaN(n) ? '-' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The figures as a table, then each target with PASS or FAIL. Returns the text and whether every target passed. */
export function report(results, { connections, rate }) {
  const rows = results.map(({ target, saturated, latency }) => [
    target.name,
    fmt(saturated.perSecond),
    fmt(saturated.serverCpu * 100),
    fmt(saturated.clientCpu * 100),
    fmt(latency.achieved),
    fmt(latency.p50, 2),
    fmt(latency.p99, 2),
    fmt(latency.max, 2),
    String(saturated.failed + latency.failed),
  ]);
  const text = [
    table(
      [
        'server',
        `msg/s @${connections} conns`,
        'server CPU %',
        'client CPU %',
        `sent/s @${fmt(rate)}`,
        'p50 ms',
        'p99 ms',
        'max ms',
        'non-2xx',
      ],
      rows,
    ),
    '',
  ];
  const baseline = results.find((r) => r.target.kind === 'bare');
  let passed = true;
  const verdict = (ok) => {
    passed &&= ok;
    return ok ? 'PASS' : 'FAIL';
  };
  text.push(`Targets: saturated throughput >= ${THROUGHPUT_SHARE} x the baseline's; p99 < ${P99_LIMIT_MS} ms at ${fmt(rate)} msg/s.`);
  for (const r of results.filter((x) => x.target.kind === 'console')) {
    const share = baseline ? r.saturated.perSecond / baseline.saturated.perSecond : NaN;
    text.push(
      `  ${r.target.name}: throughput ${fmt(share, 2)} x baseline ${verdict(share >= THROUGHPUT_SHARE)}; ` +
        `p99 ${fmt(r.latency.p99, 2)} ms ${verdict(r.latency.p99 < P99_LIMIT_MS && r.latency.failed === 0)}`,
    );
  }
  return { text: text.join('\n'), passed };
}
