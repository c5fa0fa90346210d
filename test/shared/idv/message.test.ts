import { describe, expect, it } from 'vitest';
import { alertReason, DEFAULT_ALERT_RULES } from '../../../shared/idv/alert-rules';
import { idvDedupeKey, parseIdvMessage } from '../../../shared/idv/message';
import { LAST_EVENTS } from '../../../shared/idv/vocabulary';
import { FINISHED_EXPIRED, FINISHED_OK, LAST_EVENT_TABLE, SEED_PROCESS_ID, invalidIdentity } from '../../fixtures/idv';

describe('identity-verification webhooks', () => {
  it('reads the seed examples', () => {
    expect(parseIdvMessage(JSON.parse(FINISHED_OK))).toEqual({
      readable: true,
      processId: SEED_PROCESS_ID,
      state: 'PROCESS_STATE_FINISHED',
      flow: 'id',
      result: 'ok',
      notes: [],
    });
    expect(parseIdvMessage(JSON.parse(FINISHED_EXPIRED))).toMatchObject({
      result: 'expired',
      lastEvent: 'EVENT_TYPE_SESSION_ENDED',
      lastEventDescription: 'Session ended by timeout or by new session created',
    });
  });

  it('knows every lastEvent of the seed, with its description', () => {
    expect(LAST_EVENTS.map((e) => [e.name, e.text])).toEqual(LAST_EVENT_TABLE);
  });

  it('keeps a GetProcess value in state apart, verbatim and noted', () => {
    const m = parseIdvMessage({ processId: 'p1', state: 'PROCESS_RESULT_OK', result: 'ok' });
    expect(m.state).toBe('PROCESS_RESULT_OK');
    expect(m.notes.join()).toContain('GetProcess (PROCESS_RESULT_*) value, not a webhook state');
  });

  it('keeps unknown results and notes a missing processId', () => {
    expect(parseIdvMessage({ processId: 'p1', result: 'needs_review' })).toMatchObject({ result: 'needs_review', notes: ['Unknown result "needs_review"'] });
    expect(parseIdvMessage({ result: 'ok' }).notes).toContain('No processId');
  });

  it('dedupes on processId + state + result', () => {
    const ok = idvDedupeKey(parseIdvMessage(JSON.parse(FINISHED_OK)));
    const expired = idvDedupeKey(parseIdvMessage(JSON.parse(FINISHED_EXPIRED)));
    expect(ok).toBe(`${SEED_PROCESS_ID}|PROCESS_STATE_FINISHED|ok`);
    expect(expired).not.toBe(ok);
    expect(idvDedupeKey(parseIdvMessage({ processId: SEED_PROCESS_ID.toUpperCase(), state: 'PROCESS_STATE_FINISHED', result: 'ok' }))).toBe(ok);
  });

  it('alerts on invalid_identity and expired by default, with the last event description', () => {
    expect(alertReason(parseIdvMessage(JSON.parse(invalidIdentity())), DEFAULT_ALERT_RULES)).toBe('Identity NOT verified');
    expect(alertReason(parseIdvMessage(JSON.parse(FINISHED_EXPIRED)), DEFAULT_ALERT_RULES)).toBe(
      'Verification expired: the applicant did not finish — Session ended by timeout or by new session created',
    );
    expect(alertReason(parseIdvMessage(JSON.parse(FINISHED_OK)), DEFAULT_ALERT_RULES)).toBeUndefined();
  });

  it('follows configured rules, events included', () => {
    const rules = { results: [], events: ['event_type_session_ended'] };
    expect(alertReason(parseIdvMessage(JSON.parse(invalidIdentity())), rules)).toBeUndefined();
    expect(alertReason(parseIdvMessage(JSON.parse(FINISHED_EXPIRED)), rules)).toBe('Last event: Session ended by timeout or by new session created');
  });
});
