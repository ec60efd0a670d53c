import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { SourceDocument } from '../ingest/corpus.js';
import type { DocumentMeta } from '../ingest/types.js';
import { lexiconPath } from '../text/lexicon.js';
import { IndexDamagedError } from './integrity.js';

/** Bump when cleaning, passage cutting or index tokenisation changes, so old indexes count as stale. */
export const PIPELINE_VERSION = 6;
/** Bump when the layout of the files under index/ changes. */
export const FORMAT_VERSION = 3;

const denseSchema = z.object({
  model: z.string().min(1),
  dimensions: z.number().int().positive(),
  pooling: z.string(),
  normalize: z.boolean(),
  queryInstruction: z.string().nullable(),
  space: z.literal('cosine'),
  /** Vector-store backend holding the vectors. */
  store: z.string().min(1),
  /** Where the vectors came from when not the local model: an OpenAI-compatible server (never its key). */
  provider: z.literal('openai').optional(),
  endpoint: z.string().optional(),
});

const fileStatSchema = z.object({ bytes: z.number(), mtimeMs: z.number(), metaBytes: z.number().nullable(), metaMtimeMs: z.number().nullable() });
export type FileStat = z.infer<typeof fileStatSchema>;

const fileSchema = z.object({ bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** The manifest is validated like any input: a damaged one names itself instead of failing later. */
export const manifestSchema = z
  .object({
    formatVersion: z.literal(FORMAT_VERSION),
    pipelineVersion: z.number().int(),
    builtAt: z.string(),
    buildMs: z.number().nonnegative(),
    corpusHash: z.string().min(1),
    lexiconHash: z.string().min(1),
    documents: z
      .array(
        z.object({
          id: z.string().min(1),
          title: z.string().min(1),
          language: z.string(),
          updated: z.string().nullable(),
          publisher: z.string().optional(),
          source: z.string().optional(),
          url: z.string().optional(),
          series: z.string().optional(),
          edition: z.string().optional(),
          /** SHA-256 of the document's metadata and raw text: an unchanged document is not analysed again. */
          hash: z.string().regex(/^[0-9a-f]{64}$/),
          /** Its file in the corpus folder, and the size and time of that file and its metadata file when hashed. */
          file: z.string().min(1),
          stat: fileStatSchema,
          passages: z.number().int().nonnegative(),
          /** How much the text reads as words (null: too little Han text); scales its lexical scores. */
          quality: z.number().min(0).max(1).nullable(),
        }),
      )
      .min(1, 'lists no documents'),
    passageCount: z.number().int().positive(),
    maxPassageChars: z.number().int().positive(),
    lexical: z.object({ library: z.string(), fields: z.record(z.string(), z.number()), tokenizer: z.string() }),
    /** The embedding model asked for at build time ("none" when dense retrieval was switched off). */
    requestedModel: z.string(),
    /** Set when the embeddings were asked of a model server (EMBEDDING_PROVIDER=openai); absent means local. */
    requestedProvider: z.literal('openai').optional(),
    /** Null when the model could not be loaded and the index is lexical only. */
    dense: denseSchema.nullable(),
    denseUnavailableReason: z.string().nullable(),
    retrievalMode: z.enum(['lexical', 'hybrid']),
    versions: z.record(z.string(), z.string()),
    /** Every file the server reads (relative path → size and SHA-256), verified before loading. */
    files: z.record(z.string(), fileSchema),
    /** Per-document analysis files (ingest's cache, checked when reused, not needed to serve). */
    segments: z.record(z.string(), fileSchema),
    /** Pipeline version, lexicon hash and passage size the segments were analysed with. */
    segmentPipeline: z.string(),
  })
  .superRefine((m, ctx) => {
    const sum = m.documents.reduce((s, d) => s + d.passages, 0);
    if (sum !== m.passageCount) ctx.addIssue({ code: 'custom', message: `counts ${m.passageCount} passages but its documents hold ${sum}` });
    if (Object.keys(m.files).length === 0) ctx.addIssue({ code: 'custom', message: 'records no files' });
  });

export type DenseManifest = z.infer<typeof denseSchema>;
export type IndexManifest = z.infer<typeof manifestSchema>;
export type DocumentEntry = IndexManifest['documents'][number];

/** A document's metadata as the manifest records it. */
export function metaOf(d: DocumentEntry): DocumentMeta {
  return {
    id: d.id,
    title: d.title,
    language: d.language,
    updated: d.updated ?? undefined,
    publisher: d.publisher,
    source: d.source,
    ...(d.url ? { url: d.url } : {}),
    ...(d.series ? { series: d.series } : {}),
    ...(d.edition ? { edition: d.edition } : {}),
  };
}

/**
 * The manifest's versions, when they are readable: an index written by an older pipeline or format is
 * stale (rebuilt), not damaged, whatever else it holds.
 */
export function outdatedReason(raw: unknown): string | null {
  const v = (raw ?? {}) as { formatVersion?: unknown; pipelineVersion?: unknown };
  if (typeof raw !== 'object' || raw === null || (v.formatVersion === FORMAT_VERSION && v.pipelineVersion === PIPELINE_VERSION)) return null;
  if (typeof v.formatVersion !== 'number' || typeof v.pipelineVersion !== 'number') return null;
  return `the index was built by an older ingestion pipeline (format v${v.formatVersion}, pipeline v${v.pipelineVersion}; now v${FORMAT_VERSION}, v${PIPELINE_VERSION})`;
}

/** Validates a parsed manifest, naming the file and the first problem. */
export function validateManifest(raw: unknown, name = 'manifest.json'): IndexManifest {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` (${issue.path.join('.')})` : '';
    throw new IndexDamagedError(name, `is not a valid index manifest: ${issue.message}${where}`);
  }
  return parsed.data;
}

/** SHA-256 of one document's metadata and raw text. */
export function hashDocument(d: SourceDocument): string {
  return createHash('sha256').update(`${d.meta.id}\u0000${JSON.stringify(d.meta)}\u0000${d.raw}`).digest('hex');
}

/** The corpus's hash from its documents' (in file-name order). */
export function hashDocumentList(docs: Array<{ id: string; hash: string }>): string {
  const h = createHash('sha256');
  for (const d of docs) h.update(`${d.id}\u0000${d.hash}\u0000`);
  return h.digest('hex');
}

export function hashCorpus(docs: SourceDocument[]): string {
  return hashDocumentList(docs.map((d) => ({ id: d.meta.id, hash: hashDocument(d) })));
}

export function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${path.basename(f)}\u0000${fs.readFileSync(f)}\u0000`);
  return h.digest('hex').slice(0, 16);
}

/** Files whose content changes index-time tokens (synonyms are query-side only). */
export function lexiconFiles(): string[] {
  return [lexiconPath('hk-user-dict.txt'), lexiconPath('stopwords.txt')];
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
  const outdated = outdatedReason(m);
  if (outdated) return outdated;
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
