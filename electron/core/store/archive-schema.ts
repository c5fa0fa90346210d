import type { Db } from './database';

/**
 * The tables an archive holds, in the order rows are copied into it: a row's foreign key (an event's delivery, a
 * command's review) is there before the row. `meta` holds the archive's own redaction cursors.
 */
export const ARCHIVE_TABLES = ['deliveries', 'events', 'jobs', 'job_metadata', 'reviews', 'commands', 'alerts', 'meta'] as const;
export type ArchiveTable = (typeof ARCHIVE_TABLES)[number];

/** What an archive is searched by ("include archive", a job's messages, the audit export): the live file's queue indexes
 * would only slow the moves. */
const ARCHIVE_INDEXES = [
  'CREATE INDEX IF NOT EXISTS #.jobs_archive_recent ON jobs (last_seq DESC)',
  'CREATE INDEX IF NOT EXISTS #.commands_archive_created ON commands (created_at)',
  "CREATE INDEX IF NOT EXISTS #.events_archive_job_id ON events (machine_id, json_extract(message, '$.jobId')) WHERE source = 'aida'",
  "CREATE INDEX IF NOT EXISTS #.events_archive_instance ON events (machine_id, json_extract(message, '$.workflowInstanceId')) WHERE source = 'aida'",
];

interface Column {
  name: string;
  type: string;
  dflt_value: string | null;
}

/**
 * Creates, in the attached schema `name`, each archived table as the live file declares it today (so an archive has
 * the live schema of the tables it holds), and adds the columns a later migration gave a live table to an older
 * archive's copy of it (without NOT NULL, which SQLite refuses to add to a table with rows).
 */
export function ensureArchiveSchema(db: Db, name: string): void {
  const liveSql = db.prepare<[string], string>("SELECT sql FROM main.sqlite_schema WHERE type = 'table' AND name = ?").pluck();
  const archived = db.prepare<[string], number>(`SELECT count(*) FROM ${name}.sqlite_schema WHERE type = 'table' AND name = ?`).pluck();
  for (const table of ARCHIVE_TABLES) {
    const sql = liveSql.get(table);
    if (sql === undefined) throw new Error(`the live database has no ${table} table`);
    if (archived.get(table) === 0) {
      db.exec(sql.replace(/^CREATE TABLE\s+("?)(\w+)\1/i, `CREATE TABLE ${name}.$2`));
      continue;
    }
    const have = new Set(columnsOf(db, name, table).map((c) => c.name));
    for (const c of columnsOf(db, 'main', table)) {
      if (have.has(c.name)) continue;
      db.exec(`ALTER TABLE ${name}.${table} ADD COLUMN ${c.name} ${c.type}${c.dflt_value !== null ? ` DEFAULT ${c.dflt_value}` : ''}`);
    }
  }
  for (const sql of ARCHIVE_INDEXES) db.exec(sql.replace('#', name));
}

function columnsOf(db: Db, schema: string, table: string): Column[] {
  return db.prepare<[], Column>(`SELECT name, type, dflt_value FROM pragma_table_info('${table}', '${schema}')`).all();
}

/** The live table's column list, quoted: what is copied (an archive may hold more, from an older live schema). */
export function liveColumns(db: Db, table: ArchiveTable): string {
  return columnsOf(db, 'main', table)
    .map((c) => `"${c.name}"`)
    .join(', ');
}
