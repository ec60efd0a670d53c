/**
 * HNSW dense store: LangChain HNSWLib (hnswlib-node, cosine space) over passage embeddings.
 * Documents carry only { id, docId } as metadata; the Passage itself stays in the passage store.
 */
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import type { Passage } from '../../ingest/types.js';
import type { DenseBackend, DenseHit, DenseStore } from './store.js';

interface DenseMetadata {
  id: string;
  docId: string;
}

/** Candidate list size for HNSW search; above k it trades a little speed for recall. */
const MIN_EF = 64;

export class HnswStore implements DenseStore {
  readonly kind = 'hnsw';
  constructor(readonly lib: HNSWLib) {}

  count(): number {
    return this.lib.index.getCurrentCount();
  }

  async search(query: string, k: number): Promise<DenseHit[]> {
    const n = Math.min(Math.floor(k), this.count());
    if (n <= 0) return [];
    const vector = await this.lib.embeddings.embedQuery(query);
    this.lib.index.setEf(Math.max(MIN_EF, n));
    const results = await this.lib.similaritySearchVectorWithScore(vector, n);
    // hnswlib's "cosine" space returns distance = 1 − cos(a, b).
    return results
      .map(([doc, distance]) => ({ id: String((doc.metadata as DenseMetadata).id), score: 1 - distance }))
      .sort((a, b) => b.score - a.score);
  }

  /** Writes hnswlib.index, args.json and docstore.json into `dir` (created if needed). */
  save(dir: string): Promise<void> {
    return this.lib.save(dir);
  }
}

export const hnswBackend: DenseBackend = {
  kind: 'hnsw',
  async build(passages, embedder) {
    if (passages.length === 0) throw new Error('the dense index needs at least one passage');
    const docs = passages.map((p: Passage) => new Document<DenseMetadata>({ pageContent: p.text, metadata: { id: p.id, docId: p.docId } }));
    return new HnswStore(await HNSWLib.fromDocuments(docs, embedder));
  },
  async load(dir: string, embedder: EmbeddingsInterface) {
    return new HnswStore(await HNSWLib.load(dir, embedder));
  },
};
