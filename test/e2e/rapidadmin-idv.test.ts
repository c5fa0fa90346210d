import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowStarted } from '../fixtures/aida';
import { invalidIdentity } from '../fixtures/idv';
import { PERSON_CREATED, credential, printJob, type Delivery } from '../fixtures/rapidadmin';
import { launchChromium, screenshotPath, openConsole, skipBrowserTests } from '../helpers/browser';
import { startFakeAida, type FakeAida } from '../helpers/fake-aida';
import { startServe, type ServeProcess } from '../helpers/serve-process';

const SECRET = 'e2e-signing-secret';
const IDV_KEY = 'e2e-idv-key';
const PROCESS_ID = '5b0c3d1e-9f7a-4c2b-8e61-0a9d7f3c2b14';

describe.skipIf(skipBrowserTests)('serve mode in Chromium: RapIDadmin people and prints, and identity verification', () => {
  let browser: Browser;
  let aida: FakeAida;
  let serve: ServeProcess;
  let origin: string;

  beforeAll(async () => {
    aida = await startFakeAida();
    const config = join(mkdtempSync(join(tmpdir(), 'ic-e2e-config-')), 'console.json');
    writeFileSync(
      config,
      JSON.stringify({ rapidadmin: { signingSecret: SECRET }, idv: { auth: { apiKey: { header: 'x-idv-key', value: IDV_KEY } } } }),
    );
    serve = await startServe(['--config', config, '--aida-url', aida.url, '--webhook-host', '127.0.0.1']);
    origin = new URL(serve.webhookUrl).origin;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    await aida?.close();
  });

  const rapidadmin = (d: Delivery) =>
    fetch(`${origin}/rapidadmin/webhooks`, {
      method: 'POST',
      headers: { 'x-event-name': d.header, 'x-signature': createHmac('sha256', SECRET).update(d.body).digest('hex') },
      body: d.body,
    });

  it('shows a person, a failed print and an invalid identity, with their alerts', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await openConsole(page, serve.uiUrl);
    await page.getByRole('tab', { name: 'People & prints' }).click();
    await page.getByText('No event yet').waitFor();

    expect((await rapidadmin(PERSON_CREATED)).status).toBe(200);
    expect((await rapidadmin(credential('Updated'))).status).toBe(200);
    expect((await rapidadmin(printJob('Failed'))).status).toBe(200);
    // An unsigned delivery is refused and never shown.
    expect((await fetch(`${origin}/rapidadmin/webhooks`, { method: 'POST', headers: { 'x-event-name': PERSON_CREATED.header }, body: PERSON_CREATED.body })).status).toBe(401);

    await page.getByText('New person record created').waitFor();
    await page.getByText('Jones Kevin · ID 20020').first().waitFor();
    const failed = page.locator('li.activity-item', { hasText: 'Card failed to print' });
    await failed.getByText('Failed print').waitFor();
    const printAlert = page.getByRole('alert').filter({ hasText: 'Card failed to print' });
    await printAlert.waitFor();
    expect(await printAlert.textContent()).toContain('Jones Kevin, ID 20020');
    await page.screenshot({ path: screenshotPath('rapidadmin-activity'), fullPage: true });

    expect((await fetch(serve.webhookUrl, { method: 'POST', body: JSON.stringify(workflowStarted('40', { CorrelationId: PROCESS_ID })) })).status).toBe(200);
    const idv = await fetch(`${origin}/idv/webhooks`, { method: 'POST', headers: { 'x-idv-key': IDV_KEY }, body: invalidIdentity(PROCESS_ID) });
    expect(idv.status).toBe(200);

    const idvAlert = page.getByRole('alert').filter({ hasText: 'Identity NOT verified' });
    await idvAlert.waitFor();
    await page.getByRole('tab', { name: 'Verifications' }).click();
    const card = page.locator('li.verification', { hasText: PROCESS_ID });
    await card.locator('[data-outcome="failed"]', { hasText: 'FAILED' }).waitFor();
    await card.locator('.verification-head').getByText('Identity NOT verified').waitFor();
    await card.getByText('Applicant failed verification').waitFor();
    expect(await card.textContent()).toContain('Job 40 on aida-1');
    await page.screenshot({ path: screenshotPath('idv-verification'), fullPage: true });

    await printAlert.getByRole('button', { name: 'Acknowledge' }).click();
    await printAlert.waitFor({ state: 'detached' });
    expect(await idvAlert.count()).toBe(1);
    await page.close();
  });
});
