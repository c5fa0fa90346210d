import { resolve } from 'node:path';
import { createServer, createServerModuleRunner } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The console's own store, ingest and projector code, loaded from the tree's TypeScript through one Vite module
 * runner (a declared dev dependency), so the filled store is written exactly as a running console writes it and
 * follows every schema change. `root`: another checkout's code (a fill by an earlier version, migrated by this one's
 * console as an upgrade would). Close it when done.
 */
export async function loadCore(root = ROOT) {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  const load = (path) => runner.import(resolve(root, path));
  const [store, database, ingest, projector, sources, fleet, feeds, body, migrations] = await Promise.all([
    load('electron/core/store/store.ts'),
    load('electron/core/store/database.ts'),
    load('electron/core/ingest/ingest-queue.ts'),
    load('electron/core/ingest/projector.ts'),
    load('electron/core/ingest/webhook-sources.ts'),
    load('electron/core/machines/fleet.ts'),
    load('electron/core/feeds/feeds.ts'),
    load('electron/core/webhooks/body.ts'),
    load('electron/core/store/migrations/index.ts'),
  ]);
  return {
    Store: store.Store,
    openDatabase: database.openDatabase,
    IngestQueue: ingest.IngestQueue,
    rebuildIfStale: projector.rebuildIfStale,
    PROJECTION_VERSION: projector.PROJECTION_VERSION,
    webhookSources: sources.webhookSources,
    Fleet: fleet.Fleet,
    Feeds: feeds.Feeds,
    parseJsonBody: body.parseJsonBody,
    redactHeaders: body.redactHeaders,
    /** The schema version a store written by this tree has. */
    SCHEMA_VERSION: migrations.MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0),
    async close() {
      await runner.close();
      await server.close();
    },
  };
}

/**
 * A console's store with its webhook sources and ingest queue, as `startConsole` wires them, without listeners or
 * services, for filling a store. The database is opened and migrated by the console's own code; only this
 * connection's cache and journal differ: with random MessageIds and instance ids, a million jobs' indexes outgrow
 * SQLite's default 2 MB cache, and each group commit then rewrote most index pages through the WAL (a fill took an
 * hour). A failed fill is simply filled again, so the rollback journal is kept in memory.
 */
export function openIngest(core, { dataDir, machines }) {
  const db = core.openDatabase({ dataDir, durability: 'crash' });
  db.pragma('cache_size = -3000000');
  db.pragma('journal_mode = MEMORY');
  const store = new core.Store(db);
  const fleet = new core.Fleet(machines.map(({ id, serial }) => ({ id, serial, apiUrl: 'http://127.0.0.1:9', kind: 'box' })));
  const feeds = new core.Feeds(store, { actor: 'bench@fill', emit: () => {} });
  const sources = core.webhookSources(store, fleet, feeds);
  const ingest = new core.IngestQueue(store, sources, () => {});
  return {
    store,
    sources,
    ingest,
    /** Back to the journal a console opens with, then closed. */
    close() {
      db.pragma('journal_mode = WAL');
      store.close();
    },
  };
}
