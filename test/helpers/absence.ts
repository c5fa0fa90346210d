/**
 * Shows that something did NOT happen where only time can show it: no later event the test could wait for would
 * come after it. Prefer waiting for such an event (a later message processed, a log line, a tick driven by the test)
 * and asserting the absence then; use this only when there is none, and say in `why` what bounds the wait.
 *
 * Checks `holds` every 10 ms for `forMs` and fails the moment it stops holding, so the test fails fast and also
 * catches a state that comes and goes within the window.
 */
export async function staysTrue(holds: () => boolean, { forMs, why }: { forMs: number; why: string }): Promise<void> {
  const until = Date.now() + forMs;
  for (;;) {
    if (!holds()) throw new Error(`stopped holding within ${forMs} ms (${why})`);
    if (Date.now() >= until) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
