import fs from 'node:fs';
import path from 'node:path';
import { listCorpus } from '../ingest/corpus.js';
import { SUPPORTED_EXTENSIONS } from '../ingest/formats/index.js';
import { DEFAULT_MAX_PASSAGE_CHARS } from '../ingest/passages.js';
import type { DocumentMeta, Passage } from '../ingest/types.js';
import { ensureDictionary } from '../text/dictionary.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { analyzeAll } from './analyze-pool.js';
import type { AnalyzeTask } from './analyze-task.js';
import type { HnswParams } from './dense/index.js';
import { corpusState } from './corpus-state.js';
import type { EmbedderConfig } from './embedder.js';
import { indexPaths, segmentName } from './index-files.js';
import { type FileRecord, parseJsonFile, recordFiles } from './integrity.js';
import { LEXICAL_FIELDS } from './lexical/bm25f.js';
import { LexicalWriter } from './lexical/writer.js';
import {
  type DenseManifest,
  FORMAT_VERSION,
  type IndexManifest,
  PIPELINE_VERSION,
  hashDocumentList,
  hashFiles,
  lexiconFiles,
  libraryVersions,
  manifestSchema,
} from './manifest.js';
import { readContainer } from './store/container.js';
import { CoverageWriter } from './store/coverage-index.js';
import { DocumentStoreWriter } from './store/document-store.js';
import { PassageStore, PassageStoreWriter } from './store/passage-store.js';
import { SEGMENT_FORMAT, type Segment, readSegment } from './store/segment.js';

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
  /** Where skipped-file warnings go, and whether a bad corpus file stops ingestion instead (STRICT_CORPUS). */
  warn?: (line: string) => void;
  strictCorpus?: boolean;
  /** Analysis worker threads (default: up to 2; 0 analyses in this thread). */
  workers?: number;
  /** PostgreSQL connection (DATABASE_URL): vectors for VECTOR_STORE=pgvector, and where the server loads from. */
  databaseUrl?: string;
  hnsw?: HnswParams;
  /** Re-analyse every document even when its segment is current. */
  full?: boolean;
}

