import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './chromium';

export { CHROMIUM, skipBrowserTests } from './chromium';
export const SCREENSHOT_DIR = resolve(__dirname, '../../test-results');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return resolve(SCREENSHOT_DIR, `${name}.png`);
}

/**
 * Opens the console and waits until it is connected and has loaded what it shows: until then the "Not connected"
 * banner sits above the navigation, and a click aimed while it disappears would land one row lower.
 */
export async function openConsole(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => {
    const header = document.querySelector('.app-header .mono');
    return document.querySelector('.connection-banner') === null && header !== null && header.textContent !== '';
  });
  // What the first answers add above the navigation (alerts, the notification button) settles before a test clicks:
  // the navigation must stand still for a few frames, or a click lands where a tab was a moment ago.
  await page.waitForFunction(() => {
    const nav = document.querySelector('.nav');
    const y = nav?.getBoundingClientRect().top ?? -1;
    const w = window as unknown as { navY?: number; navStill?: number };
    w.navStill = w.navY === y ? (w.navStill ?? 0) + 1 : 0;
    w.navY = y;
    return w.navStill >= 5;
  }, undefined, { polling: 'raf' });
}
