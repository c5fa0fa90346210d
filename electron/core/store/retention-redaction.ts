import type { Db } from './database';

/** What replaces a personal text once its retention has passed: the record stays, its content goes. */
export const REDACTED = '[redacted]';

/** The AIDA message fields that carry what was read off a card: OCR texts, magnetic tracks, barcode bytes. */
const READ_FIELDS = ['text', 'track1Base64', 'track2Base64', 'track3Base64', 'decodedBytes'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A review's payload without its read texts (inspections' text, fields' values); undefined when it holds none. */
export function redactReviewPayload(payload: Json): Json | undefined {
  const inspections = Array.isArray(payload['inspections']) ? (payload['inspections'] as unknown[]) : undefined;
  const fields = isObject(payload['fields']) ? payload['fields'] : undefined;
  if (!inspections?.length && !fields) return undefined;
  return {
    ...payload,
    ...(inspections ? { inspections: inspections.map((i) => (isObject(i) ? { ...i, text: REDACTED } : i)) } : {}),
    ...(fields ? { fields: Object.fromEntries(Object.keys(fields).map((k) => [k, REDACTED])) } : {}),
  };
}

/** A logged AIDA message without what was read off the card; undefined when it carries nothing read. */
export function redactAidaMessage(message: Json): Json | undefined {
  const results = Array.isArray(message['results']) ? (message['results'] as unknown[]) : undefined;
  const present = READ_FIELDS.filter((f) => typeof message[f] === 'string');
  if (!results?.length && present.length === 0) return undefined;
  return {
    ...message,
    ...Object.fromEntries(present.map((f) => [f, REDACTED])),
    ...(results ? { results: results.map((r) => (isObject(r) ? { ...r, text: REDACTED } : r)) } : {}),
  };
}

/** A GetProcess answer without its field values (names, document numbers, addresses). */
export function redactProcessDetails(details: Json): Json {
  const fields = Array.isArray(details['fields']) ? (details['fields'] as unknown[]) : [];
  return { ...details, fields: fields.map((f) => (isObject(f) ? { ...f, value: REDACTED } : f)) };
}

/** One table's walk: rows in rowid order, redacted while their time is before the cutoff; where it got to is kept. */
interface Walk {
  table: string;
  /** The row's time, as SQL over its columns. */
  time: string;
  select: string;
  redact: (db: Db, schema: string, row: Json) => void;
}

const WALKS: readonly Walk[] = [
  {
    table: 'reviews',
    time: 'opened_at',
    select: 'rowid AS id, payload',
    redact(db, schema, row) {
      const next = redactReviewPayload(JSON.parse(String(row['payload'])) as Json);
      if (next) db.prepare(`UPDATE ${schema}.reviews SET payload = ? WHERE rowid = ?`).run(JSON.stringify(next), row['id']);
    },
  },
  {
    table: 'events',
    time: 'received_at',
    select: 'rowid AS id, source, delivery_id, message',
    redact(db, schema, row) {
      // An identity-verification delivery is the vendor's whole answer: its body goes; the parsed states stay.
      const next = row['source'] === 'aida' ? redactAidaMessage(JSON.parse(String(row['message'])) as Json) : row['source'] === 'idv' ? {} : undefined;
      if (next === undefined) return;
      if (row['source'] === 'aida') db.prepare(`UPDATE ${schema}.events SET message = ? WHERE rowid = ?`).run(JSON.stringify(next), row['id']);
      if (row['delivery_id'] !== null) db.prepare(`UPDATE ${schema}.deliveries SET body = ? WHERE id = ?`).run(Buffer.from(REDACTED), row['delivery_id']);
    },
  },
  {
    table: 'idv_process_details',
    time: "json_extract(details, '$.fetchedAt')",
    select: 'rowid AS id, details',
    redact(db, schema, row) {
      const next = redactProcessDetails(JSON.parse(String(row['details'])) as Json);
      db.prepare(`UPDATE ${schema}.idv_process_details SET details = ? WHERE rowid = ?`).run(JSON.stringify(next), row['id']);
    },
  },
  {
    // The camera's picture of a card (review.keepSnapshots) is nothing but personal data: it goes whole.
    table: 'review_snapshots',
    time: 'taken_at',
    select: 'rowid AS id',
    redact(db, schema, row) {
      db.prepare(`DELETE FROM ${schema}.review_snapshots WHERE rowid = ?`).run(row['id']);
    },
  },
];

const cursorKey = (table: string) => `personal_data_redacted:${table}`;

/**
 * Redacts, in the database `schema` of the connection (the live file, an attached archive, or a backup opened on its
 * own), the personal texts of rows older than `before`: OCR and other read texts in reviews and logged messages, the
 * raw bodies that carried them, identity-verification deliveries and GetProcess answers; the camera's pictures of
 * cards are deleted. At most `limit` rows per
 * table, in one transaction; returns how many rows it read, 0 once everything before the cutoff is done. A cursor
 * per table (in the file's meta) remembers where it got to. For a backup: `while (redactPersonalData(db, before)) {}`.
 */
export function redactPersonalData(db: Db, before: string, options: { schema?: string; limit?: number } = {}): number {
  const schema = options.schema ?? 'main';
  const limit = options.limit ?? 500;
  const exists = db.prepare<[string], number>(`SELECT count(*) FROM ${schema}.sqlite_schema WHERE type = 'table' AND name = ?`).pluck();
  if (exists.get('meta') === 0) return 0;
  const getCursor = db.prepare<[string], string>(`SELECT value FROM ${schema}.meta WHERE key = ?`).pluck();
  const setCursor = db.prepare(`INSERT INTO ${schema}.meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  return db.transaction(() => {
    let read = 0;
    for (const walk of WALKS) {
      if (exists.get(walk.table) === 0) continue;
      const from = Number(getCursor.get(cursorKey(walk.table)) ?? 0);
      const rows = db
        .prepare<[number, number], Json & { id: number; at: string | null }>(
          `SELECT ${walk.select}, ${walk.time} AS at FROM ${schema}.${walk.table} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
        )
        .all(from, limit);
      let last = from;
      for (const row of rows) {
        // Rows are in time order (rowids grow with it): the first one inside the retention ends the walk.
        if (row.at !== null && row.at >= before) break;
        walk.redact(db, schema, row);
        last = row.id;
        read += 1;
      }
      if (last !== from) setCursor.run(cursorKey(walk.table), String(last));
    }
    return read;
  })();
}