export { lexiconFiles } from './manifest.js';

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The previous build's manifest when it is readable and current enough to reuse segments from. */
function previousManifest(indexDir: string): IndexManifest | null {
  try {
    const parsed = manifestSchema.safeParse(parseJsonFile(indexDir, indexPaths(indexDir).manifest));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Throttled progress lines: at most one a second, plus the last. */
function progress(log: (line: string) => void, label: string, total: number) {
  let last = 0;
  const t0 = performance.now();
  return (done: number, extra = '') => {
    const now = performance.now();
    if (done < total && now - last < 1000) return;
    last = now;
    log(`${label} ${done}/${total}${extra} (${((now - t0) / 1000).toFixed(1)} s)`);
  };
}

/**
 * Corpus → per-document segments (analysed in worker threads; unchanged documents reuse theirs) →
 * merged passage store, BM25F postings and coverage statistics (+ HNSW when an embedding model
 * loads) → index/. Documents stream through one at a time; nothing holds the whole corpus as text.
 */
export async function buildIndex(opts: BuildOptions): Promise<IndexManifest> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const maxChars = opts.maxPassageChars ?? DEFAULT_MAX_PASSAGE_CHARS;
  const paths = indexPaths(opts.indexDir);

  const fileNames = listCorpus(opts.corpusDir);
  if (fileNames.length === 0) throw new Error(`No documents (${SUPPORTED_EXTENSIONS.join(', ')}) found in ${opts.corpusDir}`);
  // The dictionary is generated here once; jieba itself loads only where documents are analysed.
  const dict = ensureDictionary();
  const lexiconHash = hashFiles(lexiconFiles());
  const pipeline = `v${PIPELINE_VERSION}:s${SEGMENT_FORMAT}:${lexiconHash}:${maxChars}`;
  const previous = opts.full ? null : previousManifest(opts.indexDir);
  const reusable = previous && previous.segmentPipeline === pipeline ? previous : null;

  // Pass 1: the corpus's documents and hashes (unchanged files are only stat'ed); documents whose
  // hash and segment are unchanged are not analysed again.
  const tick = progress(log, 'checked documents', fileNames.length);
  const state = corpusState(opts.corpusDir, previous, (done) => tick(done));
  const before = new Map(reusable?.documents.map((d) => [d.id, d.hash]));
  const docs = state.map((d) => ({ ...d, reuse: Boolean(before.get(d.id) === d.hash && reusable!.segments[segmentName(d.id)]) }));
  const changed = docs.filter((d) => !d.reuse);
  log(`${docs.length} document(s): ${changed.length} to analyse, ${docs.length - changed.length} unchanged`);

  // The manifest goes first: a build that stops half-way leaves no manifest, hence no index.
  fs.rmSync(paths.manifest, { force: true });
  const segmentRecords: Record<string, FileRecord> = {};
  const counts = new Map<string, number>();
  const quality = new Map<string, number | null>();
  const task = (d: (typeof docs)[number]): AnalyzeTask => ({
    corpusDir: opts.corpusDir,
    fileName: d.fileName,
    key: { docId: d.id, docHash: d.hash, pipeline },
    maxPassageChars: maxChars,
    segmentFile: path.join(opts.indexDir, segmentName(d.id)),
  });
  // Analysis runs on worker threads while this thread merges finished segments in corpus order.
  const ready = docs.map(() => deferred());
  docs.forEach((d, i) => d.reuse && ready[i]!.resolve());
  const changedAt = docs.flatMap((d, i) => (d.reuse ? [] : [i]));
  let analysedPassages = 0;
  const tickA = progress(log, 'analysed documents', changed.length);
  const analysis = analyzeAll(changed.map(task), {
    workers: opts.workers,
    onDone: (done, r, t) => {
      ready[changedAt[t]!]!.resolve();
      tickA(done, `, ${(analysedPassages += r.passages)} passages`);
    },
  });
  analysis.catch((err: unknown) => ready.forEach((r) => r.reject(err)));

  // Pass 2: merge the segments, in corpus order, into the serving files.
  const passagesOut = new PassageStoreWriter(paths.passages, docs.map((d) => d.id));
  const documentsOut = new DocumentStoreWriter(paths.documents);
  const lexical = new LexicalWriter();
  const coverage = new CoverageWriter();
  const tickM = progress(log, 'merged documents', docs.length);
  try {
    for (const [i, d] of docs.entries()) {
      await ready[i]!.promise;
      const name = segmentName(d.id);
      let seg: Segment | null = null;
      try {
        seg = readSegment(path.join(opts.indexDir, name), name);
        if (d.reuse && seg.sha256 !== reusable!.segments[name]!.sha256) seg = null;
      } catch {
        seg = null;
      }
      if (!seg || seg.meta.docHash !== d.hash || seg.meta.pipeline !== pipeline) {
        // A reused segment turned out damaged: analyse this one document again.
        log(`${name} is damaged or stale; analysing ${d.fileName} again`);
        await analyzeAll([task(d)], { workers: 0 });
        seg = readSegment(path.join(opts.indexDir, name), name);
      }
      segmentRecords[name] = { bytes: fs.statSync(path.join(opts.indexDir, name)).size, sha256: seg.sha256 };
      passagesOut.addRecords(i, seg.meta.ids, seg.records, seg.recordEnds, seg.matchUnits, seg.matchEnds);
      documentsOut.add(seg.text);
      lexical.addSegment(seg);
      coverage.addSegment(seg.covStart, seg.covKeys, seg.charCounts);
      counts.set(d.id, seg.meta.passages);
      quality.set(d.id, seg.meta.quality ?? null);
      tickM(i + 1, `, ${passagesOut.count} passages`);
    }
    await analysis;
  } catch (err) {
    passagesOut.abort();
    documentsOut.abort();
    await analysis.catch(() => undefined);
    throw err;
  }
  const passageCount = passagesOut.count;
  const written: Record<string, FileRecord> = {
    'passages.bin': passagesOut.close(),
    'documents.bin': documentsOut.close(docs.map((d) => d.id)),
    // One at a time: each frees its buffers before the next sorts its own.
    'coverage.bin': coverage.write(paths.coverage),
    'lexical.bin': lexical.write(paths.lexical),
  };
  log(`lexical index: BM25F over jieba words + character bigrams (dictionary ${dict.fingerprint}), ${passageCount} passages`);
  removeLeftovers(opts.indexDir, new Set(docs.map((d) => d.id)));

  // Imported here, after the workers are gone: it loads OpenCC and CC-CEDICT into this thread.
  const { buildCorpusEnglishDictionary } = await import('./english-index.js');
  const englishKeys = buildCorpusEnglishDictionary(opts.indexDir, hashDocumentList(docs));
  log(`English query dictionary (CC-CEDICT, filtered to the corpus): ${englishKeys} English keys`);

  let dense: DenseManifest | null = null;
  let denseUnavailableReason: string | null = null;
  fs.rmSync(paths.dense, { recursive: true, force: true });
  if (opts.embedding.model === 'none') {
    denseUnavailableReason = 'EMBEDDING_MODEL=none';
    log('dense index: off (EMBEDDING_MODEL=none) — retrieval mode: lexical');
  } else {
    // Imported only when a model is asked for: transformers.js and onnxruntime are heavy to load.
    const { loadConfiguredEmbedder } = await import('./embedder.js');
    const { denseBackend } = await import('./dense/index.js');
    const embedder = await loadConfiguredEmbedder(opts.embedding.model, opts.embedding);
    if (!embedder.ok) {
      denseUnavailableReason = embedder.reason;
      log(`${embedder.reason}; built the lexical index only — retrieval mode: lexical`);
    } else {
      const t = performance.now();
      const store = new PassageStore(readContainer(paths.passages));
      const passages: Passage[] = Array.from({ length: store.count }, (_, i) => store.passage(i));
      const tickE = progress(log, 'embedded passages', passages.length);
      const built = await denseBackend(opts.embedding.store).build(passages, embedder, {
        databaseUrl: opts.databaseUrl,
        hnsw: opts.hnsw,
        onProgress: (done) => tickE(done),
      });
      await built.save(paths.dense);
      await built.close?.();
      await embedder.dispose();
      const s = embedder.settings;
      dense = {
        model: s.modelId,
        dimensions: embedder.dimensions,
        pooling: s.pooling,
        normalize: s.normalize,
        queryInstruction: s.queryInstruction || null,
        space: 'cosine',
        store: built.kind,
        ...(s.provider ? { provider: s.provider, endpoint: s.endpoint } : {}),
      };
      log(`dense index: ${passages.length} vectors × ${embedder.dimensions} from ${s.modelId} in ${Math.round(performance.now() - t)} ms — retrieval mode: hybrid`);
    }
  }

  const files: Record<string, FileRecord> = {
    ...written,
    ...recordFiles(opts.indexDir, [paths.englishDictionary]),
    ...(dense && fs.existsSync(paths.dense) ? recordFiles(opts.indexDir, listFiles(paths.dense)) : {}),
  };
  const documents = docs.map((d) => ({
    id: d.id,
    title: d.meta.title,
    language: d.meta.language,
    updated: d.meta.updated ?? null,
    ...(d.meta.publisher ? { publisher: d.meta.publisher } : {}),
    ...(d.meta.source ? { source: d.meta.source } : {}),
    ...(d.meta.url ? { url: d.meta.url } : {}),
    ...(d.meta.series ? { series: d.meta.series } : {}),
    ...(d.meta.edition ? { edition: d.meta.edition } : {}),
    hash: d.hash,
    file: d.fileName,
    stat: d.stat,
    passages: counts.get(d.id) ?? 0,
    quality: quality.get(d.id) ?? null,
  }));
  const manifest: IndexManifest = {
    formatVersion: FORMAT_VERSION,
    pipelineVersion: PIPELINE_VERSION,
    builtAt: new Date().toISOString(),
    buildMs: Math.round(performance.now() - t0),
    corpusHash: hashDocumentList(documents),
    lexiconHash,
    documents,
    passageCount,
    maxPassageChars: maxChars,
    lexical: { library: 'built-in BM25F (MaxScore over typed-array postings)', fields: LEXICAL_FIELDS, tokenizer: 'nodejs-jieba cutForSearch (zh-HK dictionary) + Han bigrams' },
    requestedModel: opts.embedding.model,
    ...(opts.embedding.provider === 'openai' ? { requestedProvider: 'openai' as const } : {}),
    dense,
    denseUnavailableReason,
    retrievalMode: dense ? 'hybrid' : 'lexical',
    versions: libraryVersions(),
    files,
    segments: segmentRecords,
    segmentPipeline: pipeline,
  };
  writeFileAtomic(paths.manifest, JSON.stringify(manifest, null, 2) + '\n');
  log(`index written to ${opts.indexDir} in ${manifest.buildMs} ms`);
  return manifest;
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (err: unknown) => void } {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // awaited (and rethrown) by the merge loop
  return { promise, resolve, reject };
}

/** Segments of documents no longer in the corpus, and files of older index formats. */
function removeLeftovers(indexDir: string, ids: Set<string>): void {
  const paths = indexPaths(indexDir);
  if (fs.existsSync(paths.segments)) {
    for (const f of fs.readdirSync(paths.segments)) if (!f.endsWith('.seg') || !ids.has(f.slice(0, -'.seg'.length))) fs.rmSync(path.join(paths.segments, f), { force: true });
  }
  for (const old of ['passages.jsonl', 'lexical-bm25.json', 'documents']) fs.rmSync(path.join(indexDir, old), { recursive: true, force: true });
}
