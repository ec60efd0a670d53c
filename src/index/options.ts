import { type Env, resolvePath } from '../config/env.js';
import { configureCorpus } from '../ingest/corpus.js';
import { configureLexicon } from '../text/lexicon.js';
import type { BuildOptions } from './build-index.js';

/**
 * Index build/load options from the configuration (also points the text layer at the lexicon). Its own
 * module, re-exported by the composition root, so `npm run ingest` does not load the answering code.
 */
export function indexOptions(env: Env, log?: (line: string) => void, warn?: (line: string) => void): BuildOptions {
  configureLexicon({ lexiconDir: resolvePath(env.LEXICON_DIR), cacheDir: resolvePath(env.CACHE_DIR) });
  // Whether a bad corpus file is skipped with a warning or stops ingestion.
  configureCorpus({ strict: env.STRICT_CORPUS, ...((warn ?? log) ? { warn: warn ?? log } : {}) });
  return {
    corpusDir: resolvePath(env.CORPUS_DIR),
    indexDir: resolvePath(env.INDEX_DIR),
    embedding: {
      model: env.EMBEDDING_MODEL,
      modelsDir: resolvePath(env.MODELS_DIR),
      allowRemote: env.ALLOW_REMOTE_MODELS,
      store: env.VECTOR_STORE,
      provider: env.EMBEDDING_PROVIDER,
      baseUrl: env.EMBEDDING_BASE_URL,
      apiKey: env.EMBEDDING_API_KEY,
      dimensions: env.EMBEDDING_DIMENSIONS,
      timeoutMs: env.EMBEDDING_TIMEOUT_MS,
    },
    log,
    ...((warn ?? log) ? { warn: warn ?? log } : {}),
    strictCorpus: env.STRICT_CORPUS,
    workers: env.INGEST_WORKERS,
    databaseUrl: env.DATABASE_URL,
    hnsw: { m: env.HNSW_M, efConstruction: env.HNSW_EF_CONSTRUCTION, efSearch: env.HNSW_EF_SEARCH },
  };
}
