/* global document, window, requestAnimationFrame -- this function runs in the page */
/**
 * Installed in the page before the console's own scripts (addInitScript): what the benchmark reads of the screen,
 * through the queue's ARIA roles and labels only (the "Jobs" table, its rows and their data-job-id, the filter
 * fields), so it measures whatever the queue does. Every time is epoch milliseconds (`timeOrigin + now()`), comparable
 * with the benchmark's own clock once the offset is measured.
 */
export function installProbe() {
  const now = () => performance.timeOrigin + performance.now();
  const table = () => document.querySelector('[role="table"][aria-label="Jobs"]');
  const isHeader = (row) => row.querySelector('[role="columnheader"]') !== null;

  /** The queue's body rows that are at least partly on screen, top to bottom. */
  function rowsOnScreen() {
    const t = table();
    if (!t) return [];
    const box = t.getBoundingClientRect();
    const top = Math.max(box.top, 0);
    const bottom = Math.min(box.bottom, window.innerHeight);
    const rows = [];
    for (const row of t.querySelectorAll('[role="row"]')) {
      if (isHeader(row)) continue;
      const r = row.getBoundingClientRect();
      if (r.height > 0 && r.bottom > top + 1 && r.top < bottom - 1) rows.push({ row, top: r.top });
    }
    return rows.sort((a, b) => a.top - b.top).map((x) => x.row);
  }

  const probe = {
    firstRowAt: undefined,
    lastInputAt: undefined,
    /** Keys and choices in the queue's filters so far. */
    inputs: 0,
    lastMoveAt: 0,
    /** Job ids (of the benchmark's own live jobs) by the frame they were first on screen. */
    seen: new Map(),
    seeing: false,
    frames: undefined,
    now,
    rowsOnScreen,
    /** What the rows on screen show: their job ids, how many still wait for their page, and the last row's place. */
    screen() {
      const rows = rowsOnScreen();
      const last = rows.at(-1);
      return {
        ids: rows.map((r) => r.getAttribute('data-job-id')).filter((id) => id !== null),
        unfilled: rows.filter((r) => !r.hasAttribute('data-job-id')).length,
        rows: rows.length,
        lastIndex: Number(last?.getAttribute('aria-rowindex') ?? NaN),
        rowCount: Number(table()?.getAttribute('aria-rowcount') ?? NaN),
        lastId: last?.getAttribute('data-job-id') ?? null,
        status: table()?.closest('section')?.querySelector('[role="status"]')?.textContent ?? '',
      };
    },
    /**
     * Resolves at the first frame, after `inputs` more keys or choices in the filters, whose rows on screen begin with
     * `ids` (or, with `none`, show no job and no row waiting for its page, and the count no longer says it is
     * loading): when the result of the last key is on screen.
     */
    waitFor({ ids, none, inputs }, timeoutMs) {
      const started = now();
      const from = probe.inputs;
      return new Promise((resolve) => {
        const check = () => {
          const s = probe.screen();
          const shown = none ? s.ids.length === 0 && s.unfilled === 0 && !/loading/i.test(s.status) : ids.every((id, i) => s.ids[i] === id) && s.unfilled === 0;
          if (shown && probe.inputs - from >= inputs) resolve({ at: now(), lastInputAt: probe.lastInputAt });
          else if (now() - started > timeoutMs) resolve({ at: undefined, lastInputAt: probe.lastInputAt, screen: s });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
    /** The row index (aria-rowindex) of the first row on screen. */
    firstIndex() {
      return Number(rowsOnScreen()[0]?.getAttribute('aria-rowindex') ?? NaN);
    },
    /** Starts recording frame intervals (a fling). */
    startFrames() {
      probe.frames = { at: [now()], fromRow: probe.firstIndex() };
      const tick = () => {
        if (!probe.frames) return;
        probe.frames.at.push(now());
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    /**
     * After a fling: waits until nothing scrolled for `quietMs`, then reports the frames over 50 ms since the fling
     * began, and how long after the last scroll the rows on screen were all filled (0 when they never were empty).
     */
    settle(quietMs, timeoutMs) {
      const started = now();
      let filledSince = probe.screen().unfilled === 0 ? probe.lastMoveAt : undefined;
      return new Promise((resolve) => {
        const check = () => {
          const s = probe.screen();
          const t = now();
          if (s.unfilled > 0 || s.rows === 0) filledSince = undefined;
          else if (filledSince === undefined) filledSince = t;
          const quiet = t - probe.lastMoveAt >= quietMs;
          if ((quiet && filledSince !== undefined) || t - started > timeoutMs) {
            const at = probe.frames?.at ?? [];
            const rowsMoved = probe.firstIndex() - (probe.frames?.fromRow ?? NaN);
            probe.frames = undefined;
            const gaps = at.slice(1).map((x, i) => x - at[i]);
            resolve({
              frames: gaps.length,
              over50: gaps.filter((g) => g > 50).length,
              longest: Math.max(0, ...gaps),
              rowsMoved,
              filledMs: filledSince === undefined ? undefined : Math.max(0, filledSince - probe.lastMoveAt),
              screen: s,
            });
            return;
          }
          requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
  };
  window.__bench = probe;

  // The last key or choice in the queue's filters: what "after the last keystroke" counts from.
  document.addEventListener('input', (e) => {
    if (!e.target?.closest?.('form[role="search"]')) return;
    probe.lastInputAt = now();
    probe.inputs += 1;
  }, true);
  for (const type of ['scroll', 'wheel']) document.addEventListener(type, () => (probe.lastMoveAt = now()), { capture: true, passive: true });

  // Each frame: the first job row on screen (first paint), and while probing, each live job's first frame on screen.
  const frame = () => {
    if (probe.firstRowAt === undefined || probe.seeing) {
      // First paint: the first job row laid out, wherever the page is scrolled (the queue may start below the fold).
      if (probe.firstRowAt === undefined && [...document.querySelectorAll('[role="table"][aria-label="Jobs"] [role="row"][data-job-id]')].some((r) => r.getBoundingClientRect().height > 0)) {
        probe.firstRowAt = now();
      }
      const rows = rowsOnScreen();
      if (probe.seeing) {
        const t = now();
        for (const r of rows) {
          const id = r.getAttribute('data-job-id');
          if (id?.startsWith('L') && !probe.seen.has(id)) probe.seen.set(id, t);
        }
      }
    }
    requestAnimationFrame(frame);
  };
  const begin = () => requestAnimationFrame(frame);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', begin);
  else begin();
}
