import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AuditEventExportQuery, AuditEventView } from '../../../shared/api/audit';
import type { AuditExportQuery } from '../../../shared/api/records';
import type { CommandView } from '../../../shared/api/views';
import { archivedCommands, closeArchives, type ArchiveHandle } from '../store/archive-reader';
import type { AuditRepo, TrailCursor } from '../store/audit-repo';
import { fromRow, toView, type CommandFilter, type CommandRepo } from '../store/command-repo';
import { DEFAULT_LANGUAGE, type Language } from '../../../shared/i18n/languages';
import { translator, type Translate } from '../../../shared/i18n/translate';
import { auditCsvHeader, auditCsvLines, auditEventsCsvHeader, auditEventsCsvLines } from './audit-csv';

/** Rows read and written per step: a step is a few milliseconds, and memory holds a page or two, whatever the total. */
const PAGE_ROWS = 1000;

export interface AuditExportSources {
  commands: CommandRepo;
  /** The other trail: settings, accounts' events, refusals, acknowledgements. */
  events: AuditRepo;
  /** Each year's archive, read-only, newest first; the export closes them. */
  openArchives: () => { archives: ArchiveHandle[]; unreadable: string[] };
  now: () => Date;
}

/**
 * Which trail and the filters it takes: the commands (`exportAudit`), or the audit events (`exportAuditEvents`, which
 * the archive never takes: no archived years); `language`: the reader's, for the headers and coded texts (English
 * when not given).
 */
export type AuditExportRequest = ({ trail: 'commands'; query: AuditExportQuery } | { trail: 'events'; query: AuditEventExportQuery }) & {
  language?: Language;
};
export type AuditTrail = AuditExportRequest['trail'];

const FILE_PREFIX: Record<AuditTrail, string> = { commands: 'issuance-audit', events: 'issuance-audit-events' };

/** An export on its way: the CSV text a chunk at a time, and the rows written so far (all of them once it has ended). */
export interface AuditCsvStream {
  stream: Readable;
  rows: () => number;
}

/**
 * An audit trail as CSV, streamed: the audit events newest first, or the live commands newest first, then (when
 * asked) each year's archive, newest year first. Nothing holds the whole trail: a page is read, written, and let go,
 * and the reader waits for the writer (a slow download or disk holds the reading back). Between pages the console's
 * other work runs: an export of a million rows never holds up a webhook's acknowledgement for more than one page's read.
 */
export class AuditExporter {
  constructor(private readonly sources: AuditExportSources) {}

  filename(trail: AuditTrail): string {
    return `${FILE_PREFIX[trail]}-${this.sources.now().toISOString().replace(/[:.]/g, '-')}.csv`;
  }

  csv(request: AuditExportRequest): AuditCsvStream {
    const t = translator(request.language ?? DEFAULT_LANGUAGE);
    return request.trail === 'commands' ? this.commandsCsv(request.query, t) : this.eventsCsv(request.query, t);
  }

  private eventsCsv(filter: AuditEventExportQuery, t: Translate): AuditCsvStream {
    let rows = 0;
    const events = this.sources.events;
    async function* chunks(): AsyncGenerator<string> {
      yield auditEventsCsvHeader(t);
      for await (const page of eventPages(events, filter)) {
        rows += page.length;
        yield auditEventsCsvLines(page, t);
      }
    }
    return { stream: Readable.from(chunks(), { objectMode: false }), rows: () => rows };
  }

  private commandsCsv(query: AuditExportQuery, t: Translate): AuditCsvStream {
    let rows = 0;
    const { includeArchive, ...filter } = query;
    const sources = this.sources;
    async function* chunks(): AsyncGenerator<string> {
      yield auditCsvHeader(t);
      let lowestLive: number | undefined;
      for await (const page of livePages(sources.commands, filter)) {
        rows += page.length;
        lowestLive = page.at(-1)?.id ?? lowestLive;
        yield auditCsvLines(page, t);
      }
      if (!includeArchive) return;
      const { archives } = sources.openArchives();
      try {
        for (const archive of archives) {
          for await (const page of archivedPages(archive, filter, lowestLive)) {
            rows += page.length;
            yield auditCsvLines(page, t);
          }
        }
      } finally {
        closeArchives(archives);
      }
    }
    return { stream: Readable.from(chunks(), { objectMode: false }), rows: () => rows };
  }

  /** Writes the export to `path` (a partial file is removed when it fails) and resolves to the number of rows. */
  async writeFile(path: string, request: AuditExportRequest): Promise<number> {
    const { stream, rows } = this.csv(request);
    try {
      await pipeline(stream, createWriteStream(path));
    } catch (err) {
      await rm(path, { force: true });
      throw err;
    }
    return rows();
  }
}

async function* livePages(commands: CommandRepo, filter: CommandFilter): AsyncGenerator<CommandView[]> {
  let before: number | undefined;
  for (;;) {
    const page = commands.searchPage(filter, PAGE_ROWS, before);
    if (page.length > 0) yield page.map(toView);
    const last = page.at(-1);
    if (page.length < PAGE_ROWS || last === undefined) return;
    before = last.id;
    await nextTurn();
  }
}

async function* eventPages(events: AuditRepo, filter: AuditEventExportQuery): AsyncGenerator<AuditEventView[]> {
  let before: TrailCursor | undefined = {};
  while (before) {
    const page = events.page(filter, PAGE_ROWS, before);
    if (page.rows.length > 0) yield page.rows;
    before = page.next;
    if (before) await nextTurn();
  }
}

/**
 * An archive's commands that match the filter. The archive moves the oldest rows first, so a command archived while
 * this export ran, after its live page was written, has an id at or above the lowest live one written: it is not
 * written twice.
 */
async function* archivedPages(archive: ArchiveHandle, filter: CommandFilter, lowestLive: number | undefined): AsyncGenerator<CommandView[]> {
  const matches = archiveMatcher(filter);
  let page: CommandView[] = [];
  for (const row of archivedCommands(archive, { since: filter.since || undefined, until: filter.until || undefined })) {
    if (lowestLive !== undefined && row.id >= lowestLive) continue;
    if (!matches(row)) continue;
    page.push(toView(fromRow(row)));
    if (page.length === PAGE_ROWS) {
      yield page;
      page = [];
      await nextTurn();
    }
  }
  if (page.length > 0) yield page;
}

/** The live trail's filters (its SQL in command-repo.ts) over an archived row: the same matches, actor in any case. */
function archiveMatcher(filter: CommandFilter): (row: { machine_id: string; kind: string; state: string; actor: string }) => boolean {
  const actor = filter.actor?.toLowerCase();
  return (row) =>
    (!filter.machineId || row.machine_id === filter.machineId) &&
    (!filter.kind || row.kind === filter.kind) &&
    (!filter.state || row.state === filter.state) &&
    (!actor || row.actor.toLowerCase().includes(actor));
}

/** The filters a trail's export takes: `exportAudit`'s for the commands, `exportAuditEvents`'s for the events. */
export type AuditQueryOf<T extends AuditTrail> = Extract<AuditExportRequest, { trail: T }>['query'];

/** A trail paired with its own query, as each export method's handler is bound to one trail, for a reader's language. */
export function exportRequest<T extends AuditTrail>(trail: T, query: AuditQueryOf<T>, language: Language): AuditExportRequest {
  // TypeScript does not narrow a generic pair; the signature already ties the query to its trail.
  return { trail, query, language } as AuditExportRequest;
}
