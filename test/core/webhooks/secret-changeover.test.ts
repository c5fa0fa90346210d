import { afterEach, describe, expect, it } from 'vitest';
import { RAPIDADMIN_WEBHOOK_PATH } from '../../../electron/core/webhooks/rapidadmin-route';
import { verifySignature } from '../../../electron/core/webhooks/signature';
import { PERSON_CREATED } from '../../fixtures/rapidadmin';
import { startTestConsole, testConfig, type TestConsole } from '../../helpers/core';
import { hmacHex, postTo } from './harness';

const NEW = 'rapidadmin-new-signing-secret';
const OLD = 'rapidadmin-old-signing-secret';

let core: TestConsole | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const send = (c: TestConsole, secret: string) =>
  postTo(c, RAPIDADMIN_WEBHOOK_PATH, PERSON_CREATED.body, { 'x-event-name': PERSON_CREATED.header, 'x-signature': hmacHex(secret, PERSON_CREATED.body) });

describe('a RapIDadmin signing secret changed over', () => {
  it('accepts deliveries signed with the new secret or the one it replaces, and no other', async () => {
    core = await startTestConsole(testConfig({ rapidadmin: { signingSecret: NEW, previousSigningSecret: OLD } }));
    expect((await send(core, NEW)).status).toBe(200);
    expect((await send(core, OLD)).status).toBe(200);
    expect((await send(core, 'some-other-secret')).status).toBe(401);
  });

  it('refuses the old secret once the previous one is removed', async () => {
    core = await startTestConsole(testConfig({ rapidadmin: { signingSecret: NEW } }));
    expect((await send(core, OLD)).status).toBe(401);
    expect((await send(core, NEW)).status).toBe(200);
  });

  it('checks each secret whichever matched (the time does not tell which)', () => {
    const body = Buffer.from(PERSON_CREATED.body);
    expect(verifySignature([NEW, OLD], body, hmacHex(OLD, PERSON_CREATED.body))).toEqual({ ok: true });
    expect(verifySignature([NEW, OLD], body, hmacHex('x', PERSON_CREATED.body))).toEqual({ ok: false, reason: 'x-signature does not match the body' });
  });
});
