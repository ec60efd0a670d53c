import 'dotenv/config';
import { indexOptions } from '../compose.js';
import { loadEnv } from '../config/env.js';
import { buildIndex } from '../index/build-index.js';

/** `npm run ingest`: rebuild index/ from corpus/, printing progress, time and peak memory. */
const env = loadEnv();
const t0 = performance.now();
try {
  const manifest = await buildIndex(indexOptions(env, (line) => console.log(`[ingest] ${line}`), (line) => console.warn(`[ingest] warning: ${line}`)));
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `[ingest] done: ${manifest.passageCount} passages, retrieval mode ${manifest.retrievalMode}, ` +
      `${Math.round(performance.now() - t0)} ms wall, peak RSS ${peakMb} MB`,
  );
} catch (err) {
  console.error(`[ingest] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
