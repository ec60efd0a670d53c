import fs from 'node:fs';
import path from 'node:path';
import { listCorpus, readSource } from '../ingest/corpus.js';
import { DEFAULT_MAX_PASSAGE_CHARS } from '../ingest/passages.js';
import type { DocumentMeta, Passage } from '../ingest/types.js';
import type { TermFrequencies } from './store/coverage-index.js';
import { lexiconDirs } from '../text/lexicon.js';
import { loadSegmenter } from '../text/segment.js';
import { startWorker } from '../util/worker.js';
import { type BuildOptions, buildIndex, lexiconFiles } from './build-index.js';
import { type DenseStore, denseBackend } from './dense/index.js';
import { type TransformersEmbeddings, loadEmbedder } from './embeddings.js';
import { documentTextName, indexPaths } from './index-files.js';
import { IndexDamagedError, parseJsonFile, verifyFiles } from './integrity.js';
import { documentPrior } from './lexical/bm25f.js';
import { LocalLexicalIndex } from './lexical/local.js';
import type { LexicalSearcher } from './lexical/store.js';
import { type IndexManifest, hashDocument, hashDocumentList, hashFiles, outdatedReason, staleReason, validateManifest } from './manifest.js';
import { PostgresLexicalIndex } from './lexical/postgres.js';
import { TABLES, createPool, ensureSchema } from './postgres/db.js';
import { type Container, parseContainer, readContainer } from './store/container.js';
import { COVERAGE_KIND, CoverageIndex } from './store/coverage-index.js';
import { PASSAGES_KIND, PassageStore } from './store/passage-store.js';

export class IndexNotReadyError extends Error {
  override name = 'IndexNotReadyError';
}

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
  dense: { store: DenseStore; embedder: TransformersEmbeddings } | null;
  /** Why dense retrieval is off, when it is. */
  denseNote: string | null;
  /** Releases what the index holds open (database connections, the embedding model). */
  close(): Promise<void>;
}

/** Where loading is, for /readyz while it runs. */
export interface LoadProgress {
  phase: 'checking' | 'building' | 'verifying' | 'reading' | 'opening';
  detail: string;
}

export interface LoadOptions extends BuildOptions {
  /** Rebuild when the index is missing, damaged or does not match the corpus/configuration (npm start does). */
  rebuildIfStale?: boolean;
  /** Check, build and read the files in a worker thread so this thread's event loop stays free. */
  inWorker?: boolean;
  onProgress?: (p: LoadProgress) => void;
}

type IndexOpts = Pick<BuildOptions, 'corpusDir' | 'indexDir' | 'embedding' | 'maxPassageChars'>;

/** The corpus's documents and hashes, read one file at a time. */
function corpusHashes(corpusDir: string): Array<{ id: string; hash: string }> {
  return listCorpus(corpusDir).map((f) => {
    const s = readSource(corpusDir, f);
    return { id: s.meta.id, hash: hashDocument(s) };
  });
}

function corpusChange(manifest: IndexManifest, docs: Array<{ id: string; hash: string }>): string {
  const before = new Map(manifest.documents.map((d) => [d.id, d.hash]));
  const now = new Map(docs.map((d) => [d.id, d.hash]));
  const list = (ids: string[]) => (ids.length > 3 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', '));
  const parts: Array<[string, string[]]> = [
    ['changed', docs.filter((d) => before.has(d.id) && before.get(d.id) !== d.hash).map((d) => d.id)],
    ['added', docs.filter((d) => !before.has(d.id)).map((d) => d.id)],
    ['removed', manifest.documents.filter((d) => !now.has(d.id)).map((d) => d.id)],
  ];
  const said = parts.filter(([, ids]) => ids.length).map(([k, ids]) => `${k}: ${list(ids)}`);
  return said.length ? ` (${said.join('; ')})` : '';
}

/**
 * Reads and validates the manifest and checks it fits the corpus and configuration. Throws
 * IndexDamagedError naming the file at fault; returns why the index is stale (or missing), or the manifest.
 */
