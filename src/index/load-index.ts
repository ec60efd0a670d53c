import fs from 'node:fs';
import path from 'node:path';
import { type SourceDocument, readCorpus } from '../ingest/corpus.js';
import { DEFAULT_MAX_PASSAGE_CHARS } from '../ingest/passages.js';
import { type EnglishDictionary, loadEnglishDictionary } from '../text/english-dictionary.js';
import { loadSegmenter } from '../text/segment.js';
import type { DocumentMeta, Passage } from '../ingest/types.js';
import { type BuildOptions, buildIndex, lexiconFiles } from './build-index.js';
import { type DenseStore, denseBackend } from './dense/index.js';
import { type Embedder, loadConfiguredEmbedder } from './embedder.js';
import { indexPaths } from './index-files.js';
import { LexicalIndex } from './lexical-index.js';
import { type IndexManifest, hashCorpus, hashFiles, staleReason } from './manifest.js';
import { tolerantStore } from './remote-embeddings.js';

export class IndexNotReadyError extends Error {
  override name = 'IndexNotReadyError';
}

export interface LoadedIndex {
  manifest: IndexManifest;
  passages: Passage[];
  byId: Map<string, Passage>;
  documents: Map<string, { meta: DocumentMeta; text: string }>;
  lexical: LexicalIndex;
  /** English → Chinese query expansions for this corpus. */
  english: EnglishDictionary;
  dense: { store: DenseStore; embedder: Embedder } | null;
  /** Why dense retrieval is off, when it is. */
  denseNote: string | null;
}

export interface LoadOptions extends BuildOptions {
  /** Rebuild when the index is missing or does not match the corpus/configuration (npm start does). */
  rebuildIfStale?: boolean;
}

/** Null when the index on disk fits the corpus and configuration; otherwise the reason. */
export function checkIndex(
  opts: Pick<BuildOptions, 'corpusDir' | 'indexDir' | 'embedding' | 'maxPassageChars'>,
  sources: SourceDocument[] = readCorpus(opts.corpusDir),
): string | null {
  const paths = indexPaths(opts.indexDir);
  if (!fs.existsSync(paths.manifest)) return `no index found in ${opts.indexDir}`;
  const manifest = JSON.parse(fs.readFileSync(paths.manifest, 'utf8')) as IndexManifest;
  return staleReason(manifest, {
    maxPassageChars: opts.maxPassageChars ?? DEFAULT_MAX_PASSAGE_CHARS,
    corpusHash: hashCorpus(sources),
    lexiconHash: hashFiles(lexiconFiles()),
    requestedModel: opts.embedding.model,
    vectorStore: opts.embedding.store,
    requestedProvider: opts.embedding.provider,
  });
}

export async function loadIndex(opts: LoadOptions): Promise<LoadedIndex> {
  const log = opts.log ?? (() => {});
  // Read once: the corpus hash decides staleness, and its metadata travels with the loaded index.
  const sources = readCorpus(opts.corpusDir);
  const problem = checkIndex(opts, sources);
  if (problem) {
    if (!opts.rebuildIfStale) {
      throw new IndexNotReadyError(`Cannot use the index: ${problem}. Run \`npm run ingest\` to rebuild it.`);
    }
    log(`rebuilding the index: ${problem}`);
    await buildIndex(opts);
  }
  const paths = indexPaths(opts.indexDir);
  const manifest = JSON.parse(fs.readFileSync(paths.manifest, 'utf8')) as IndexManifest;
  loadSegmenter();
  const passages = fs
    .readFileSync(paths.passages, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Passage);
  const metaById = new Map(sources.map((s) => [s.meta.id, s.meta]));
  const documents = new Map<string, { meta: DocumentMeta; text: string }>();
  for (const d of manifest.documents) {
    const meta = metaById.get(d.id);
    if (meta) documents.set(d.id, { meta, text: fs.readFileSync(path.join(paths.documents, `${d.id}.txt`), 'utf8') });
  }
  const lexical = LexicalIndex.fromJSON(fs.readFileSync(paths.lexical, 'utf8'));
  const english = loadEnglishDictionary(paths.englishDictionary);

  let dense: LoadedIndex['dense'] = null;
  let denseNote = manifest.denseUnavailableReason;
  if (manifest.dense) {
    const embedder = await loadConfiguredEmbedder(manifest.dense.model, opts.embedding);
    if (embedder.ok) {
      dense = { store: tolerantStore(await denseBackend(manifest.dense.store).load(paths.dense, embedder), log), embedder };
    } else {
      denseNote = `the index has dense vectors but the model cannot be loaded now (${embedder.reason})`;
      log(`embedding model unavailable: ${embedder.reason}; serving lexical retrieval only`);
    }
  }
  return { manifest, passages, byId: new Map(passages.map((p) => [p.id, p])), documents, lexical, english, dense, denseNote };
}
