import { describe, expect, it } from 'vitest';
import { recogniseEvent } from '../../../shared/rapidadmin/events';
import { parseRapidadminMessage } from '../../../shared/rapidadmin/message';
import { parseTolerantJson } from '../../../shared/rapidadmin/tolerant-json';
import { EVENT_TABLE, EXAMPLE_HEADERS, PERSON_CREATED, PERSON_DELETED, PERSON_ID, PERSON_UPDATED, printJob } from '../../fixtures/rapidadmin';

describe('RapIDadmin event names', () => {
  it.each(EVENT_TABLE.map((name) => [name]))('knows %s from the event table', (name) => {
    expect(recogniseEvent(name)).toMatchObject({ known: true, term: { name } });
  });

  it.each([
    ['EliteID.Person.Created', 'EliteId.Person.Created'],
    ['eliteid.personcredential.updated', 'EliteId.PersonCredential.Updated'],
    ['RapIDAdmin.PrintJob.Completed', 'RapIDAdmin.PrintJob.Complete'],
    ['RAPIDADMIN.PRINTJOB.COMPLETE', 'RapIDAdmin.PrintJob.Complete'],
    [' RapIDadmin.PrintJob.Failed ', 'RapIDAdmin.PrintJob.Failed'],
  ])('reads the variant %s as %s', (header, name) => {
    expect(recogniseEvent(header)).toMatchObject({ known: true, term: { name } });
  });

  it('reads every example heading of the page', () => {
    for (const header of EXAMPLE_HEADERS) expect(recogniseEvent(header).known).toBe(true);
  });

  it('keeps an unknown or missing name verbatim', () => {
    expect(recogniseEvent('EliteId.Badge.Revoked')).toEqual({ known: false, name: 'EliteId.Badge.Revoked' });
    expect(recogniseEvent(undefined)).toEqual({ known: false, name: '(no x-event-name header)' });
  });
});

describe('tolerant JSON', () => {
  it('reads the seed example with a trailing comma, and says it repaired it', () => {
    const read = parseTolerantJson(PERSON_UPDATED.body);
    expect(read).toMatchObject({ ok: true, repaired: true, value: { FirstName: 'KEVIN' } });
  });

  it('leaves commas inside strings alone', () => {
    expect(parseTolerantJson('{"a": "x, }", "b": [1, 2,],}')).toEqual({ ok: true, repaired: true, value: { a: 'x, }', b: [1, 2] } });
    expect(parseTolerantJson('{"a": "q\\", ]"}')).toEqual({ ok: true, repaired: false, value: { a: 'q", ]' } });
  });

  it('reports what it cannot read', () => {
    expect(parseTolerantJson('{"a": ')).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    expect(parseTolerantJson('  ')).toMatchObject({ ok: false, reason: expect.stringContaining('empty') });
  });
});

describe('parseRapidadminMessage', () => {
  it('trims the Id of the seed Person.Created example and says so', () => {
    const m = parseRapidadminMessage({ eventHeader: PERSON_CREATED.header, text: PERSON_CREATED.body });
    expect(m).toMatchObject({ event: 'EliteId.Person.Created', header: 'EliteID.Person.Created', kind: 'person', action: 'Created', readable: true });
    expect((m.body as { Id: string }).Id).toBe(PERSON_ID);
    expect(m.notes).toContain('Spaces trimmed from Id');
  });

  it('reads the Person.Updated example despite its trailing comma', () => {
    const m = parseRapidadminMessage({ eventHeader: PERSON_UPDATED.header, text: PERSON_UPDATED.body });
    expect(m.readable).toBe(true);
    expect(m.notes).toContain('Body had trailing commas (not valid JSON); read without them');
  });

  it('reads the Person.Deleted example as it is', () => {
    const m = parseRapidadminMessage({ eventHeader: PERSON_DELETED.header, text: PERSON_DELETED.body });
    expect(m).toMatchObject({ event: 'EliteId.Person.Deleted', kind: 'person', action: 'Deleted', readable: true, notes: [] });
    expect(m.header).toBeUndefined();
  });

  it('keeps an unreadable body raw', () => {
    const m = parseRapidadminMessage({ eventHeader: 'EliteId.Person.Created', text: '{"Id": "x" "oops"' });
    expect(m).toMatchObject({ readable: false, raw: '{"Id": "x" "oops"', kind: 'person' });
    expect(m.body).toBeUndefined();
  });

  it('identifies a print job by the configured key path, else by PersonId + CardTemplateId', () => {
    const withId = printJob('Started', undefined, { Job: { ID: ' PJ-9 ' } });
    expect(parseRapidadminMessage({ eventHeader: withId.header, text: withId.body, printJobKeyPath: 'job.id' }).printJobKey).toBe('PJ-9');
    const plain = printJob('Started');
    const fallback = parseRapidadminMessage({ eventHeader: plain.header, text: plain.body, printJobKeyPath: 'Job.Id' });
    expect(fallback.printJobKey).toBe(fallback.sequenceKey);
    expect(fallback.printJobKey).toMatch(new RegExp(`^${PERSON_ID}/`));
    expect(fallback.notes).toContain('No value at the configured print-job key "Job.Id"');
  });

  it('notes a print job with no identity at all', () => {
    const m = parseRapidadminMessage({ eventHeader: 'RapIDAdmin.PrintJob.Failed', text: '{"Printer": "P1"}' });
    expect(m.printJobKey).toBeUndefined();
    expect(m.notes.join()).toContain('No print-job identity');
  });
});
