import { describe, expect, it } from 'vitest';
import { applyVerification } from '../../../electron/core/domain/idv/verification';
import { parseIdvMessage } from '../../../shared/idv/message';
import { FINISHED_EXPIRED, FINISHED_OK, SEED_PROCESS_ID } from '../../fixtures/idv';

const message = (text: string) => ({ ...parseIdvMessage(JSON.parse(text)), processId: SEED_PROCESS_ID });

describe('a verification folded from its webhooks', () => {
  it('starts from the first delivery', () => {
    expect(applyVerification(undefined, message(FINISHED_EXPIRED), 't1')).toMatchObject({
      processId: SEED_PROCESS_ID,
      result: 'expired',
      lastEvent: 'EVENT_TYPE_SESSION_ENDED',
      firstAt: 't1',
      updatedAt: 't1',
      deliveries: 1,
    });
  });

  it('takes each delivery as the whole current state, and notes a changed result', () => {
    const first = applyVerification(undefined, { ...message(FINISHED_EXPIRED), alert: 'expired' }, 't1');
    const next = applyVerification(first, message(FINISHED_OK), 't2');
    expect(next).toMatchObject({ result: 'ok', firstAt: 't1', updatedAt: 't2', deliveries: 2 });
    expect(next.lastEvent).toBeUndefined();
    expect(next.alert).toBeUndefined();
    expect(next.notes).toEqual(['Result changed from "expired" to "ok" at t2']);
  });
});
