import { hnswBackend } from './hnsw.js';
import { pgvectorBackend } from './pgvector.js';
import type { DenseBackend } from './store.js';

export type { DenseBackend, DenseContext, DenseHit, DenseStore, HnswParams } from './store.js';

/** Vector-store backends by name (VECTOR_STORE); adding one is a file beside this and a line here. */
const BACKENDS: Record<string, DenseBackend> = { [hnswBackend.kind]: hnswBackend, [pgvectorBackend.kind]: pgvectorBackend };

export const DENSE_BACKENDS = Object.keys(BACKENDS);

export function denseBackend(kind: string): DenseBackend {
  const b = BACKENDS[kind];
  if (!b) throw new Error(`Unknown vector store "${kind}" (known: ${DENSE_BACKENDS.join(', ')})`);
  return b;
}
