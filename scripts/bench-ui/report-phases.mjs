/* global document, uPlot -- the functions handed to page.evaluate run in the page */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * The production view's phases (issue 15): uPlot drawing 10,000 points beside the same points drawn on a bare canvas,
 * and the shift report of the filled line opened on screen beside the same report read over the API.
 */

const POINTS = 10_000;

/**
 * Draws a 10,000-point chart `draws` times, each with new data, and returns each draw's time: uPlot (setData until its
 * draw hook ran) and, as the same-run baseline, one bare canvas path through the same points. On a blank page: the
 * library, not the console's page (whose policy allows no injected script), is measured here; that it keeps the policy
 * is shift-report.test.ts's.
 */
export async function chartDraws(browser, root, draws = 60) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  try {
    await page.addScriptTag({ path: resolve(root, 'node_modules/uplot/dist/uPlot.iife.min.js') });
    await page.addStyleTag({ path: resolve(root, 'node_modules/uplot/dist/uPlot.min.css') });
    return await page.evaluate(
      async ({ points, draws }) => {
        const data = (shift) => {
          const xs = new Float64Array(points);
          const ys = new Float64Array(points);
          for (let i = 0; i < points; i++) {
            xs[i] = i;
            ys[i] = 50 + 40 * Math.sin((i + shift) / 97) + 8 * Math.sin((i * 7 + shift) / 13);
          }
          return [xs, ys];
        };
        const tick = () => new Promise((r) => setTimeout(r, 0));
        let drawnAt = 0;
        const box = document.body.appendChild(document.createElement('div'));
        const chart = new uPlot(
          {
            width: 1200,
            height: 320,
            legend: { show: false },
            cursor: { show: false },
            scales: { x: { time: false } },
            series: [{}, { stroke: '#3fb950', width: 2 }],
            hooks: { draw: [() => (drawnAt = performance.now())] },
          },
          data(0),
          box,
        );
        const withUplot = [];
        for (let d = 1; d <= draws; d++) {
          const next = data(d * 31);
          await tick();
          const t0 = performance.now();
          chart.setData(next);
          await Promise.resolve();
          await tick();
          withUplot.push(drawnAt - t0);
        }
        chart.destroy();
        const canvas = document.body.appendChild(document.createElement('canvas'));
        canvas.width = 1200;
        canvas.height = 320;
        const ctx = canvas.getContext('2d');
        const bare = [];
        for (let d = 1; d <= draws; d++) {
          const [xs, ys] = data(d * 31);
          await tick();
          const t0 = performance.now();
          ctx.clearRect(0, 0, canvas.width, canvas.height);
          ctx.beginPath();
          for (let i = 0; i < points; i++) ctx.lineTo((xs[i] / points) * canvas.width, canvas.height - (ys[i] / 100) * canvas.height);
          ctx.strokeStyle = '#3fb950';
          ctx.lineWidth = 2;
          ctx.stroke();
          bare.push(performance.now() - t0);
        }
        return { withUplot, bare };
      },
      { points: POINTS, draws },
    );
  } finally {
    await page.close();
  }
}

/**
 * The shift report with the most jobs among those the list shows first (its first page, 20), or undefined when none
 * was made.
 */
export async function busiestShiftReport(api) {
  const listed = await api.call('listShiftReports', { limit: 20 });
  if (!listed.ok) return undefined;
  return [...listed.value.rows].sort((a, b) => b.total.started - a.total.started)[0];
}

/** Reading the report over the WebSocket, no UI: the baseline. */
export async function reportByApi(api, id, reps) {
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const answer = await api.call('shiftReport', { id });
    if (!answer.ok) throw new Error(`shiftReport ${id}: ${answer.error.message}`);
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Opens the report from the list of shift reports, `reps` times: from the press of Open until its figures and every
 * chart it has are on screen (a canvas drawn, or the words saying there is nothing to draw).
 */
export async function reportOnScreen(page, id, reps) {
  await page.getByRole('tab', { name: 'Production' }).click();
  await page.getByRole('button', { name: 'Shift reports' }).click();
  const times = [];
  for (let i = 0; i < reps; i++) {
    const open = page.locator(`tr[data-report-id="${id}"]`).getByRole('button', { name: 'Open' });
    await open.waitFor({ timeout: 60_000 });
    const t0 = performance.now();
    await open.click();
    await page.waitForFunction(
      () => {
        const report = document.querySelector('.shift-report');
        if (!report || !report.querySelector('.accounting-table tbody tr')) return false;
        const cards = [...report.querySelectorAll('.chart-card')];
        return cards.length === 4 && cards.every((c) => c.querySelector('canvas') !== null || c.querySelector('.muted') !== null);
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    times.push(performance.now() - t0);
    await page.getByRole('button', { name: /All shift reports/ }).click();
  }
  await page.getByRole('tab', { name: 'Machines & jobs' }).click();
  return times;
}
