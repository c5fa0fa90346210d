import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { feederEmptySuspended, pascalMessage, workflowStarted } from '../fixtures/aida';
import { writeJson } from '../core/config/helpers';
import { FakeBrowserWindow, FakeEvent, FakeNotification, FakeTray, FakeWebContents, fake, invokeIpc } from './fake-electron';
import { closeShell, launchShell, launchWithAida, until } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

afterEach(closeShell);

/** A live console whose one machine is a fake AIDA, started issuing. */
async function liveAndIssuing() {
  const launched = await launchWithAida();
  expect((await launched.post(pascalMessage('WorkflowSchedulerStarted'))).status).toBe(200);
  await until(() => FakeTray.all[0]?.tooltip.includes('running') ?? false);
  return launched;
}

describe('the window', () => {
  it('is sandboxed and isolated, without Node, and loads only the console\'s own page', async () => {
    const { window } = await launchShell();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(window.loadedUrl).toBe('app://console/index.html');
    expect(window.visible).toBe(true);
  });

  it('serves the page with a strict Content-Security-Policy header, and nothing outside the renderer', async () => {
    await launchShell();
    const handler = fake.session.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    const page = await handler(new Request('app://console/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Issuance Console</title>');
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect((await handler(new Request('app://console/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(404);
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('refuses navigation away, new windows and webviews', async () => {
    const { window } = await launchShell();
    const away = new FakeEvent();
    window.webContents.emit('will-navigate', away, 'https://evil.example/');
    expect(away.defaultPrevented).toBe(true);
    const file = new FakeEvent();
    window.webContents.emit('will-navigate', file, 'file:///etc/passwd');
    expect(file.defaultPrevented).toBe(true);
    const own = new FakeEvent();
    window.webContents.emit('will-navigate', own, 'app://console/index.html');
    expect(own.defaultPrevented).toBe(false);
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const webview = new FakeEvent();
    window.webContents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('denies every permission but notifications, and every request to the network', async () => {
    await launchShell();
    const granted = (permission: string) =>
      new Promise<boolean>((resolve) => fake.session.permissionRequest?.(undefined, permission, resolve));
    expect(await granted('notifications')).toBe(true);
    for (const p of ['media', 'geolocation', 'clipboard-read', 'openExternal']) expect(await granted(p)).toBe(false);
    expect(fake.session.permissionCheck?.(undefined, 'media')).toBe(false);
    expect(fake.session.beforeRequest?.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*']));
    const cancelled = await new Promise((resolve) => fake.session.beforeRequest?.listener({ url: 'https://cdn.example/x.js' }, resolve));
    expect(cancelled).toEqual({ cancel: true });
  });

  it('lets through only the downloads the console\'s own page makes (the audit CSV)', async () => {
    await launchShell();
    const download = (url: string) => {
      let prevented = false;
      fake.session.emit('will-download', { preventDefault: () => (prevented = true) }, { getURL: () => url });
      return prevented;
    };
    expect(download('blob:app://console/4b1c-audit')).toBe(false);
    expect(download('https://evil.example/payload.exe')).toBe(true);
    expect(download('blob:https://evil.example/x')).toBe(true);
  });

  it('registers its page\'s scheme as standard and secure before the app is ready', async () => {
    const { registerRendererScheme } = await import('../../electron/shell/renderer-protocol');
    await launchShell();
    registerRendererScheme();
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });
});

describe('IPC between the page and the core', () => {
  it('answers the console\'s own window through the contract', async () => {
    const { window } = await launchShell();
    const result = await invokeIpc('console:getSnapshot', window.webContents, {});
    expect(result).toMatchObject({ ok: true, value: { mode: 'training' } });
  });

  it('refuses a malformed call with an error, and never carries it out', async () => {
    const { window, locations } = await launchShell();
    expect(await invokeIpc('console:resume', window.webContents, { machineId: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('machineId') },
    });
    expect(await invokeIpc('console:setSetting', window.webContents, { key: 'station', value: 'x', extra: 'y' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(() => readFileSync(locations.user)).toThrow();
  });

  it('refuses calls from another window, a subframe, or a page that is not the console\'s', async () => {
    const { window } = await launchShell();
    const notAllowed = { ok: false, error: { code: 'not-allowed' } };
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://console/index.html';
    expect(await invokeIpc('console:getSnapshot', stranger, {})).toMatchObject(notAllowed);
    expect(await invokeIpc('console:getSnapshot', window.webContents, {}, { url: 'app://console/index.html' })).toMatchObject(notAllowed);
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect(await invokeIpc('console:getSnapshot', window.webContents, {})).toMatchObject(notAllowed);
  });

  it('pushes the core\'s events to the window', async () => {
    const { window, post } = await launchShell();
    await post(workflowStarted('77'));
    await until(() => window.webContents.sent.some(([channel, e]) => channel === 'console:event' && (e as { type: string }).type === 'jobs'));
  });
});

describe('one console per user', () => {
  it('a second launch brings the first console\'s window forward', async () => {
    const { window } = await launchShell();
    window.minimize();
    window.hide();
    fake.app.emit('second-instance', new FakeEvent(), ['issuance-console']);
    expect(window).toMatchObject({ visible: true, minimized: false, focused: true });
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });

  it('the second launch itself hands over and starts nothing', async () => {
    const { startShell } = await import('../../electron/shell/start');
    const { resetFakeElectron } = await import('./fake-electron');
    resetFakeElectron('/nowhere');
    fake.app.lockGranted = false;
    expect(await startShell({ argv: [], preload: 'p', rendererDir: 'r' })).toBeUndefined();
    expect(fake.app.quitCalls).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });
});

describe('closing the window keeps the console running in the tray', () => {
  it('hides the window, keeps taking webhooks, and says so once', async () => {
    const { window, post } = await launchShell();
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.visible).toBe(false);
    expect(fake.app.exitCodes).toEqual([]);
    expect((await post(workflowStarted('1'))).status).toBe(200);
    window.show();
    window.close();
    expect(FakeNotification.shown).toHaveLength(1);
    expect(FakeNotification.shown[0]?.body).toContain('keeps receiving');
  });

  it('reopens the window from the tray', async () => {
    const { window } = await launchShell();
    window.close();
    FakeTray.all[0]?.emit('click');
    expect(window.visible).toBe(true);
  });

  it('does not hide a kiosk station\'s window at all', async () => {
    const { window } = await launchShell([], (locations) => writeJson(locations.machine, { desktop: { display: 'kiosk' } }));
    expect(window.kiosk).toBe(true);
    window.close();
    expect(window.visible).toBe(true);
    expect(window.destroyed).toBe(false);
  });
});

describe('the tray shows the worst state', () => {
  it('goes from stopped to running to alert as the machine reports', async () => {
    const { post } = await liveAndIssuing();
    const tray = FakeTray.all[0];
    expect(tray?.tooltip).toMatch(/^Issuance Console: running — AIDA running$/);
    await post(feederEmptySuspended());
    await until(() => tray?.tooltip.includes('ALERT') ?? false);
    expect(tray?.menu?.template[0]?.label).toBe(tray?.tooltip);
  });
});

describe('quitting', () => {
  it('asks first while a live machine is issuing, and keeps running when the operator says so', async () => {
    const { post, userData } = await liveAndIssuing();
    fake.dialogs.answers.push(0);
    fake.app.quit();
    await until(() => fake.dialogs.messageBoxes.length === 1);
    expect(fake.dialogs.messageBoxes[0]?.message).toBe('AIDA is issuing cards.');
    expect(fake.dialogs.messageBoxes[0]?.buttons).toEqual(['Keep the console running', 'Quit anyway']);
    // The shell logs how it read the answer before it acts on it, and a shutdown logs "stopping" first: once the
    // answer is logged, a quit would have begun.
    const log = () => readFileSync(join(userData, 'logs', 'console.log'), 'utf8');
    await until(() => log().includes('quit cancelled: AIDA issuing'));
    expect(log()).not.toContain('stopping (');
    expect(fake.app.exitCodes).toEqual([]);
    expect((await post(workflowStarted('2'))).status).toBe(200);

    fake.dialogs.answers.push(1);
    fake.app.quit();
    await until(() => fake.app.exitCodes.length === 1);
    expect(fake.app.exitCodes).toEqual([0]);
  });

  it('does not ask in training mode', async () => {
    await launchShell();
    fake.app.quit();
    await until(() => fake.app.exitCodes.length === 1);
    expect(fake.dialogs.messageBoxes).toEqual([]);
  });

  it('stops in order: webhooks refused, in-flight writes finished, database closed, then exit', async () => {
    const { shell, post } = await launchShell();
    const dbFile = join(shell.core.config.dataDir, 'console.sqlite');
    const inFlight = post(workflowStarted('42'));
    fake.app.quit();
    expect((await inFlight).status).toBe(200);
    await until(() => fake.app.exitCodes.length === 1);
    await expect(post(workflowStarted('43'))).rejects.toThrow();
    // Closed cleanly: a new connection can take an exclusive lock and finds the acknowledged webhook.
    const db = new Database(dbFile);
    db.pragma('locking_mode = EXCLUSIVE');
    const stored = db.prepare("SELECT count(*) AS n FROM events WHERE message_type = 'WorkflowStarted'").get() as { n: number };
    db.close();
    expect(stored.n).toBe(1);
    const log = readFileSync(join(shell.log.dir, 'console.log'), 'utf8');
    expect(log.indexOf('stopping (quit)')).toBeLessThan(log.indexOf('INFO stopped'));
    expect(FakeTray.all[0]?.destroyed).toBe(true);
  });

  it('says why when the console cannot start, instead of exiting silently', async () => {
    // A port in use no longer stops the start (the console runs without that listener and says so): a data directory
    // that cannot be opened does, since the console could keep nothing it acknowledges.
    const first = await launchShell();
    const { startShell } = await import('../../electron/shell/start');
    const { resetFakeElectron } = await import('./fake-electron');
    resetFakeElectron(first.userData);
    const notAFolder = join(first.userData, 'not-a-folder');
    writeFileSync(notAFolder, 'a file where the data directory should be');
    const second = await startShell({ argv: ['--data-dir', notAFolder], preload: 'p', rendererDir: 'r', locations: first.locations });
    expect(second).toBeUndefined();
    expect(fake.dialogs.errorBoxes[0]?.[0]).toBe('Issuance Console could not start');
    expect(fake.dialogs.errorBoxes[0]?.[1]).toContain(notAFolder);
    expect(fake.app.exitCodes).toEqual([1]);
    await first.shell.lifecycle.shutdown('test over');
  });
});

describe('settings from the shell', () => {
  it('applies a display change from the settings screen at once', async () => {
    const { window } = await launchShell();
    const result = await invokeIpc('console:setSetting', window.webContents, { key: 'desktop.display', value: 'full-screen' });
    expect(result).toMatchObject({ ok: true });
    expect(window.fullScreen).toBe(true);
  });

  it('seals secrets with the OS keychain when there is one', async () => {
    const { window, locations } = await launchShell([], () => Object.assign(fake.safeStorage, { available: true, backend: 'gnome_libsecret' }));
    await invokeIpc('console:setSetting', window.webContents, { key: 'webhook.token', value: 'a-token-of-at-least-16' });
    const stored = readFileSync(locations.user, 'utf8');
    expect(stored).toContain('$encrypted');
    expect(stored).not.toContain('a-token-of-at-least-16');
    const view = (await invokeIpc('console:getSettings', window.webContents, {})) as { value: { secrets: string } };
    expect(view.value.secrets).toBe('keychain');
  });

  it('does not trust Linux\'s "basic_text" fallback as a keychain', async () => {
    const { window } = await launchShell([], () => Object.assign(fake.safeStorage, { available: true, backend: 'basic_text' }));
    const view = (await invokeIpc('console:getSettings', window.webContents, {})) as { value: { secrets: string } };
    expect(view.value.secrets).toBe('plain');
  });

  it('logs configuration problems and starts anyway', async () => {
    const { shell, locations } = await launchShell([], (l) => writeJson(l.user, { webhook: { port: 'x' } }));
    const log = readFileSync(join(shell.log.dir, 'console.log'), 'utf8');
    expect(log).toContain(`config problem: ${locations.user}: webhook.port`);
    expect(shell.core.mode).toBe('training');
  });

  it('offers the log folder in the menu', async () => {
    const { shell } = await launchShell();
    const menu = fake.applicationMenu as { template: { submenu: { label?: string; click?: () => void }[] }[] };
    const item = menu.template.flatMap((m) => m.submenu).find((i) => i.label === 'Open &log folder');
    item?.click?.();
    expect(fake.openedPaths).toEqual([shell.log.dir]);
  });
});

describe('native modules', () => {
  it('ignores ISSUANCE_CONSOLE_NATIVE_BINDING once packaged: the console starts on its own SQLite build', async () => {
    process.env['ISSUANCE_CONSOLE_NATIVE_BINDING'] = '/tmp/not-a-real-library/evil.node';
    try {
      const { post } = await launchShell([], () => {
        fake.app.isPackaged = true;
      });
      expect((await post(workflowStarted('1'))).status).toBe(200);
      expect(fake.app.exitCodes).toEqual([]);
    } finally {
      delete process.env['ISSUANCE_CONSOLE_NATIVE_BINDING'];
    }
  });
});
