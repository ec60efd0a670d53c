import type { Passage } from '../ingest/types.js';
import type { EnglishDictionary } from '../text/english-dictionary.js';
import { loadSegmenter } from '../text/segment.js';
import { lexiconDirs } from '../text/lexicon.js';
import { startWorker } from '../util/worker.js';
import type { DenseStore } from './dense/index.js';
import type { Embedder } from './embedder.js';
import { indexPaths } from './index-files.js';
import type { LexicalSearcher } from './lexical/store.js';
import type { IndexManifest } from './manifest.js';
import { type IndexData, IndexNotReadyError, type LoadOptions, type LoadProgress, assembleIndex, prepareIndexData } from './prepare-index.js';
import type { CoverageIndex, TermFrequencies } from './store/coverage-index.js';
import type { PassageStore } from './store/passage-store.js';
import type { DocumentMeta } from '../ingest/types.js';

export { IndexNotReadyError, checkIndex, inspectIndex, type IndexData, type LoadOptions, type LoadProgress } from './prepare-index.js';

/** Passages by id: what the retriever and the routes look up (a Map's reading half). */
export interface PassageLookup {
  get(id: string): Passage | undefined;
  has(id: string): boolean;
  readonly size: number;
}

export interface LoadedIndex {
  manifest: IndexManifest;
  /** Every passage, decoded on first use (evaluation and tests); serving code looks passages up by id. */
  readonly passages: Passage[];
  byId: PassageLookup;
  /** Integer-id access to the passages (decoded on demand). */
  store: PassageStore;
  documents: Map<string, { meta: DocumentMeta; text: string }>;
  lexical: LexicalSearcher;
  /** normalizeForMatch(`${section} ${text}`) by passage id, computed at ingest. */
  matchText: { get(id: string): string | undefined };
  /** Substring document frequencies over the passages (coverage IDF). */
  termFrequencies: TermFrequencies;
  /** English → Chinese query expansions for this corpus. */
  english: EnglishDictionary;
  dense: { store: DenseStore; embedder: Embedder } | null;
  /** Why dense retrieval is off, when it is. */
  denseNote: string | null;
  /** Releases what the index holds open (database connections, the embedding model). */
  close(): Promise<void>;
}

/** Checks/builds/reads in a worker thread; progress and log lines come back as messages. */
function prepareInWorker(opts: LoadOptions): Promise<IndexData> {
  const { log, warn, onProgress, inWorker: _w, ...plain } = opts;
  const worker = startWorker(new URL('./load-worker.ts', import.meta.url), { opts: plain, lexicon: lexiconDirs() });
  return new Promise<IndexData>((resolve, reject) => {
    worker.on('message', (m: { log?: string; warn?: string; progress?: LoadProgress; data?: IndexData; error?: { name: string; message: string } }) => {
      if (m.log !== undefined) log?.(m.log);
      else if (m.warn !== undefined) (warn ?? log)?.(m.warn);
      else if (m.progress) onProgress?.(m.progress);
      else if (m.data) resolve(m.data);
      else if (m.error) reject(m.error.name === 'IndexNotReadyError' ? new IndexNotReadyError(m.error.message) : new Error(m.error.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the index loader exited (code ${code}) before the index was ready`)));
  });
}

export async function loadIndex(opts: LoadOptions): Promise<LoadedIndex> {
  if (opts.databaseUrl) return (await import('./postgres/load.js')).loadFromPostgres(opts);
  const data = opts.inWorker ? await prepareInWorker(opts) : await prepareIndexData(opts);
  opts.onProgress?.({ phase: 'opening', detail: 'passages, postings and models' });
  const { store, lexical, coverage, documents } = assembleIndex(data, opts);
  const { loadEnglishDictionary } = await import('../text/english-dictionary.js');
  const english = loadEnglishDictionary(indexPaths(opts.indexDir).englishDictionary);
  return finishIndex(opts, data.manifest, { store, lexical, coverage, documents, english });
}

/** The parts every backend provides, completed with the dense store and the lookups. */
export async function finishIndex(
  opts: LoadOptions,
  manifest: IndexManifest,
  parts: {
    store: PassageStore;
    lexical: LexicalSearcher;
    coverage: CoverageIndex;
    documents: Map<string, { meta: DocumentMeta; text: string }>;
    english: EnglishDictionary;
  },
  release: () => Promise<void> = async () => {},
): Promise<LoadedIndex> {
  const log = opts.log ?? (() => {});
  const { store, lexical, coverage, documents, english } = parts;
  loadSegmenter();
  let dense: LoadedIndex['dense'] = null;
  let denseNote = manifest.denseUnavailableReason;
  if (manifest.dense) {
    // Imported only for an index with vectors: transformers.js and onnxruntime are heavy to load.
    const { loadConfiguredEmbedder } = await import('./embedder.js');
    const { denseBackend } = await import('./dense/index.js');
    const { tolerantStore } = await import('./remote-embeddings.js');
    const embedder = await loadConfiguredEmbedder(manifest.dense.model, opts.embedding);
    if (embedder.ok) {
      const ctx = { databaseUrl: opts.databaseUrl, hnsw: opts.hnsw };
      const backend = await denseBackend(manifest.dense.store).load(indexPaths(opts.indexDir).dense, embedder, ctx);
      dense = { store: tolerantStore(backend, log), embedder };
    } else {
      denseNote = `the index has dense vectors but the model cannot be loaded now (${embedder.reason})`;
      log(`embedding model unavailable: ${embedder.reason}; serving lexical retrieval only`);
    }
  }
  let all: Passage[] | null = null;
  return {
    manifest,
    get passages() {
      all ??= Array.from({ length: store.count }, (_, i) => store.passage(i));
      return all;
    },
    byId: store,
    store,
    documents,
    lexical,
    english,
    matchText: {
      get: (id: string) => {
        const i = store.indexOf(id);
        return i < 0 ? undefined : store.match(i);
      },
    },
    termFrequencies: coverage,
    dense,
    denseNote,
    close: async () => {
      await dense?.store.close?.();
      await dense?.embedder.dispose();
      await release();
    },
  };
}

