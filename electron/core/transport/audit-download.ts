import type { RequestHandler } from 'express';
import { pipeline } from 'node:stream/promises';
import type { Handler } from '../../../shared/api/dispatch';
import { AuditExportQuerySchema, type AuditExportQuery } from '../../../shared/api/records';
import { ok } from '../../../shared/api/result';
import type { AuditExporter } from '../api/audit-export';

/** Where the served page downloads the audit export: behind the same checks as the page itself (serve-server.ts). */
export const AUDIT_DOWNLOAD_PATH = '/api/audit.csv';

/** The query as the download's address carries it: each filter as text, `includeArchive=1` when asked. */
function searchOf(query: AuditExportQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'includeArchive') {
      if (value === true) params.set(key, '1');
    } else if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/** The address's query read back, and checked by the contract's own schema (an unknown key is refused). */
function queryOf(params: URLSearchParams): ReturnType<typeof AuditExportQuerySchema.safeParse> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of params) raw[key] = key === 'includeArchive' ? value === '1' : value;
  return AuditExportQuerySchema.safeParse(raw);
}

/** `exportAudit` in serve mode: the page is given the download's address; the rows are read when it is fetched. */
export function downloadExport(exporter: AuditExporter): Handler<'exportAudit'> {
  return async (query) => ok({ kind: 'download', filename: exporter.filename(), url: `${AUDIT_DOWNLOAD_PATH}${searchOf(query)}` });
}

/**
 * The download: CSV streamed as it is read from the store, at the pace the browser takes it (pipeline's
 * backpressure), so a trail of millions of rows holds a page or two in memory. A download cut short ends the reading.
 */
export function auditDownloadRoute(exporter: AuditExporter, log: (line: string) => void): RequestHandler {
  return (req, res) => {
    const parsed = queryOf(new URL(req.originalUrl, 'http://placeholder').searchParams);
    if (!parsed.success) {
      res.status(400).type('text/plain').send(`Not an audit export: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return;
    }
    // The file's name is the one `exportAudit` gave the page, which names its download link after it.
    res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment' });
    pipeline(exporter.csv(parsed.data).stream, res).catch((err: unknown) => log(`serve mode: audit export ended early: ${(err as Error).message}`));
  };
}
