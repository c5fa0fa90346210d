import { describe, expect, it } from 'vitest';
import { activityEntry } from '../../../electron/core/domain/rapidadmin/activity';
import { personChanges } from '../../../electron/core/domain/rapidadmin/person';
import { parseRapidadminMessage } from '../../../shared/rapidadmin/message';
import { PERSON_CREATED, PERSON_UPDATED, credential } from '../../fixtures/rapidadmin';

const parse = (d: { header: string; body: string }) => parseRapidadminMessage({ eventHeader: d.header, text: d.body });

describe('activity entries', () => {
  it('shows a created person with name and id number', () => {
    const entry = activityEntry(1, 't1', parse(PERSON_CREATED));
    expect(entry).toMatchObject({ headline: 'New person record created', name: 'Jones Kevin', idNumber: '20020', kind: 'person', known: true });
    expect(entry.fields).toContainEqual({ name: 'FieldValues.735ff460-00e5-4810-b7f4-1125a2418b00', value: 'Student' });
  });

  it('lists what an update changed against the last known record, ModifiedTime aside', () => {
    const before = parse(PERSON_CREATED).body;
    const entry = activityEntry(2, 't2', parse(PERSON_UPDATED), { knownPerson: before });
    expect(entry.changes).toEqual(
      expect.arrayContaining([
        { field: 'FirstName', from: 'Jones', to: 'KEVIN' },
        { field: 'LastName', from: 'Kevin', to: 'JONES' },
        { field: 'PhotoUri', from: 'null', to: 'https://PHOTO_URI' },
        { field: 'FieldValues.c36a046f-3194-45a9-8889-b6ff7f1b80c6', from: '', to: 'kjones@email.com' },
      ]),
    );
    expect(entry.changes?.some((c) => c.field === 'ModifiedTime')).toBe(false);
  });

  it('says when what changed is not known', () => {
    const entry = activityEntry(2, 't2', parse(PERSON_UPDATED));
    expect(entry.changes).toBeUndefined();
    expect(entry.notes).toContain('First update seen of this person: what changed is not known');
  });

  it('shows a credential with its template, numbers and previous numbers, and the person\'s known name', () => {
    const entry = activityEntry(3, 't3', parse(credential('Updated', { Iso: '2', PreviousIso: '1', ProxNumber: '77' })), {
      knownPerson: { FirstName: 'Kevin', LastName: 'Jones' },
    });
    expect(entry).toMatchObject({ name: 'Kevin Jones', cardTemplateName: 'Student ID', idNumber: '20020' });
    expect(entry.numbers).toEqual([
      { label: 'ISO', value: '2', previous: '1' },
      { label: 'Prox number', value: '77' },
    ]);
  });

  it('shows an unknown event and an unreadable body for what they are', () => {
    const unknown = activityEntry(4, 't4', parseRapidadminMessage({ eventHeader: 'EliteId.Badge.Revoked', text: '{"a":1}' }));
    expect(unknown).toMatchObject({ known: false, kind: 'unknown', headline: 'Unknown event: EliteId.Badge.Revoked', fields: [{ name: 'a', value: '1' }] });
    const unreadable = activityEntry(5, 't5', parseRapidadminMessage({ eventHeader: PERSON_CREATED.header, text: '{"Id": ' }));
    expect(unreadable).toMatchObject({ readable: false, raw: '{"Id": ', headline: 'New person record created — body unreadable' });
  });

  it('diffs nested custom fields', () => {
    expect(personChanges({ FieldValues: { a: '1' } }, { FieldValues: { a: '2', b: 'x' } })).toEqual([
      { field: 'FieldValues.a', from: '1', to: '2' },
      { field: 'FieldValues.b', to: 'x' },
    ]);
  });
});
