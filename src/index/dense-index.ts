/**
 * Dense passage index: LangChain HNSWLib (hnswlib-node, cosine space) over passage embeddings.
 * Documents carry only { id, docId } as metadata; the Passage itself stays in the passage store.
 */
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Passage } from '../types.js';

export interface DenseHit {
  /** Passage id. */
  id: string;
  /** Cosine similarity in [-1, 1] (1 = same direction), i.e. 1 − hnswlib's cosine distance. */
  score: number;
}

interface DenseMetadata {
  id: string;
  docId: string;
}

/** Candidate list size for HNSW search; above k it trades a little speed for recall. */
const MIN_EF = 64;

export async function buildDenseIndex(passages: readonly Passage[], embedder: EmbeddingsInterface): Promise<HNSWLib> {
  if (passages.length === 0) throw new Error('buildDenseIndex: no passages to index');
  const docs = passages.map(
    (p) => new Document<DenseMetadata>({ pageContent: p.text, metadata: { id: p.id, docId: p.docId } }),
  );
  return HNSWLib.fromDocuments(docs, embedder);
}

/** Writes hnswlib.index, args.json and docstore.json into `dir` (created if needed). */
export async function saveDenseIndex(store: HNSWLib, dir: string): Promise<void> {
  await store.save(dir);
}

/** `embedder` must be the same model (and instructions) the index was built with. */
export async function loadDenseIndex(dir: string, embedder: EmbeddingsInterface): Promise<HNSWLib> {
  return HNSWLib.load(dir, embedder);
}

/** Top-k passages for `query`, best first. */
export async function denseSearch(store: HNSWLib, query: string, k: number): Promise<DenseHit[]> {
  const count = store.index.getCurrentCount();
  const n = Math.min(Math.floor(k), count);
  if (n <= 0) return [];
  const vector = await store.embeddings.embedQuery(query);
  store.index.setEf(Math.max(MIN_EF, n));
  const results = await store.similaritySearchVectorWithScore(vector, n);
  // hnswlib's "cosine" space returns distance = 1 − cos(a, b).
  return results
    .map(([doc, distance]) => ({ id: String((doc.metadata as DenseMetadata).id), score: 1 - distance }))
    .sort((a, b) => b.score - a.score);
}
