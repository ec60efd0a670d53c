import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { SourceDocument } from '../ingest/corpus.js';

/** Bump when cleaning, passage cutting or index tokenisation changes, so old indexes count as stale. */
export const PIPELINE_VERSION = 5;

export interface DenseManifest {
  model: string;
  dimensions: number;
  pooling: string;
  normalize: boolean;
  queryInstruction: string | null;
  space: 'cosine';
  /** Vector-store backend holding the vectors. */
  store: string;
  /** Where the vectors came from when not the local model: an OpenAI-compatible server (never its key). */
  provider?: 'openai';
  endpoint?: string;
}

export interface IndexManifest {
  formatVersion: 1;
  pipelineVersion: number;
  builtAt: string;
  buildMs: number;
  corpusHash: string;
  lexiconHash: string;
  documents: Array<{ id: string; title: string; language: string; updated: string | null; passages: number }>;
  passageCount: number;
  maxPassageChars: number;
  lexical: { library: string; fields: Record<string, number>; tokenizer: string };
  /** The embedding model asked for at build time ("none" when dense retrieval was switched off). */
  requestedModel: string;
  /** Set when the embeddings were asked of a model server (EMBEDDING_PROVIDER=openai); absent means local. */
  requestedProvider?: 'openai';
  /** Null when the model could not be loaded and the index is lexical only. */
  dense: DenseManifest | null;
  denseUnavailableReason: string | null;
  retrievalMode: 'lexical' | 'hybrid';
  versions: Record<string, string>;
}

export function hashCorpus(docs: SourceDocument[]): string {
  const h = createHash('sha256');
  for (const d of docs) h.update(`${d.meta.id}\u0000${JSON.stringify(d.meta)}\u0000${d.raw}\u0000`);
  return h.digest('hex');
}

export function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${path.basename(f)}\u0000${fs.readFileSync(f)}\u0000`);
  return h.digest('hex').slice(0, 16);
}

const require = createRequire(import.meta.url);
function version(pkg: string): string {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    // Packages whose "exports" hide package.json: read it from the resolved entry's folder.
    try {
      let dir = path.dirname(require.resolve(pkg));
      while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
      return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  }
}

export function libraryVersions(): Record<string, string> {
  const out: Record<string, string> = { node: process.version };
  for (const pkg of [
    'wink-bm25-text-search',
    'nodejs-jieba',
    'opencc-js',
    'hnswlib-node',
    '@xenova/transformers',
    '@langchain/community',
    '@langchain/core',
  ]) {
    out[pkg] = version(pkg);
  }
  return out;
}

export interface Expectation {
  maxPassageChars: number;
  corpusHash: string;
  lexiconHash: string;
  requestedModel: string;
  vectorStore: string;
  /** Default local. */
  requestedProvider?: 'local' | 'openai';
}

/** Why an index does not fit the current corpus and configuration, or null when it does. */
export function staleReason(m: IndexManifest, want: Expectation): string | null {
  if (m.formatVersion !== 1 || m.pipelineVersion !== PIPELINE_VERSION) {
    return `the index was built by an older ingestion pipeline (v${m.pipelineVersion}, now v${PIPELINE_VERSION})`;
  }
  if (m.maxPassageChars !== want.maxPassageChars) return `the index was cut into passages of at most ${m.maxPassageChars} characters, not ${want.maxPassageChars}`;
  if (m.corpusHash !== want.corpusHash) return 'the documents in the corpus folder changed since the index was built';
  if (m.lexiconHash !== want.lexiconHash) return 'the segmentation dictionary or stop words changed since the index was built';
  if (m.dense && m.dense.store !== want.vectorStore) {
    return `the dense vectors are in a "${m.dense.store}" store but VECTOR_STORE is "${want.vectorStore}"`;
  }
  if ((m.requestedProvider ?? 'local') !== (want.requestedProvider ?? 'local')) {
    return `the index was built with ${m.requestedProvider ?? 'local'} embeddings but EMBEDDING_PROVIDER is "${want.requestedProvider ?? 'local'}"`;
  }
  if (m.requestedModel !== want.requestedModel) {
    return `the index was built for embedding model "${m.requestedModel}" but EMBEDDING_MODEL is "${want.requestedModel}"`;
  }
  return null;
}
