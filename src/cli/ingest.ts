import 'dotenv/config';
import { loadEnv, resolvePath } from '../config/env.js';
import { buildIndex } from '../index/build-index.js';

/** `npm run ingest`: rebuild index/ from corpus/, printing progress, time and peak memory. */
const env = loadEnv();
const t0 = performance.now();
try {
  const manifest = await buildIndex({
    corpusDir: resolvePath(env.CORPUS_DIR),
    indexDir: resolvePath(env.INDEX_DIR),
    embedding: { model: env.EMBEDDING_MODEL, modelsDir: resolvePath(env.MODELS_DIR), allowRemote: env.ALLOW_REMOTE_MODELS },
    log: (line) => console.log(`[ingest] ${line}`),
  });
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `[ingest] done: ${manifest.passageCount} passages, retrieval mode ${manifest.retrievalMode}, ` +
      `${Math.round(performance.now() - t0)} ms wall, peak RSS ${peakMb} MB`,
  );
} catch (err) {
  console.error(`[ingest] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