export function inspectIndex(opts: IndexOpts, docs = corpusHashes(opts.corpusDir)): { stale: string } | { manifest: IndexManifest } {
  const paths = indexPaths(opts.indexDir);
  if (!fs.existsSync(paths.manifest)) return { stale: `no index found in ${opts.indexDir}` };
  const raw = parseJsonFile(opts.indexDir, paths.manifest);
  const outdated = outdatedReason(raw);
  if (outdated) return { stale: outdated };
  const manifest = validateManifest(raw);
  const stale = staleReason(manifest, {
    maxPassageChars: opts.maxPassageChars ?? DEFAULT_MAX_PASSAGE_CHARS,
    corpusHash: hashDocumentList(docs),
    lexiconHash: hashFiles(lexiconFiles()),
    requestedModel: opts.embedding.model,
    vectorStore: opts.embedding.store,
  });
  if (stale) return { stale: stale + (stale.includes('corpus folder changed') ? corpusChange(manifest, docs) : '') };
  return { manifest };
}

/** The index files as plain data (transferable from a worker thread). */
export interface IndexData {
  manifest: IndexManifest;
  passages: Container;
  lexical: Container;
  coverage: Container;
}

const CONTAINERS = ['passages.bin', 'lexical.bin', 'coverage.bin'] as const;

/** Reads the binary files (checking each against its checksum on the way) and verifies every other file. */
function readIndexData(opts: IndexOpts, manifest: IndexManifest, onProgress?: (p: LoadProgress) => void): IndexData {
  const read = (name: (typeof CONTAINERS)[number]) => {
    onProgress?.({ phase: 'reading', detail: name });
    const want = manifest.files[name];
    if (!want) throw new IndexDamagedError('manifest.json', `does not record ${name}`);
    const c = readContainer(path.join(opts.indexDir, name), name);
    if (c.sha256 !== want.sha256) throw new IndexDamagedError(name, 'does not match its checksum in the manifest');
    return c;
  };
  const data = { manifest, passages: read('passages.bin'), lexical: read('lexical.bin'), coverage: read('coverage.bin') };
  const rest = Object.fromEntries(Object.entries(manifest.files).filter(([name]) => !(CONTAINERS as readonly string[]).includes(name)));
  for (const d of manifest.documents) if (!rest[documentTextName(d.id)]) throw new IndexDamagedError('manifest.json', `does not record ${documentTextName(d.id)}`);
  verifyFiles(opts.indexDir, rest, (file, i, n) => onProgress?.({ phase: 'verifying', detail: `${file} (${i + 1}/${n})` }));
  return data;
}

/** Null when the index on disk is intact and fits the corpus and configuration; otherwise the reason. */
export function checkIndex(opts: IndexOpts): string | null {
  try {
    const r = inspectIndex(opts);
    if ('stale' in r) return r.stale;
    assembleIndex(readIndexData(opts, r.manifest), opts);
    return null;
  } catch (err) {
    if (err instanceof IndexDamagedError) return `${path.join(opts.indexDir, err.file)} ${err.reason}`;
    throw err;
  }
}

/**
 * The files of a usable index: rebuilt first when allowed and the index is missing, stale or damaged
 * (saying which file); otherwise IndexNotReadyError naming the file and `npm run ingest`.
 */
export async function prepareIndexData(opts: LoadOptions): Promise<IndexData> {
  const log = opts.log ?? (() => {});
  const attempt = (): IndexData | { problem: string } => {
    try {
      opts.onProgress?.({ phase: 'checking', detail: 'corpus and manifest' });
      const r = inspectIndex(opts);
      if ('stale' in r) return { problem: r.stale };
      const data = readIndexData(opts, r.manifest, opts.onProgress);
      assembleIndex(data, opts); // consistency checks across files (counts, sections)
      return data;
    } catch (err) {
      if (err instanceof IndexDamagedError) return { problem: `${path.join(opts.indexDir, err.file)} ${err.reason}` };
      throw err;
    }
  };
  let data = attempt();
  if ('problem' in data) {
    if (!opts.rebuildIfStale) throw new IndexNotReadyError(`Cannot use the index: ${data.problem}. Run \`npm run ingest\` to rebuild it.`);
    log(`rebuilding the index: ${data.problem}`);
    await buildIndex({
      ...opts,
      log: (line) => {
        log(line);
        opts.onProgress?.({ phase: 'building', detail: line });
      },
    });
    data = attempt();
    if ('problem' in data) throw new IndexNotReadyError(`The rebuilt index is still unusable: ${data.problem}`);
  }
  return data;
}

