import { PING_FRAME, PONG_FRAME } from '../../shared/api/heartbeat';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedSignedOut } from '../../shared/api/permissions';
import { isMethodName } from '../../shared/api/contract';
import { SIGNAL_PATH, ocrExecuted, seedFeederEmpty, workflowStarted } from '../fixtures/aida';
import { HOLD_MS } from '../../renderer/src/features/keyboard/use-floor-keys';
import { launchChromium, openConsole, screenshotPath, skipBrowserTests } from '../helpers/browser';
import { startFakeAida, type FakeAida } from '../helpers/fake-aida';
import { servedConsole } from '../helpers/served-console';
import { startServe, type ServeProcess } from '../helpers/serve-process';

const RESUME_PATH = '/aida/v1/workflow-scheduler/resume';
const OLGA = { name: 'Olga Operator', pin: '1357', badge: '0042117' };
const SAM = { name: 'Sam Supervisor', pin: '2468' };

/** Presses a PIN on the on-screen keypad, key by key, as a gloved finger does. */
async function tapPin(where: Page | Locator, pin: string): Promise<void> {
  for (const digit of pin) await where.getByRole('button', { name: digit, exact: true }).click();
}

describe.skipIf(skipBrowserTests)('serve mode in Chromium: named people sign in, act, and a supervisor approves at the operator station', () => {
  const served = servedConsole();
  let page: Page;
  const post = async (body: unknown) => expect((await served.post(body)).status).toBe(200);
  const commandsTo = (path: string) => served.aida.commands().filter((c) => c.path === path);

  beforeAll(async () => {
    page = await served.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openConsole(page, served.serve.uiUrl);
  });

  it('an open station says who actions are recorded as, and creates the first IT account, signed in at once', async () => {
    const band = page.locator('.station-band');
    await band.getByText('Open station:').waitFor();
    expect(await band.textContent()).toMatch(/Open station: actions are recorded as \S+/);
    await page.screenshot({ path: screenshotPath('people-open-station') });

    await band.getByRole('button', { name: /Create the first IT account/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Create the first IT account' });
    await dialog.getByLabel('Name').fill('Ida IT');
    await dialog.getByLabel('PIN', { exact: true }).fill('246810');
    await dialog.getByLabel('The same PIN again').fill('246810');
    await dialog.getByRole('button', { name: /Create and sign in/ }).click();
    await page.getByLabel('Signed in').getByText('Ida IT').waitFor();
    expect(await page.getByText('Open station:').count()).toBe(0);
  });

  it('IT creates an operator with a badge and a supervisor on the People screen', async () => {
    await page.getByRole('tab', { name: 'Accounts' }).click();
    for (const [person, role] of [
      [OLGA, 'Operator'],
      [SAM, 'Supervisor'],
    ] as const) {
      await page.getByRole('button', { name: /Create an account/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Create an account' });
      await dialog.getByLabel(/^Name/).fill(person.name);
      await dialog.getByRole('radio', { name: role }).check();
      await dialog.getByLabel('PIN', { exact: true }).fill(person.pin);
      await dialog.getByLabel('The same PIN again').fill(person.pin);
      if ('badge' in person) await dialog.getByLabel(/Badge/).fill(person.badge);
      await dialog.getByLabel(/choose their own PIN/).uncheck();
      await dialog.getByRole('button', { name: /Create the account/ }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    const rows = page.getByRole('list', { name: 'Accounts' }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.filter({ hasText: OLGA.name }).textContent()).toContain('badge set');
    await page.screenshot({ path: screenshotPath('people-screen') });
  });

  it('the operator signs in by name and PIN on the keypad, and Resume reaches the machine', async () => {
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.locator('.station-band').getByText(/Nobody is signed in/).waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: new RegExp(OLGA.name) }).waitFor();
    await page.screenshot({ path: screenshotPath('people-sign-in') });

    await page.getByRole('button', { name: new RegExp(OLGA.name) }).click();
    await tapPin(page, OLGA.pin);
    await page.screenshot({ path: screenshotPath('people-keypad') });
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Signed in').getByText(OLGA.name).waitFor();
    expect(await page.getByLabel('Signed in').textContent()).toContain('Operator');

    await post(workflowStarted('40'));
    await post(seedFeederEmpty());
    const alert = page.getByRole('alert').filter({ hasText: 'Feeder empty' });
    await alert.getByRole('button', { name: 'Resume' }).click();
    await alert.getByText('Resume: Accepted by the machine').waitFor();
    expect(commandsTo(RESUME_PATH)).toHaveLength(1);
    await post(workflowStarted('41'));
    await alert.waitFor({ state: 'detached' });
  });

  it('Reject asks for a supervisor, goes through with the supervisor PIN, and the audit names the supervisor', async () => {
    await post(workflowStarted('60'));
    await post(ocrExecuted('60'));
    await page.getByRole('tab', { name: /Reviews/ }).click();
    const card = page.getByRole('article', { name: /OCR read/ }).filter({ hasText: 'CORR-60' });
    await card.getByRole('button', { name: /Reject/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio').first().check();
    await dialog.getByRole('button', { name: /Next: a supervisor approves/ }).click();
    await dialog.getByRole('button', { name: SAM.name }).click();
    await tapPin(dialog, SAM.pin);
    await page.screenshot({ path: screenshotPath('people-step-up') });
    expect(commandsTo(SIGNAL_PATH)).toHaveLength(0);
    await dialog.getByRole('button', { name: /reject the card/ }).click();
    await card.getByText('Decision: Accepted by the machine').waitFor();
    expect(commandsTo(SIGNAL_PATH).map((c) => (c.body as { outcome?: string }).outcome)).toEqual(['Faulted']);
    // The operator stays signed in: the supervisor approved at her station.
    expect(await page.getByLabel('Signed in').textContent()).toContain(OLGA.name);

    await page.getByRole('tab', { name: /Audit/ }).click();
    const decision = page.getByRole('row').filter({ hasText: 'Decision' });
    await decision.first().waitFor();
    expect(await decision.first().textContent()).toContain(SAM.name);
    // Beside the commands: who signed in, where.
    await page.getByRole('region', { name: /Sign-ins, settings/ }).getByText(OLGA.name).first().waitFor();
    await page.screenshot({ path: screenshotPath('people-audit'), fullPage: true });
  });

  it('signs in with a badge: a fast burst of keys ending in Enter on the sign-in screen', async () => {
    await page.getByRole('button', { name: /Sign out/ }).click();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: /scan your badge/ }).waitFor();
    // A badge reader types like a keyboard, only faster than any hand.
    await page.keyboard.type(OLGA.badge);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Sign in as badge …${OLGA.badge.slice(-4)}` }).waitFor();
    await tapPin(page, OLGA.pin);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Signed in').getByText(OLGA.name).waitFor();
  });

  it("reads the audit's details in her own language: her sign-in by badge and the change of language in German", async () => {
    await page.getByLabel('Signed in').getByLabel('Language').selectOption('de');
    await page.getByRole('tab', { name: /Protokoll/ }).click();
    const events = page.getByRole('region', { name: 'Anmeldungen, Einstellungen, Konten und Ablehnungen' });
    await events.getByText('Konto geändert: Sprache Deutsch').first().waitFor();
    const text = (await events.textContent()) ?? '';
    expect(text).toContain('Anmeldung: mit Ausweis');
    expect(text).toContain('Anmeldung: mit Namen');
    expect(text).toContain('Konto angelegt: Rolle Bediener, mit Ausweis');
    expect(text).not.toMatch(/sign-in: by|account-created|account-changed/);
    await events.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('people-audit-german') });
    await page.getByLabel('Angemeldet').getByLabel('Sprache').selectOption('');
  });
});

describe.skipIf(skipBrowserTests)('serve mode in Chromium: a console with auth.required', () => {
  let browser: Browser;
  let aida: FakeAida;
  let serve: ServeProcess;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ic-people-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ auth: { required: true } }));
    aida = await startFakeAida();
    serve = await startServe(['--aida-url', aida.url, '--webhook-host', '127.0.0.1', '--config', config]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await aida?.close();
  });

  it('sends nothing a person must authorise before someone signs in: shown read-only, the first screen creates the IT account', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const sent: string[] = [];
    page.on('websocket', (ws) =>
      ws.on('framesent', (frame) => {
        // The heartbeat's pings and pongs (every 2 s) call nothing.
        if (frame.payload === PING_FRAME || frame.payload === PONG_FRAME) return;
        const method: unknown = (JSON.parse(String(frame.payload)) as { method?: unknown }).method;
        sent.push(String(method));
      }),
    );
    await openConsole(page, serve.uiUrl);
    const band = page.locator('.station-band');
    await band.getByText(/Nobody is signed in/).waitFor();
    await band.getByRole('button', { name: /Create the first IT account/ }).waitFor();

    const post = (body: unknown) =>
      fetch(serve.webhookUrl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post(workflowStarted('70'))).status).toBe(200);
    expect((await post(seedFeederEmpty())).status).toBe(200);
    const alert = page.getByRole('alert').filter({ hasText: 'Feeder empty' });
    await alert.waitFor();
    expect(await alert.getByRole('button', { name: 'Resume' }).isDisabled()).toBe(true);
    expect(await alert.textContent()).toContain('Sign in to act');
    // Holding R, which resumes for a person signed in, does nothing here.
    await page.keyboard.down('r');
    await page.waitForTimeout(HOLD_MS * 2);
    await page.keyboard.up('r');
    await page.screenshot({ path: screenshotPath('people-locked-console') });

    expect(aida.commands()).toEqual([]);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((m) => !isMethodName(m) || !allowedSignedOut(m))).toEqual([]);
    await page.close();
  });
});
