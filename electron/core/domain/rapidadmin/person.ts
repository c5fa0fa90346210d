import { flattenFields } from '../../../../shared/api/feeds';
import { asRecord, field, idText } from '../../../../shared/json-values';

export interface PersonChange {
  field: string;
  from?: string;
  to?: string;
}

/** ModifiedTime changes with every update; listing it would bury the change a person made. */
const NOT_A_CHANGE = new Set(['modifiedtime']);

/** "First Last", preferring the preferred first name, from a Person or any body that carries the names. */
export function personName(body: unknown): string | undefined {
  const obj = asRecord(body);
  const first = idText(field(obj, 'FirstNamePreferred')) ?? idText(field(obj, 'FirstName'));
  const last = idText(field(obj, 'LastName'));
  const name = [first, last].filter(Boolean).join(' ');
  return name === '' ? undefined : name;
}

/** What an update changed against the last known record, field by field (custom FieldValues included). */
export function personChanges(prev: unknown, next: unknown): PersonChange[] {
  const before = new Map(flattenFields(prev).map((f) => [f.name, f.value]));
  const after = new Map(flattenFields(next).map((f) => [f.name, f.value]));
  const changes: PersonChange[] = [];
  for (const name of new Set([...after.keys(), ...before.keys()])) {
    if (NOT_A_CHANGE.has(name.toLowerCase())) continue;
    const from = before.get(name);
    const to = after.get(name);
    if (from === to) continue;
    changes.push({ field: name, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }
  return changes;
}