function documentMeta(d: IndexManifest['documents'][number]): DocumentMeta {
  return {
    id: d.id,
    title: d.title,
    language: d.language,
    updated: d.updated ?? undefined,
    publisher: d.publisher,
    source: d.source,
    ...(d.series ? { series: d.series } : {}),
    ...(d.edition ? { edition: d.edition } : {}),
  };
}

/** Lazily read cleaned document text (only evaluation and offsets checks need it). */
class DocumentEntry {
  constructor(
    readonly meta: DocumentMeta,
    private readonly file: string,
  ) {}
  get text(): string {
    return fs.readFileSync(this.file, 'utf8');
  }
}

/** Typed views and lookups over the index data; cheap (no parsing of passages or postings). */
function assembleIndex(data: IndexData, opts: Pick<IndexOpts, 'indexDir'>) {
  const { manifest } = data;
  const store = new PassageStore(data.passages, 'passages.bin');
  if (store.count !== manifest.passageCount) {
    throw new IndexDamagedError('passages.bin', `holds ${store.count} passages, the manifest counts ${manifest.passageCount}`);
  }
  const ids = manifest.documents.map((d) => d.id);
  if (store.documentIds.length !== ids.length || store.documentIds.some((id, i) => id !== ids[i])) {
    throw new IndexDamagedError('passages.bin', 'lists other documents than the manifest');
  }
  const prior = Float64Array.from(manifest.documents, (d) => documentPrior(d.quality));
  const lexical = new LocalLexicalIndex(data.lexical, store, prior, 'lexical.bin');
  const coverage = new CoverageIndex(data.coverage, (i) => store.match(i), 'coverage.bin');
  if (coverage.size !== store.count) throw new IndexDamagedError('coverage.bin', `counts ${coverage.size} passages, the passage store holds ${store.count}`);
  const documents = new Map<string, { meta: DocumentMeta; text: string }>();
  for (const d of manifest.documents) {
    documents.set(d.id, new DocumentEntry(documentMeta(d), path.join(opts.indexDir, documentTextName(d.id))));
  }
  return { store, lexical, coverage, documents };
}

