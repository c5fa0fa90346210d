import Database from 'better-sqlite3';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { ConsoleEvent } from '../../../shared/api/contract';
import type { FeedsSnapshot } from '../../../shared/api/feeds';
import type { TestConsole } from '../../helpers/core';

/** Posts a raw body to one of the listener's paths over real HTTP. */
export function postTo(core: TestConsole, path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  const origin = `http://127.0.0.1:${new URL(core.webhookUrl).port}`;
  return fetch(origin + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

export const hmacHex = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
export const hmacBase64 = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64');

/** Reads the console's database through a second connection: what is there was committed. */
export function query<T>(core: TestConsole, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(core.config.dataDir, 'console.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export async function feeds(core: TestConsole): Promise<FeedsSnapshot> {
  const result = await core.handlers.getFeeds({});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export const isFeedsEvent = (topic: string) => (e: ConsoleEvent) => e.type === 'feeds' && e.topics.some((t) => t === topic);
