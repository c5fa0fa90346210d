import type { RequestHandler } from 'express';
import { pipeline } from 'node:stream/promises';
import type { z } from 'zod';
import { AuditEventExportQuerySchema } from '../../../shared/api/audit';
import { AuditExportQuerySchema, type AuditExport } from '../../../shared/api/records';
import { ok, type Result } from '../../../shared/api/result';
import { LanguageSchema, type Language } from '../../../shared/i18n/languages';
import type { Caller } from '../people/caller';
import type { AuditExporter, AuditExportRequest, AuditQueryOf, AuditTrail } from '../api/audit-export';

/** Where the served page downloads each audit export: behind the same checks as the page itself (serve-server.ts). */
export const AUDIT_DOWNLOAD_PATHS: Record<AuditTrail, string> = { commands: '/api/audit.csv', events: '/api/audit-events.csv' };

/**
 * The query as the download's address carries it: each filter as text, `includeArchive=1` when asked, and the language
 * of whoever asked for it (`lang`), since the download itself is fetched without the call's caller.
 */
function searchOf(query: Record<string, unknown>, language: Language): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'includeArchive') {
      if (value === true) params.set(key, '1');
    } else if ((typeof value === 'string' && value !== '') || typeof value === 'number') params.set(key, String(value));
  }
  params.set('lang', language);
  return `?${params.toString()}`;
}

/** The address's query read back, and checked by the trail's own export schema (an unknown key is refused). */
function requestOf(trail: AuditTrail, params: URLSearchParams): AuditExportRequest | string {
  const raw: Record<string, unknown> = {};
  const language = LanguageSchema.safeParse(params.get('lang')).data;
  for (const [key, value] of params) {
    if (key === 'lang') continue;
    // An account is a number in the contract; text that is not one stays text, for the schema to refuse.
    raw[key] = key === 'includeArchive' ? value === '1' : key === 'accountId' && /^\d+$/.test(value) ? Number(value) : value;
  }
  const refusal = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  if (trail === 'commands') {
    const parsed = AuditExportQuerySchema.safeParse(raw);
    return parsed.success ? { trail, query: parsed.data, ...(language ? { language } : {}) } : refusal(parsed.error);
  }
  const parsed = AuditEventExportQuerySchema.safeParse(raw);
  return parsed.success ? { trail, query: parsed.data, ...(language ? { language } : {}) } : refusal(parsed.error);
}

/**
 * `exportAudit` (the commands) or `exportAuditEvents` in serve mode: the page is given the download's address; the
 * rows are read when it is fetched.
 */
export function downloadExport<T extends AuditTrail>(
  exporter: AuditExporter,
  trail: T,
  languageOf: (caller: Caller) => Language,
): (query: AuditQueryOf<T>, caller: Caller) => Promise<Result<AuditExport>> {
  return async (query, caller) =>
    ok({ kind: 'download', filename: exporter.filename(trail), url: `${AUDIT_DOWNLOAD_PATHS[trail]}${searchOf(query, languageOf(caller))}` });
}

/**
 * A trail's download: CSV streamed as it is read from the store, at the pace the browser takes it (pipeline's
 * backpressure), so a trail of millions of rows holds a page or two in memory. A download cut short ends the reading.
 */
export function auditDownloadRoute(exporter: AuditExporter, trail: AuditTrail, log: (line: string) => void): RequestHandler {
  return (req, res) => {
    const request = requestOf(trail, new URL(req.originalUrl, 'http://placeholder').searchParams);
    if (typeof request === 'string') {
      res.status(400).type('text/plain').send(`Not an audit export: ${request}`);
      return;
    }
    // The file's name is the one the export method gave the page, which names its download link after it.
    res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment' });
    pipeline(exporter.csv(request).stream, res).catch((err: unknown) => log(`serve mode: audit export ended early: ${(err as Error).message}`));
  };
}
