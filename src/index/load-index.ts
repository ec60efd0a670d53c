import fs from 'node:fs';
import path from 'node:path';
import { type SourceDocument, readCorpus } from '../ingest/corpus.js';
import { DEFAULT_MAX_PASSAGE_CHARS } from '../ingest/passages.js';
import { loadSegmenter } from '../text/segment.js';
import type { DocumentMeta, Passage } from '../ingest/types.js';
import { type BuildOptions, buildIndex, lexiconFiles } from './build-index.js';
import { type DenseStore, denseBackend } from './dense/index.js';
import { type TransformersEmbeddings, loadEmbedder } from './embeddings.js';
import { indexPaths } from './index-files.js';
import { IndexDamagedError, parseJsonFile, verifyFiles } from './integrity.js';
import { LexicalIndex } from './lexical-index.js';
import { type IndexManifest, hashCorpus, hashFiles, outdatedReason, staleReason, validateManifest } from './manifest.js';

export class IndexNotReadyError extends Error {
  override name = 'IndexNotReadyError';
}

export interface LoadedIndex {
  manifest: IndexManifest;
  passages: Passage[];
  byId: Map<string, Passage>;
  documents: Map<string, { meta: DocumentMeta; text: string }>;
  lexical: LexicalIndex;
  dense: { store: DenseStore; embedder: TransformersEmbeddings } | null;
  /** Why dense retrieval is off, when it is. */
  denseNote: string | null;
}

export interface LoadOptions extends BuildOptions {
  /** Rebuild when the index is missing or does not match the corpus/configuration (npm start does). */
  rebuildIfStale?: boolean;
}

type IndexOpts = Pick<BuildOptions, 'corpusDir' | 'indexDir' | 'embedding' | 'maxPassageChars'>;

/**
 * Reads and validates the manifest, verifies every file it records, and checks it fits the corpus and
 * configuration. Throws IndexDamagedError naming the file at fault; returns the reason the index is
 * stale (or missing), or the manifest when it can be used.
 */
export function inspectIndex(opts: IndexOpts, sources: SourceDocument[] = readCorpus(opts.corpusDir)): { stale: string } | { manifest: IndexManifest } {
  const paths = indexPaths(opts.indexDir);
  if (!fs.existsSync(paths.manifest)) return { stale: `no index found in ${opts.indexDir}` };
  const raw = parseJsonFile(opts.indexDir, paths.manifest);
  const outdated = outdatedReason(raw);
  if (outdated) return { stale: outdated };
  const manifest = validateManifest(raw);
  const stale = staleReason(manifest, {
    maxPassageChars: opts.maxPassageChars ?? DEFAULT_MAX_PASSAGE_CHARS,
    corpusHash: hashCorpus(sources),
    lexiconHash: hashFiles(lexiconFiles()),
    requestedModel: opts.embedding.model,
    vectorStore: opts.embedding.store,
  });
  if (stale) return { stale };
  verifyFiles(opts.indexDir, manifest.files);
  return { manifest };
}

/** Null when the index on disk is intact and fits the corpus and configuration; otherwise the reason. */
export function checkIndex(opts: IndexOpts, sources: SourceDocument[] = readCorpus(opts.corpusDir)): string | null {
  try {
    const r = inspectIndex(opts, sources);
    return 'stale' in r ? r.stale : null;
  } catch (err) {
    if (err instanceof IndexDamagedError) return `${path.join(opts.indexDir, err.file)} ${err.reason}`;
    throw err;
  }
}

/** The files as the manifest describes them, or IndexDamagedError naming the file that disagrees. */
function readIndexFiles(opts: IndexOpts, manifest: IndexManifest, sources: SourceDocument[]) {
  const paths = indexPaths(opts.indexDir);
  const lines = fs.readFileSync(paths.passages, 'utf8').split('\n').filter(Boolean);
  const passages = lines.map((l) => parseJsonFile<Passage>(opts.indexDir, paths.passages, l));
  if (passages.length !== manifest.passageCount) {
    throw new IndexDamagedError('passages.jsonl', `holds ${passages.length} passages, the manifest counts ${manifest.passageCount}`);
  }
  const metaById = new Map(sources.map((s) => [s.meta.id, s.meta]));
  const documents = new Map<string, { meta: DocumentMeta; text: string }>();
  for (const d of manifest.documents) {
    const meta = metaById.get(d.id);
    if (!meta) throw new IndexDamagedError('manifest.json', `lists document "${d.id}", which is not in the corpus`);
    documents.set(d.id, { meta, text: fs.readFileSync(path.join(paths.documents, `${d.id}.txt`), 'utf8') });
  }
  for (const p of passages) {
    if (!documents.has(p.docId)) throw new IndexDamagedError('passages.jsonl', `holds passage ${p.id} of unknown document "${p.docId}"`);
  }
  let lexical: LexicalIndex;
  try {
    lexical = LexicalIndex.fromJSON(fs.readFileSync(paths.lexical, 'utf8'));
  } catch (err) {
    throw new IndexDamagedError('lexical-bm25.json', `cannot be loaded (${err instanceof Error ? err.message : String(err)})`);
  }
  return { passages, documents, lexical };
}

export async function loadIndex(opts: LoadOptions): Promise<LoadedIndex> {
  const log = opts.log ?? (() => {});
  // Read once: the corpus hash decides staleness, and its metadata travels with the loaded index.
  const sources = readCorpus(opts.corpusDir);
  const attempt = () => {
    const r = inspectIndex(opts, sources);
    if ('stale' in r) return { problem: r.stale };
    return { manifest: r.manifest, ...readIndexFiles(opts, r.manifest, sources) };
  };
  let loaded: ReturnType<typeof attempt>;
  try {
    loaded = attempt();
  } catch (err) {
    if (!(err instanceof IndexDamagedError)) throw err;
    loaded = { problem: `${path.join(opts.indexDir, err.file)} ${err.reason}` };
  }
  if ('problem' in loaded) {
    if (!opts.rebuildIfStale) {
      throw new IndexNotReadyError(`Cannot use the index: ${loaded.problem}. Run \`npm run ingest\` to rebuild it.`);
    }
    log(`rebuilding the index: ${loaded.problem}`);
    await buildIndex(opts);
    loaded = attempt();
    if ('problem' in loaded) throw new IndexNotReadyError(`The rebuilt index is still unusable: ${loaded.problem}`);
  }
  loadSegmenter();
  const { manifest, passages, documents, lexical } = loaded;

  let dense: LoadedIndex['dense'] = null;
  let denseNote = manifest.denseUnavailableReason;
  if (manifest.dense) {
    const embedder = await loadEmbedder({
      modelId: manifest.dense.model,
      modelsDir: opts.embedding.modelsDir,
      allowRemote: opts.embedding.allowRemote,
    });
    if (embedder.ok) {
      dense = { store: await denseBackend(manifest.dense.store).load(indexPaths(opts.indexDir).dense, embedder), embedder };
    } else {
      denseNote = `the index has dense vectors but the model cannot be loaded now (${embedder.reason})`;
      log(`embedding model unavailable: ${embedder.reason}; serving lexical retrieval only`);
    }
  }
  return { manifest, passages, byId: new Map(passages.map((p) => [p.id, p])), documents, lexical, dense, denseNote };
}
