import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core on what the page shows now and returns its serious and critical violations. Evaluated over the
 * DevTools protocol, as the page's Content-Security-Policy refuses any script tag of its own.
 */
export async function seriousViolations(page: Page, screen: string): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    interface AxeViolation {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.map(String).join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
      }));
  });
  for (const v of violations) {
    console.log(`[axe] ${screen}: ${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n}`).join('\n')}`);
  }
  return violations;
}

/**
 * Presses Tab until focus comes round again, and returns what each press reached that has no visible focus
 * indicator, and every visible, enabled control that no press reached. With `scope` (a modal dialog's selector), from
 * where the dialog put the focus, and only the controls inside it count.
 */
export async function keyboardPass(page: Page, scope?: string, maxPresses = 400): Promise<{ reached: number; unmarked: string[]; unreachable: string[] }> {
  await page.evaluate((inDialog) => {
    document.querySelectorAll('[data-tabbed]').forEach((e) => e.removeAttribute('data-tabbed'));
    if (!inDialog) (document.activeElement as HTMLElement | null)?.blur();
  }, scope !== undefined);
  const unmarked: string[] = [];
  let reached = 0;
  for (let i = 0; i < maxPresses; i++) {
    // At a hand's pace: keys in a burst are a barcode scanner's, which the console keeps from acting as keys.
    await page.waitForTimeout(40);
    await page.keyboard.press('Tab');
    const step = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { again: false, marked: true, name: '' };
      const again = el.hasAttribute('data-tabbed');
      el.setAttribute('data-tabbed', '');
      const style = getComputedStyle(el);
      const marked = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
      return { again, marked, name };
    });
    if (step.again) break;
    if (!step.name) continue;
    reached += 1;
    if (!step.marked) unmarked.push(step.name);
  }
  const unreachable = await page.evaluate((within) => {
    const root = (within ? document.querySelector(within) : null) ?? document;
    return [...root.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, [tabindex]')]
      .filter((el) => !(el as HTMLButtonElement).disabled && el.getAttribute('tabindex') !== '-1' && (el as HTMLInputElement).type !== 'hidden')
      // Shown: not inside a closed <details> (whose content keeps its boxes but is not rendered), nor hidden.
      .filter((el) => el.checkVisibility({ visibilityProperty: true }))
      // One radio of a group takes the Tab; the arrow keys move within it.
      .filter((el) => !((el as HTMLInputElement).type === 'radio' && document.querySelector(`input[type=radio][name="${(el as HTMLInputElement).name}"][data-tabbed]`)))
      .filter((el) => !el.hasAttribute('data-tabbed'))
      .map((el) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`);
  }, scope);
  return { reached, unmarked, unreachable };
}

/**
 * Watches every live region (aria-live, and the roles that are live: alert, status, log, timer, marquee) for a
 * while and returns what changed in them: with nothing happening, a screen reader must be told nothing.
 */
export async function liveRegionChanges(page: Page, ms: number): Promise<string[]> {
  return page.evaluate(async (wait) => {
    const changes: string[] = [];
    const live = document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role=alert], [role=status], [role=log], [role=timer], [role=marquee]');
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const region = (r.target instanceof Element ? r.target : r.target.parentElement)?.closest('[aria-live], [role=alert], [role=status], [role=log]');
        if (r.target.parentElement?.closest('[aria-hidden="true"]') || (r.target instanceof Element && r.target.closest('[aria-hidden="true"]'))) continue;
        changes.push(`${region?.getAttribute('role') ?? region?.getAttribute('aria-live') ?? '?'}: "${(r.target.textContent ?? '').trim().slice(0, 60)}"`);
      }
    });
    live.forEach((el) => observer.observe(el, { subtree: true, childList: true, characterData: true }));
    await new Promise((r) => setTimeout(r, wait));
    observer.disconnect();
    return changes;
  }, ms);
}