/** Checks/builds/reads in a worker thread; progress and log lines come back as messages. */
function prepareInWorker(opts: LoadOptions): Promise<IndexData> {
  const { log, onProgress, inWorker: _w, ...plain } = opts;
  const worker = startWorker(new URL('./load-worker.ts', import.meta.url), { opts: plain, lexicon: lexiconDirs() });
  return new Promise<IndexData>((resolve, reject) => {
    worker.on('message', (m: { log?: string; progress?: LoadProgress; data?: IndexData; error?: { name: string; message: string } }) => {
      if (m.log !== undefined) log?.(m.log);
      else if (m.progress) onProgress?.(m.progress);
      else if (m.data) resolve(m.data);
      else if (m.error) reject(m.error.name === 'IndexNotReadyError' ? new IndexNotReadyError(m.error.message) : new Error(m.error.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`the index loader exited (code ${code}) before the index was ready`)));
  });
}

export async function loadIndex(opts: LoadOptions): Promise<LoadedIndex> {
  if (opts.databaseUrl) return loadFromPostgres(opts);
  const data = opts.inWorker ? await prepareInWorker(opts) : await prepareIndexData(opts);
  opts.onProgress?.({ phase: 'opening', detail: 'passages, postings and models' });
  const { store, lexical, coverage, documents } = assembleIndex(data, opts);
  return finishIndex(opts, data.manifest, { store, lexical, coverage, documents });
}

/** The parts every backend provides, completed with the dense store and the lookups. */
async function finishIndex(
  opts: LoadOptions,
  manifest: IndexManifest,
  parts: { store: PassageStore; lexical: LexicalSearcher; coverage: CoverageIndex; documents: Map<string, { meta: DocumentMeta; text: string }> },
  release: () => Promise<void> = async () => {},
): Promise<LoadedIndex> {
  const log = opts.log ?? (() => {});
  const { store, lexical, coverage, documents } = parts;
  loadSegmenter();
  let dense: LoadedIndex['dense'] = null;
  let denseNote = manifest.denseUnavailableReason;
  if (manifest.dense) {
    const embedder = await loadEmbedder({
      modelId: manifest.dense.model,
      modelsDir: opts.embedding.modelsDir,
      allowRemote: opts.embedding.allowRemote,
    });
    if (embedder.ok) {
      const ctx = { databaseUrl: opts.databaseUrl, hnsw: opts.hnsw };
      dense = { store: await denseBackend(manifest.dense.store).load(indexPaths(opts.indexDir).dense, embedder, ctx), embedder };
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

/**
 * A replica's index from PostgreSQL (DATABASE_URL): the manifest, the passage store and coverage
 * statistics (checked against their checksums) and the documents; lexical ranking then runs in the
 * database (full-text search), and dense ranking too with VECTOR_STORE=pgvector. The server never
 * writes to the database: `npm run ingest` publishes.
 */
async function loadFromPostgres(opts: LoadOptions): Promise<LoadedIndex> {
  const notReady = (why: string) => new IndexNotReadyError(`Cannot use the index in the database: ${why}. Run \`npm run ingest\` with DATABASE_URL set to publish it.`);
  const db = createPool(opts.databaseUrl!);
  try {
    opts.onProgress?.({ phase: 'checking', detail: 'database' });
    await ensureSchema(db);
    const row = (await db.query(`SELECT manifest, stats FROM ${TABLES.meta} WHERE id = 1`)).rows[0] as { manifest: unknown; stats: { passages: number; avgLength: number } } | undefined;
    if (!row) throw notReady('no index has been published there');
    const outdated = outdatedReason(row.manifest);
    if (outdated) throw notReady(outdated);
    let manifest: IndexManifest;
    try {
      manifest = validateManifest(row.manifest, `${TABLES.meta}.manifest`);
    } catch (err) {
      throw notReady(err instanceof Error ? err.message : String(err));
    }
    if (manifest.requestedModel !== opts.embedding.model) {
      throw notReady(`it was built for embedding model "${manifest.requestedModel}" but EMBEDDING_MODEL is "${opts.embedding.model}"`);
    }
    if (manifest.dense && manifest.dense.store !== opts.embedding.store) {
      throw notReady(`its dense vectors are in a "${manifest.dense.store}" store but VECTOR_STORE is "${opts.embedding.store}"`);
    }
    opts.onProgress?.({ phase: 'reading', detail: 'passage store and coverage statistics' });
    const blobs = new Map<string, Buffer[]>();
    for (const r of (await db.query(`SELECT name, chunk, data FROM ${TABLES.blobs} ORDER BY name, chunk`)).rows as Array<{ name: string; data: Buffer }>) {
      blobs.set(r.name, [...(blobs.get(r.name) ?? []), r.data]);
    }
    const container = (name: string, kind: string) => {
      const parts = blobs.get(name);
      if (!parts) throw notReady(`${TABLES.blobs} has no ${name}`);
      try {
        const c = parseContainer(Buffer.concat(parts), name, kind);
        if (c.sha256 !== manifest.files[name]?.sha256) throw new IndexDamagedError(name, 'does not match its checksum in the manifest');
        return c;
      } catch (err) {
        throw notReady(err instanceof Error ? err.message : String(err));
      }
    };
    const store = new PassageStore(container('passages.bin', PASSAGES_KIND), 'passages.bin');
    const coverage = new CoverageIndex(container('coverage.bin', COVERAGE_KIND), (i) => store.match(i), 'coverage.bin');
    const rows = Number((await db.query(`SELECT count(*) AS n FROM ${TABLES.passages}`)).rows[0].n);
    if (store.count !== manifest.passageCount || rows !== manifest.passageCount) {
      throw notReady(`it counts ${manifest.passageCount} passages but holds ${store.count} in passages.bin and ${rows} rows in ${TABLES.passages}`);
    }
    const documents = new Map<string, { meta: DocumentMeta; text: string }>();
    const texts = new Map(((await db.query(`SELECT id, text FROM ${TABLES.documents}`)).rows as Array<{ id: string; text: string }>).map((r) => [r.id, r.text]));
    for (const d of manifest.documents) {
      const text = texts.get(d.id);
      if (text === undefined) throw notReady(`${TABLES.documents} has no document "${d.id}"`);
      documents.set(d.id, { meta: documentMeta(d), text });
    }
    const prior = new Map(manifest.documents.map((d) => [d.id, documentPrior(d.quality)]));
    const lexical = new PostgresLexicalIndex(db, row.stats, prior, (id) => store.indexOf(id));
    opts.onProgress?.({ phase: 'opening', detail: 'models' });
    return await finishIndex(opts, manifest, { store, lexical, coverage, documents }, () => db.end());
  } catch (err) {
    await db.end().catch(() => undefined);
    throw err;
  }
}
