/**
 * Checking and reading an index from its files: the manifest against the corpus and configuration,
 * every file against its checksum, counts across files. Runs on the loader's worker thread (keep its
 * imports light: analysis and embedding code load only for a rebuild).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_PASSAGE_CHARS } from '../ingest/passages.js';
import type { DocumentMeta } from '../ingest/types.js';
import type { BuildOptions } from './build-index.js';
import { corpusState } from './corpus-state.js';
import { indexPaths } from './index-files.js';
import { IndexDamagedError, parseJsonFile, verifyFiles } from './integrity.js';
import { documentPrior } from './lexical/bm25f.js';
import { LocalLexicalIndex } from './lexical/local.js';
import { type IndexManifest, hashDocumentList, hashFiles, lexiconFiles, metaOf, outdatedReason, staleReason, validateManifest } from './manifest.js';
import { type Container, readContainer } from './store/container.js';
import { CoverageIndex } from './store/coverage-index.js';
import { DocumentTexts } from './store/document-store.js';
import { PassageStore } from './store/passage-store.js';

export class IndexNotReadyError extends Error {
  override name = 'IndexNotReadyError';
}

/** Where loading is, for /readyz while it runs. */
export interface LoadProgress {
  phase: 'checking' | 'building' | 'verifying' | 'reading' | 'opening';
  detail: string;
}

export interface LoadOptions extends BuildOptions {
  /** Rebuild when the index is missing, damaged or does not match the corpus/configuration (npm start does). */
  rebuildIfStale?: boolean;
  /** Use an intact index even when it no longer fits the corpus or configuration (reports, tools). */
  acceptStale?: boolean;
  /** Check, build and read the files in a worker thread so this thread's event loop stays free. */
  inWorker?: boolean;
  onProgress?: (p: LoadProgress) => void;
}

type IndexOpts = Pick<BuildOptions, 'corpusDir' | 'indexDir' | 'embedding' | 'maxPassageChars'>;

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
export function inspectIndex(opts: IndexOpts): { stale: string; manifest?: IndexManifest } | { manifest: IndexManifest } {
  const paths = indexPaths(opts.indexDir);
  if (!fs.existsSync(paths.manifest)) return { stale: `no index found in ${opts.indexDir}` };
  const raw = parseJsonFile(opts.indexDir, paths.manifest);
  const outdated = outdatedReason(raw);
  if (outdated) return { stale: outdated };
  const manifest = validateManifest(raw);
  const docs = corpusState(opts.corpusDir, manifest);
  const stale = staleReason(manifest, {
    maxPassageChars: opts.maxPassageChars ?? DEFAULT_MAX_PASSAGE_CHARS,
    corpusHash: hashDocumentList(docs),
    lexiconHash: hashFiles(lexiconFiles()),
    requestedModel: opts.embedding.model,
    vectorStore: opts.embedding.store,
    requestedProvider: opts.embedding.provider,
  });
  if (stale) return { stale: stale + (stale.includes('corpus folder changed') ? corpusChange(manifest, docs) : ''), manifest };
  return { manifest };
}

/** The index files as plain data (transferable from a worker thread). */
export interface IndexData {
  manifest: IndexManifest;
  passages: Container;
  lexical: Container;
  coverage: Container;
  /** Offsets only: the texts stay on disk. */
  documents: Container;
}

const CONTAINERS = ['passages.bin', 'lexical.bin', 'coverage.bin', 'documents.bin'] as const;

/** Reads the binary files (checking each against its checksum on the way) and verifies every other file. */
function readIndexData(opts: IndexOpts, manifest: IndexManifest, onProgress?: (p: LoadProgress) => void): IndexData {
  const read = (name: (typeof CONTAINERS)[number], lazy: string[] = []) => {
    onProgress?.({ phase: 'reading', detail: name });
    const want = manifest.files[name];
    if (!want) throw new IndexDamagedError('manifest.json', `does not record ${name}`);
    const c = readContainer(path.join(opts.indexDir, name), name, undefined, lazy);
    if (c.sha256 !== want.sha256) throw new IndexDamagedError(name, 'does not match its checksum in the manifest');
    return c;
  };
  const data = { manifest, passages: read('passages.bin'), lexical: read('lexical.bin'), coverage: read('coverage.bin'), documents: read('documents.bin', ['text']) };
  const rest = Object.fromEntries(Object.entries(manifest.files).filter(([name]) => !(CONTAINERS as readonly string[]).includes(name)));
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
      if ('stale' in r && !(opts.acceptStale && r.manifest)) return { problem: r.stale };
      const data = readIndexData(opts, r.manifest!, opts.onProgress);
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
    // Imported here: only a rebuild needs the analysis and embedding code.
    const { buildIndex } = await import('./build-index.js');
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

/** Cleaned document text, read from documents.bin when asked for (evaluation and offset checks only). */
class DocumentEntry {
  constructor(
    readonly meta: DocumentMeta,
    private readonly texts: DocumentTexts,
    private readonly i: number,
  ) {}
  get text(): string {
    return this.texts.text(this.i);
  }
}

/** Typed views and lookups over the index data; cheap (no parsing of passages or postings). */
export function assembleIndex(data: IndexData, opts: Pick<IndexOpts, 'indexDir'>) {
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
  const coverage = new CoverageIndex(data.coverage, (i, term) => store.matchIncludes(i, term), 'coverage.bin');
  if (coverage.size !== store.count) throw new IndexDamagedError('coverage.bin', `counts ${coverage.size} passages, the passage store holds ${store.count}`);
  const texts = new DocumentTexts(indexPaths(opts.indexDir).documents, data.documents);
  if (texts.ids.length !== ids.length || texts.ids.some((id, i) => id !== ids[i])) throw new IndexDamagedError('documents.bin', 'lists other documents than the manifest');
  const documents = new Map<string, { meta: DocumentMeta; text: string }>();
  manifest.documents.forEach((d, i) => documents.set(d.id, new DocumentEntry(metaOf(d), texts, i)));
  return { store, lexical, coverage, documents };
}

