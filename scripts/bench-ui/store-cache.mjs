import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describeFill, fillStore } from '../fill-store.mjs';
import { loadCore } from './core.mjs';

/**
 * A filled store of `jobs` jobs, kept in `cacheDir` between runs (filling a million takes minutes), and a copy of it
 * for this run, so what a run posts never accumulates in the cache. A cached store written before a schema change is
 * migrated in place, as a console upgrade would; one whose projections another reducer version wrote is filled anew.
 */
export async function preparedStore({ jobs, cacheDir, root, log }) {
  const dir = join(cacheDir, String(jobs));
  const core = await loadCore(root);
  const { SCHEMA_VERSION, PROJECTION_VERSION } = core;
  const manifestPath = join(dir, 'manifest.json');
  let manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : undefined;
  if (manifest && (manifest.jobs !== jobs || manifest.projectionVersion !== PROJECTION_VERSION || manifest.schemaVersion > SCHEMA_VERSION)) {
    log(`the cached store in ${dir} was written by another version of the console: filling it again`);
    manifest = undefined;
  }
  if (manifest && manifest.schemaVersion < SCHEMA_VERSION) {
    const t = performance.now();
    core.Store.open({ dataDir: dir, durability: 'crash' }).close();
    const seconds = (performance.now() - t) / 1000;
    log(`migrated the cached store from schema ${manifest.schemaVersion} to ${SCHEMA_VERSION} in ${seconds.toFixed(1)} s`);
    manifest = { ...manifest, schemaVersion: SCHEMA_VERSION, bytes: statSync(join(dir, 'console.sqlite')).size, migratedIn: seconds };
    manifest.bytesPerJob = manifest.bytes / jobs;
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  }
  await core.close();
  if (!manifest) {
    log(`filling ${dir} with ${jobs.toLocaleString('en')} jobs (kept for the next run) ...`);
    manifest = await fillStore({ dir, jobs, root, log: (line) => log(line) });
    log(describeFill(manifest));
  } else {
    log(`using the store of ${jobs.toLocaleString('en')} jobs in ${dir} (${describeFill(manifest)})`);
  }
  const work = mkdtempSync(join(tmpdir(), 'ic-bench-ui-'));
  copyFileSync(join(dir, 'console.sqlite'), join(work, 'console.sqlite'));
  return { dataDir: work, manifest };
}
