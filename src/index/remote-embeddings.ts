/**
 * Embeddings from a model server that speaks OpenAI's `POST /v1/embeddings` (Ollama, vLLM,
 * text-embeddings-inference, LiteLLM, hosted APIs), through @langchain/openai's OpenAIEmbeddings.
 * The sibling of embeddings.ts (local ONNX models): same `Embeddings` interface, same query/document
 * instructions per model family, vectors normalised here so both providers store unit vectors.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import { Embeddings } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { DenseHit, DenseStore } from './dense/store.js';
import { type EmbedderLoadFailure, modelDefaults } from './embeddings.js';

/** A failed query embedding is published here (the metrics count it); the request continues lexical-only. */
export const EMBEDDING_ERROR_CHANNEL = 'factsheet-qa:embedding-error';
const embeddingErrors = diagnosticsChannel.channel(EMBEDDING_ERROR_CHANNEL);

export interface RemoteEmbedderOptions {
  /** The model name the server knows (e.g. BAAI/bge-small-zh-v1.5, nomic-embed-text, text-embedding-3-small). */
  modelId: string;
  /** Base URL ending in /v1 (default: the OpenAI API). */
  baseUrl?: string;
  apiKey?: string;
  /** Ask for shortened vectors (models that support it). */
  dimensions?: number;
  timeoutMs: number;
  batchSize?: number;
}

export interface RemoteEmbedderSettings {
  modelId: string;
  provider: 'openai';
  /** Where the vectors come from (recorded in the manifest; never the API key). */
  endpoint: string;
  /** Pooling happens on the server. */
  pooling: 'server';
  normalize: true;
  queryInstruction: string;
  documentInstruction: string;
  dimensions?: number;
}

const OPENAI_API = 'https://api.openai.com/v1';

function unit(v: number[]): number[] {
  const norm = Math.hypot(...v);
  return norm > 0 ? v.map((x) => x / norm) : v;
}

export class RemoteEmbeddings extends Embeddings {
  readonly ok = true as const;
  dimensions = 0;

  constructor(
    private readonly clients: { documents: OpenAIEmbeddings; queries: OpenAIEmbeddings },
    readonly settings: Readonly<RemoteEmbedderSettings>,
  ) {
    super({ maxRetries: 0 });
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors = await this.clients.documents.embedDocuments(documents.map((d) => this.settings.documentInstruction + d));
    return vectors.map(unit);
  }

  async embedQuery(query: string): Promise<number[]> {
    return unit(await this.clients.queries.embedQuery(this.settings.queryInstruction + query));
  }

  async dispose(): Promise<void> {}
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();
}

/** Connects to the server and embeds a probe; a failure is a reason, like a missing local model. */
export async function loadRemoteEmbedder(options: RemoteEmbedderOptions): Promise<RemoteEmbeddings | EmbedderLoadFailure> {
  const defaults = modelDefaults(options.modelId);
  const endpoint = (options.baseUrl ?? OPENAI_API).replace(/\/+$/, '');
  const settings: RemoteEmbedderSettings = {
    modelId: options.modelId,
    provider: 'openai',
    endpoint,
    pooling: 'server',
    normalize: true,
    queryInstruction: defaults.queryInstruction ?? '',
    documentInstruction: defaults.documentInstruction ?? '',
    dimensions: options.dimensions,
  };
  const client = (maxRetries: number) =>
    new OpenAIEmbeddings({
      model: options.modelId,
      // Local servers accept any key, but the client insists on one.
      apiKey: options.apiKey ?? 'not-needed',
      configuration: { baseURL: endpoint },
      dimensions: options.dimensions,
      batchSize: options.batchSize ?? 64,
      timeout: options.timeoutMs,
      maxRetries,
      // Passages are embedded as they are indexed, newlines included.
      stripNewLines: false,
      // Plain float arrays: every compatible server supports them (not all support base64).
      encodingFormat: 'float',
    });
  // Index builds retry a dropped connection; a question never waits for a retry (it falls back to lexical).
  const embedder = new RemoteEmbeddings({ documents: client(2), queries: client(0) }, settings);
  try {
    // Probed without retries: a server that is down says so at once.
    const probe = await embedder.embedQuery('dimension probe 維度探測');
    if (!probe || probe.length === 0 || !probe.every(Number.isFinite)) {
      return { ok: false, reason: `embedding server ${endpoint} returned an empty or non-finite vector for "${options.modelId}"` };
    }
    embedder.dimensions = probe.length;
  } catch (err) {
    return { ok: false, reason: `embedding server ${endpoint} (model "${options.modelId}") failed: ${firstLine(err)}` };
  }
  return embedder;
}

/**
 * A dense store whose query failures (a model server down or slow) cost the request its dense ranking,
 * not its answer: the failure is published and logged, and the search returns nothing.
 */
export function tolerantStore(store: DenseStore, log: (line: string) => void): DenseStore {
  return {
    kind: store.kind,
    count: () => store.count(),
    save: (dir) => store.save(dir),
    close: () => store.close?.() ?? Promise.resolve(),
    async search(query: string, k: number): Promise<DenseHit[]> {
      try {
        return await store.search(query, k);
      } catch (err) {
        embeddingErrors.publish({ error: firstLine(err) });
        log(`query embedding failed (${firstLine(err)}); this request uses lexical retrieval only`);
        return [];
      }
    },
  };
}
