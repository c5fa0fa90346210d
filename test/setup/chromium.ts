import { chromiumProblem, IN_CI } from '../helpers/chromium';

/**
 * The e2e project's global setup: says once why the browser tests are skipped here, or — in CI, where a skip would
 * pass a run that tested nothing in a browser — fails the run before any test starts.
 */
export default function setup(): void {
  const problem = chromiumProblem();
  if (problem === undefined) return;
  if (IN_CI) throw new Error(`CI=true, and the browser tests cannot run: ${problem}. CI does not skip them.`);
  console.warn(`Browser tests skipped: ${problem}.`);
}
