import fs from 'node:fs';
import path from 'node:path';
import { readCorpus } from '../ingest/corpus.js';
import { SUPPORTED_EXTENSIONS } from '../ingest/formats/index.js';
import { cleanDocument } from '../ingest/clean-document.js';
import { DEFAULT_MAX_PASSAGE_CHARS, toPassages } from '../ingest/passages.js';
import { lexiconPath } from '../text/lexicon.js';
import { ensureEnglishDictionary } from '../text/english-dictionary.js';
import { loadSegmenter } from '../text/segment.js';
import type { Passage } from '../ingest/types.js';
import { denseBackend } from './dense/index.js';
import { type EmbedderConfig, loadConfiguredEmbedder } from './embedder.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { indexPaths } from './index-files.js';
import { LEXICAL_FIELDS, LexicalIndex } from './lexical-index.js';
import {
  type DenseManifest,
  type IndexManifest,
  PIPELINE_VERSION,
  hashCorpus,
  hashFiles,
  libraryVersions,
} from './manifest.js';

export interface EmbeddingConfig extends EmbedderConfig {
  /** "none" switches dense retrieval off. */
  model: string;
  /** Vector-store backend for the dense ranking (VECTOR_STORE). */
  store: string;
}

export interface BuildOptions {
  corpusDir: string;
  indexDir: string;
  embedding: EmbeddingConfig;
  maxPassageChars?: number;
  log?: (line: string) => void;
}

/** Files whose content changes index-time tokens (synonyms are query-side only). */
export function lexiconFiles(): string[] {
  return [lexiconPath('hk-user-dict.txt'), lexiconPath('stopwords.txt')];
}

/** Corpus → cleaned documents → passages → BM25 (+ HNSW when an embedding model loads) → index/. */
export async function buildIndex(opts: BuildOptions): Promise<IndexManifest> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const maxChars = opts.maxPassageChars ?? DEFAULT_MAX_PASSAGE_CHARS;
  const paths = indexPaths(opts.indexDir);

  const sources = readCorpus(opts.corpusDir);
  if (sources.length === 0) throw new Error(`No documents (${SUPPORTED_EXTENSIONS.join(', ')}) found in ${opts.corpusDir}`);
  const docs = sources.map(cleanDocument);
  const passages: Passage[] = docs.flatMap((d) => toPassages(d, maxChars));
  log(`read ${docs.length} document(s), ${passages.length} passages`);

  const english = ensureEnglishDictionary(
    docs.map((d) => d.text),
    { file: paths.englishDictionary },
  ).dictionary;
  log(`English query dictionary (CC-CEDICT, filtered to the corpus): ${english.size} English keys`);

  const dict = loadSegmenter();
  const lexical = LexicalIndex.build(passages);
  log(`lexical index: BM25 over jieba words + character bigrams (dictionary ${dict.fingerprint})`);

  let dense: DenseManifest | null = null;
  let denseUnavailableReason: string | null = null;
  fs.rmSync(paths.dense, { recursive: true, force: true });
  if (opts.embedding.model === 'none') {
    denseUnavailableReason = 'EMBEDDING_MODEL=none';
    log('dense index: off (EMBEDDING_MODEL=none) — retrieval mode: lexical');
  } else {
    const embedder = await loadConfiguredEmbedder(opts.embedding.model, opts.embedding);
    if (!embedder.ok) {
      denseUnavailableReason = embedder.reason;
      log(`${embedder.reason}; built the lexical index only — retrieval mode: lexical`);
    } else {
      const t = performance.now();
      const store = await denseBackend(opts.embedding.store).build(passages, embedder);
      await store.save(paths.dense);
      await embedder.dispose();
      const s = embedder.settings;
      dense = {
        model: s.modelId,
        dimensions: embedder.dimensions,
        pooling: s.pooling,
        normalize: s.normalize,
        queryInstruction: s.queryInstruction || null,
        space: 'cosine',
        store: store.kind,
        ...(s.provider ? { provider: s.provider, endpoint: s.endpoint } : {}),
      };
      log(`dense index: ${passages.length} vectors × ${embedder.dimensions} from ${s.modelId} in ${Math.round(performance.now() - t)} ms — retrieval mode: hybrid`);
    }
  }

  fs.rmSync(paths.documents, { recursive: true, force: true });
  for (const d of docs) writeFileAtomic(path.join(paths.documents, `${d.meta.id}.txt`), d.text);
  writeFileAtomic(paths.passages, passages.map((p) => JSON.stringify(p)).join('\n') + '\n');
  writeFileAtomic(paths.lexical, lexical.toJSON());

  const perDoc = new Map<string, number>();
  for (const p of passages) perDoc.set(p.docId, (perDoc.get(p.docId) ?? 0) + 1);
  const manifest: IndexManifest = {
    formatVersion: 1,
    pipelineVersion: PIPELINE_VERSION,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - t0),
    corpusHash: hashCorpus(sources),
    lexiconHash: hashFiles(lexiconFiles()),
    documents: docs.map((d) => ({
      id: d.meta.id,
      title: d.meta.title,
      language: d.meta.language,
      updated: d.meta.updated ?? null,
      passages: perDoc.get(d.meta.id) ?? 0,
    })),
    passageCount: passages.length,
    maxPassageChars: maxChars,
    lexical: { library: 'wink-bm25-text-search', fields: LEXICAL_FIELDS, tokenizer: 'nodejs-jieba cutForSearch (zh-HK dictionary) + Han bigrams' },
    requestedModel: opts.embedding.model,
    ...(opts.embedding.provider === 'openai' ? { requestedProvider: 'openai' as const } : {}),
    dense,
    denseUnavailableReason,
    retrievalMode: dense ? 'hybrid' : 'lexical',
    versions: libraryVersions(),
  };
  writeFileAtomic(paths.manifest, JSON.stringify(manifest, null, 2) + '\n');
  log(`index written to ${opts.indexDir} in ${manifest.buildMs} ms`);
  return manifest;
}
