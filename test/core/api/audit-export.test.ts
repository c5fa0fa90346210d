import { copyFileSync, createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditExporter } from '../../../electron/core/api/audit-export';
import { openArchives } from '../../../electron/core/store/archive-reader';
import { archivePath } from '../../../electron/core/store/archive-files';
import { Store } from '../../../electron/core/store/store';
import { fillAuditEvents, fillCommands } from '../../helpers/audit-rows';
import { databaseAt } from '../store/helpers';
import { MIGRATIONS } from '../../../electron/core/store/migrations';

const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));
const HEADER = 'id,createdAt,updatedAt,machineId,kind,state,actor,role,attempts,reviewId,payload,outcome,accountId,accountRole,station,signedIn';

let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function openStoreWith(count: number, firstId = 1, events = 0): { dataDir: string; exporter: AuditExporter } {
  const { db, dataDir } = databaseAt(LATEST);
  fillCommands(db, count, firstId);
  fillAuditEvents(db, events);
  db.close();
  store = Store.open({ dataDir, durability: 'crash' });
  const exporter = new AuditExporter({ commands: store.commands, events: store.audit, openArchives: () => openArchives(dataDir), now: () => new Date('2026-11-27T10:00:00Z') });
  return { dataDir, exporter };
}

/** The ids of an exported file, read line by line, and whether every line past the header is well formed. */
async function exportedIds(path: string): Promise<{ header: string; ids: number[] }> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let header = '';
  const ids: number[] = [];
  for await (const line of lines) {
    if (!header) header = line;
    else if (line) ids.push(Number(line.slice(0, line.indexOf(','))));
  }
  return { header, ids };
}

describe('the audit export', () => {
  it('streams 300,000 commands to a file, newest first, each once', async () => {
    const { dataDir, exporter } = openStoreWith(300_000);
    const path = join(dataDir, 'export.csv');
    expect(await exporter.writeFile(path, { trail: 'commands', query: {} })).toBe(300_000);
    const { header, ids } = await exportedIds(path);
    expect(header).toBe(HEADER);
    expect(ids).toHaveLength(300_000);
    expect(ids[0]).toBe(300_000);
    expect(ids.at(-1)).toBe(1);
    expect(ids.every((id, i) => i === 0 || id === (ids[i - 1] ?? 0) - 1)).toBe(true);
  }, 60_000);

  it('exports only what the filters on screen match, and keeps every cell from running as a formula', async () => {
    const { dataDir, exporter } = openStoreWith(2_100);
    const path = join(dataDir, 'filtered.csv');
    expect(await exporter.writeFile(path, { trail: 'commands', query: { machineId: 'm2', kind: 'stop' } })).toBe(100);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n').slice(1, 3)).toEqual([
      '2100,2026-01-01T00:35:00.000Z,2026-01-01T00:00:00.000Z,m2,stop,acknowledged,anna@line2,operator,1,,"{""note"":""=cmd|calc""}",,,,,',
      '2079,2026-01-01T00:34:39.000Z,2026-01-01T00:00:00.000Z,m2,stop,acknowledged,anna@line2,operator,1,,"{""note"":""=cmd|calc""}",,,,,',
    ]);
  });

  it('follows the live trail with the archived years, newest first, when asked, and with the same filters', async () => {
    const { dataDir, exporter } = openStoreWith(1_500, 101);
    // Last year's archive: the commands before the live ones, in a file of the same schema.
    const { db: archive, dataDir: oldDir } = databaseAt(LATEST);
    fillCommands(archive, 10, 1);
    archive.close();
    copyFileSync(join(oldDir, 'console.sqlite'), archivePath(dataDir, 2025));

    const live = join(dataDir, 'live.csv');
    expect(await exporter.writeFile(live, { trail: 'commands', query: {} })).toBe(1_500);
    const both = join(dataDir, 'both.csv');
    expect(await exporter.writeFile(both, { trail: 'commands', query: { includeArchive: true } })).toBe(1_510);
    const { ids } = await exportedIds(both);
    expect(ids.slice(1_495)).toEqual([105, 104, 103, 102, 101, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    // Ids 105, 112 … 1596 live (214 of them), and 7 in the archive, are on m2.
    expect(await exporter.writeFile(join(dataDir, 'm2.csv'), { trail: 'commands', query: { includeArchive: true, machineId: 'm2' } })).toBe(214 + 1);
  });

  it('refuses with the reason when it cannot write, leaving no file', async () => {
    const { dataDir, exporter } = openStoreWith(10);
    const path = join(dataDir, 'no-such-folder', 'x.csv');
    await expect(exporter.writeFile(path, { trail: 'commands', query: {} })).rejects.toThrow(/ENOENT/);
    expect(existsSync(path)).toBe(false);
  });
});

const EVENTS_HEADER = 'id,at,kind,actor,accountId,role,station,signedIn,method,subject,oldValue,newValue,detail,repeats,lastAt';

/** An exported events file: its header and, per row, the id and the time. */
async function exportedEvents(path: string): Promise<{ header: string; rows: { id: string; at: string }[] }> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let header = '';
  const rows: { id: string; at: string }[] = [];
  for await (const line of lines) {
    if (!header) header = line;
    else if (line) {
      const [id = '', at = ''] = line.split(',', 2);
      rows.push({ id, at });
    }
  }
  return { header, rows };
}

describe('the audit events export', () => {
  it('streams more than 100,000 events from both tables to a file, newest first, each once', async () => {
    const { dataDir, exporter } = openStoreWith(0, 1, 100_000);
    const path = join(dataDir, 'events.csv');
    expect(await exporter.writeFile(path, { trail: 'events', query: {} })).toBe(110_000);
    const { header, rows } = await exportedEvents(path);
    expect(header).toBe(EVENTS_HEADER);
    expect(rows).toHaveLength(110_000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(110_000);
    expect(rows.slice(0, 3).map((r) => r.id)).toEqual(['a10000', 'e100000', 'e99999']);
    expect(rows.at(-1)?.id).toBe('e1');
    expect(rows.every((r, i) => i === 0 || r.at < (rows[i - 1]?.at ?? ''))).toBe(true);
    expect(exporter.filename('events')).toBe('issuance-audit-events-2026-11-27T10-00-00-000Z.csv');
  }, 60_000);

  it('exports only what the filters select, and keeps every cell from running as a formula', async () => {
    const { dataDir, exporter } = openStoreWith(0, 1, 2_000);
    const count = (query: object) => exporter.writeFile(join(dataDir, 'f.csv'), { trail: 'events', query });
    // Ida: her own settings changes (every fourth) and her account's sign-ins (every tenth second).
    expect(await count({ accountId: 7 })).toBe(500 + 200);
    expect(await count({ kind: 'refused' })).toBe(400);
    expect(await count({ kind: 'account', actor: 'id' })).toBe(200);
    expect(await count({ actor: 'ola', kind: 'setting' })).toBe(1_200);
    // 00:10:00 to 00:19:59.5: 600 events and 60 sign-ins.
    expect(await count({ since: '2026-01-01T00:10:00.000Z', until: '2026-01-01T00:19:59.500Z' })).toBe(660);
    expect(await exporter.writeFile(join(dataDir, 'refused.csv'), { trail: 'events', query: { kind: 'refused', accountId: 7 } })).toBe(100);
    expect(readFileSync(join(dataDir, 'refused.csv'), 'utf8').split('\r\n').slice(1, 2)).toEqual([
      `e2000,2026-01-01T00:33:20.000Z,refused,Ida,7,it,st1,,,"'=HYPERLINK(""x"")",,7,,,`,
    ]);
  });
});
