/**
 * Which embeddings the index uses: the local ONNX model (embeddings.ts) or an OpenAI-compatible
 * model server (remote-embeddings.ts), chosen by EMBEDDING_PROVIDER. Index build and load go through here.
 */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { type EmbedderLoadFailure, loadEmbedder } from './embeddings.js';
import { loadRemoteEmbedder } from './remote-embeddings.js';

export const EMBEDDING_PROVIDERS = ['local', 'openai'] as const;
export type EmbeddingProvider = (typeof EMBEDDING_PROVIDERS)[number];

/** What the index needs from either provider. */
export interface Embedder extends EmbeddingsInterface {
  readonly ok: true;
  readonly dimensions: number;
  readonly settings: {
    readonly modelId: string;
    readonly pooling: string;
    readonly normalize: boolean;
    readonly queryInstruction: string;
    /** Absent for the local provider. */
    readonly provider?: 'openai';
    readonly endpoint?: string;
  };
  dispose(): Promise<void>;
}

export interface EmbedderConfig {
  modelsDir: string;
  allowRemote: boolean;
  /** Default local. */
  provider?: EmbeddingProvider;
  baseUrl?: string;
  apiKey?: string;
  dimensions?: number;
  timeoutMs?: number;
}

export function loadConfiguredEmbedder(modelId: string, cfg: EmbedderConfig): Promise<Embedder | EmbedderLoadFailure> {
  if ((cfg.provider ?? 'local') === 'openai') {
    return loadRemoteEmbedder({ modelId, baseUrl: cfg.baseUrl, apiKey: cfg.apiKey, dimensions: cfg.dimensions, timeoutMs: cfg.timeoutMs ?? 10_000 });
  }
  return loadEmbedder({ modelId, modelsDir: cfg.modelsDir, allowRemote: cfg.allowRemote });
}
