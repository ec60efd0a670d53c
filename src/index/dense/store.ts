import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { Passage } from '../../ingest/types.js';

export interface DenseHit {
  /** Passage id. */
  id: string;
  /** Cosine similarity in [-1, 1] (1 = same direction). */
  score: number;
}

/** A built vector index over passage embeddings, searchable by query text. */
export interface DenseStore {
  /** Which backend holds the vectors (recorded in the manifest). */
  readonly kind: string;
  count(): number;
  /** Top-k passages for `query`, best first; k above the size is clamped. */
  search(query: string, k: number): Promise<DenseHit[]>;
  /** Persists the store into `dir` (a folder under index/). */
  save(dir: string): Promise<void>;
}

/**
 * A vector-store backend (like LangChain's VectorStore implementations behind one interface): builds
 * a store from passages and loads a saved one. `embedder` must be the model the store was built with.
 */
export interface DenseBackend {
  readonly kind: string;
  build(passages: readonly Passage[], embedder: EmbeddingsInterface): Promise<DenseStore>;
  load(dir: string, embedder: EmbeddingsInterface): Promise<DenseStore>;
}
