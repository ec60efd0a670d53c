import 'dotenv/config';
import { indexOptions } from '../index/options.js';
import { loadEnv } from '../config/env.js';
import { buildIndex } from '../index/build-index.js';
import { publishIndex } from '../index/postgres/publish.js';

/**
 * `npm run ingest`: build index/ from corpus/ (only new and changed documents are analysed), printing
 * progress, time and peak memory; with DATABASE_URL, then publish it to PostgreSQL for every replica.
 */
const env = loadEnv();
const t0 = performance.now();
const log = (line: string) => console.log(`[ingest] ${line}`);
try {
  const opts = indexOptions(env, log, (line) => console.warn(`[ingest] warning: ${line}`));
  const manifest = await buildIndex(opts);
  if (env.DATABASE_URL) await publishIndex({ indexDir: opts.indexDir, databaseUrl: env.DATABASE_URL, log }, manifest);
  const usage = process.resourceUsage();
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  log(
    `done: ${manifest.passageCount} passages, retrieval mode ${manifest.retrievalMode}, ${Math.round(performance.now() - t0)} ms wall, ` +
      `${cpu.toFixed(1)} s CPU (all threads), peak RSS ${Math.round(usage.maxRSS / 1024)} MB`,
  );
} catch (err) {
  console.error(`[ingest] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
